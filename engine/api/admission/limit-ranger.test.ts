/**
 * The LimitRanger through the API server's create: defaults, the annotation, the order
 * against pod defaulting and validation, and the Forbidden texts of admission.go.
 */
import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import { DEFAULT_CLUSTER } from "../../bootstrap";
import type { KubeObject } from "../object";
import { resolveResource, type ResourceType } from "../resources";

const pods = resolveResource("pods") as ResourceType;
const limitranges = resolveResource("limitranges") as ResourceType;
const START = Date.UTC(2026, 0, 27, 10, 0, 0);

type Obj = Record<string, unknown>;

function clusterWith(...limits: unknown[][]): Cluster {
  const c = Cluster.create(DEFAULT_CLUSTER, START, 1);
  limits.forEach((items, i) => {
    const r = c.api.create(limitranges, "default", { apiVersion: "v1", kind: "LimitRange", metadata: { name: `lr-${i}` }, spec: { limits: items } });
    if (!r.ok) throw new Error(r.error.message);
  });
  return c;
}

const container = (name: string, resources?: Obj): Obj => ({ name, image: "nginx", ...(resources ? { resources } : {}) });
const pod = (containers: Obj[], extra: Obj = {}) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers, ...extra } });

function create(c: Cluster, manifest: unknown): KubeObject | string {
  const r = c.api.create(pods, "default", manifest);
  return r.ok ? r.value.object : r.error.message;
}

function created(c: Cluster, manifest: unknown): KubeObject {
  const r = create(c, manifest);
  if (typeof r === "string") throw new Error(r);
  return r;
}

const resourcesOf = (p: KubeObject, i = 0) => ((p.spec as Obj).containers as Obj[])[i].resources;
const annotation = (p: KubeObject) => p.metadata.annotations?.["kubernetes.io/limit-ranger"];

const DEFAULTS = [{ type: "Container", default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "250m", memory: "256Mi" } }];

describe("LimitRanger defaults (mutating admission)", () => {
  it("fills requests and limits and says so in the annotation", () => {
    const p = created(clusterWith(DEFAULTS), pod([container("web")]));
    expect(resourcesOf(p)).toEqual({ limits: { cpu: "500m", memory: "512Mi" }, requests: { cpu: "250m", memory: "256Mi" } });
    expect(annotation(p)).toBe("LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web");
    // the QoS class is computed after admission, from the filled-in resources
    expect(p.status).toEqual({ phase: "Pending", qosClass: "Burstable" });
  });

  it("uses default as the request when the LimitRange has no defaultRequest", () => {
    const p = created(clusterWith([{ type: "Container", default: { cpu: "1" } }]), pod([container("web")]));
    expect(resourcesOf(p)).toEqual({ limits: { cpu: "1" }, requests: { cpu: "1" } });
    expect(annotation(p)).toBe("LimitRanger plugin set: cpu request for container web; cpu limit for container web");
  });

  it("leaves a request the pod defaulting copied from a limit alone", () => {
    const p = created(clusterWith(DEFAULTS), pod([container("web", { limits: { memory: "1Gi" } })]));
    expect(resourcesOf(p)).toEqual({ limits: { cpu: "500m", memory: "1Gi" }, requests: { cpu: "250m", memory: "1Gi" } });
    expect(annotation(p)).toBe("LimitRanger plugin set: cpu request for container web; cpu limit for container web");
  });

  it("names init containers as such, after the regular ones", () => {
    const p = created(clusterWith([{ type: "Container", default: { memory: "128Mi" } }]), pod([container("web")], { initContainers: [container("setup")] }));
    expect(annotation(p)).toBe(
      "LimitRanger plugin set: memory request for container web; memory limit for container web; memory request for init container setup; memory limit for init container setup",
    );
  });

  it("adds no annotation when the pod sets everything", () => {
    const p = created(clusterWith(DEFAULTS), pod([container("web", { limits: { cpu: "1", memory: "1Gi" } })]));
    expect(p.metadata.annotations).toBeUndefined();
  });

  it("lets pod validation refuse a request above the default limit it was given", () => {
    expect(create(clusterWith(DEFAULTS), pod([container("web", { requests: { cpu: "1" } })]))).toBe(
      'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    );
  });
});

describe("LimitRanger constraints (validating admission)", () => {
  const BOUNDS = [{ type: "Container", max: { cpu: "1", memory: "1Gi" }, min: { memory: "100Mi" } }];
  it.each<[string, unknown[], Obj[], string]>([
    ["limits above max", BOUNDS, [container("web", { limits: { cpu: "2", memory: "2Gi" } })], "[maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]"],
    ["a request below min", BOUNDS, [container("web", { requests: { memory: "50Mi" } })], "minimum memory usage per Container is 100Mi, but request is 50Mi"],
    ["a limit below min, reported as the request copied from it", [{ type: "Container", min: { memory: "100Mi" }, defaultRequest: { memory: "100Mi" } }], [container("web", { requests: { memory: "100Mi" }, limits: { memory: "200Mi" } }), container("side", { limits: { memory: "64Mi" } })], "minimum memory usage per Container is 100Mi, but request is 64Mi"],
    ["no limit under a Pod max", [{ type: "Pod", max: { memory: "1Gi" } }], [container("web")], "maximum memory usage per Pod is 1Gi.  No limit is specified"],
    ["the containers together above a Pod max", [{ type: "Pod", max: { memory: "1Gi" } }], [container("a", { limits: { memory: "600Mi" } }), container("b", { limits: { memory: "600Mi" } })], "maximum memory usage per Pod is 1Gi, but limit is 1200Mi"],
    ["a ratio above the maximum", [{ type: "Container", maxLimitRequestRatio: { cpu: "2" } }], [container("web", { requests: { cpu: "100m" }, limits: { cpu: "500m" } })], "cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000"],
    ["a ratio with no request", [{ type: "Container", maxLimitRequestRatio: { cpu: "2" } }], [container("web")], "cpu max limit to request ratio per Container is 2, but no request is specified or request is 0"],
    ["the same violation twice, reported once", [{ type: "Container", max: { cpu: "1" } }], [container("a", { limits: { cpu: "2" } }), container("b", { limits: { cpu: "2" } })], "maximum cpu usage per Container is 1, but limit is 2"],
  ])("%s", (_name, items, containers, reason) => {
    expect(create(clusterWith(items), pod(containers))).toBe(`pods "web" is forbidden: ${reason}`);
  });

  it("admits a pod within the bounds, with the defaults max implies", () => {
    const p = created(clusterWith([{ type: "Container", max: { cpu: "1" } }]), pod([container("web")]));
    expect(resourcesOf(p)).toEqual({ limits: { cpu: "1" }, requests: { cpu: "1" } });
  });

  it("stops at the first LimitRange, in name order, that the pod breaks", () => {
    const c = clusterWith([{ type: "Container", max: { cpu: "1" } }], [{ type: "Container", max: { cpu: "500m" } }]);
    expect(create(c, pod([container("web", { limits: { cpu: "2" } })]))).toBe('pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });
});
