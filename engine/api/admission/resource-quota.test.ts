/**
 * ResourceQuota admission through the API server's create. The quota controller fills
 * each quota's status first (`settle`), as it has on a real cluster by the time a
 * learner creates something. Expected texts follow CheckRequest in the apiserver's
 * resourcequota controller.go and the pods evaluator's Constraints.
 */
import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import { DEFAULT_CLUSTER } from "../../bootstrap";
import type { KubeObject } from "../object";
import { resolveResource, type ResourceType } from "../resources";

const type = (name: string) => resolveResource(name) as ResourceType;
const START = Date.UTC(2026, 0, 27, 10, 0, 0);

type Obj = Record<string, unknown>;

function clusterWith(quotas: Record<string, Obj>, limitRange?: unknown[]): Cluster {
  const c = Cluster.create(DEFAULT_CLUSTER, START, 1);
  if (limitRange) c.api.create(type("limitranges"), "default", { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr" }, spec: { limits: limitRange } });
  for (const [name, spec] of Object.entries(quotas)) {
    const r = c.api.create(type("quota"), "default", { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec });
    if (!r.ok) throw new Error(r.error.message);
  }
  c.settle();
  return c;
}

const container = (name: string, resources?: Obj): Obj => ({ name, image: "nginx", ...(resources ? { resources } : {}) });
const pod = (name: string, containers: Obj[]) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers } });
const sized = (name: string, cpu: string, memory: string) => pod(name, [container(name, { limits: { cpu, memory } })]);

function create(c: Cluster, resource: string, manifest: unknown, dryRun = false): string {
  const r = c.api.create(type(resource), "default", manifest, { dryRun });
  return r.ok ? "created" : r.error.message;
}

const used = (c: Cluster, name = "q") => ((c.api.store.get("resourcequotas", "default", name) as KubeObject).status as Obj).used;

describe("ResourceQuota admission", () => {
  it("refuses what does not fit, naming only the exceeded resources", () => {
    const c = clusterWith({ q: { hard: { "requests.memory": "1Gi", "requests.cpu": "4" } } });
    expect(create(c, "pods", sized("big", "1", "2Gi"))).toBe(
      'pods "big" is forbidden: exceeded quota: q, requested: requests.memory=2Gi, used: requests.memory=0, limited: requests.memory=1Gi',
    );
  });

  it("lists several exceeded resources sorted and joined by commas", () => {
    const c = clusterWith({ q: { hard: { pods: "1", cpu: "1" } } });
    expect(create(c, "pods", sized("a", "500m", "64Mi"))).toBe("created");
    expect(create(c, "pods", sized("b", "1", "64Mi"))).toBe('pods "b" is forbidden: exceeded quota: q, requested: cpu=1,pods=1, used: cpu=500m,pods=1, limited: cpu=1,pods=1');
  });

  it("asks every container for what a compute quota limits (the pods evaluator's Constraints)", () => {
    const c = clusterWith({ q: { hard: { "limits.cpu": "2", "limits.memory": "2Gi", pods: "5" } } });
    expect(create(c, "pods", pod("web", [container("web"), container("log", { limits: { cpu: "100m" } })]))).toBe(
      'pods "web" is forbidden: failed quota: q: must specify limits.cpu for: web; limits.memory for: log,web',
    );
  });

  it("counts the limits a LimitRange filled in, since it runs first", () => {
    const c = clusterWith({ q: { hard: { "limits.cpu": "2", "limits.memory": "2Gi" } } }, [{ type: "Container", default: { cpu: "500m", memory: "512Mi" } }]);
    expect(create(c, "pods", pod("web", [container("web")]))).toBe("created");
    expect(used(c)).toEqual({ "limits.cpu": "500m", "limits.memory": "512Mi" });
  });

  it("charges the quota at once, and not for a server dry run", () => {
    const c = clusterWith({ q: { hard: { pods: "2", "requests.memory": "1Gi" } } });
    expect(create(c, "pods", sized("dry", "100m", "256Mi"), true)).toBe("created");
    expect(used(c)).toEqual({ pods: "0", "requests.memory": "0" });
    expect(create(c, "pods", sized("a", "100m", "256Mi"))).toBe("created");
    expect(create(c, "pods", sized("b", "100m", "256Mi"))).toBe("created");
    expect(used(c)).toEqual({ pods: "2", "requests.memory": "512Mi" });
  });

  it("counts other kinds by count/<resource>, and configmaps and secrets by their bare names too", () => {
    const c = clusterWith({ q: { hard: { configmaps: "1", "count/deployments.apps": "0" } } });
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" } };
    // kube-root-ca.crt is already there
    expect(create(c, "configmaps", cm)).toBe('configmaps "settings" is forbidden: exceeded quota: q, requested: configmaps=1, used: configmaps=1, limited: configmaps=1');
    const deploy = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [container("web")] } } } };
    expect(create(c, "deployments", deploy)).toBe(
      'deployments.apps "web" is forbidden: exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0',
    );
  });

  it("counts node ports per port of a NodePort service", () => {
    const c = clusterWith({ q: { hard: { "services.nodeports": "1" } } });
    const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { type: "NodePort", ports: [{ name: "a", port: 80 }, { name: "b", port: 81 }] } };
    expect(create(c, "services", svc)).toBe('services "web" is forbidden: exceeded quota: q, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
  });

  it("only counts the pods inside a quota's scopes", () => {
    const c = clusterWith({ q: { hard: { pods: "1" }, scopes: ["BestEffort"] } });
    expect(create(c, "pods", pod("a", [container("a")]))).toBe("created");
    expect(create(c, "pods", sized("sized", "100m", "64Mi"))).toBe("created");
    expect(create(c, "pods", pod("b", [container("b")]))).toBe('pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it("refuses what it would count while the quota's usage is unknown", () => {
    const c = clusterWith({ q: { hard: { pods: "1" } } });
    const quota = c.api.store.get("resourcequotas", "default", "q") as KubeObject;
    c.api.updateStatus(type("quota"), { ...quota, status: { hard: { pods: "1", "requests.cpu": "1" }, used: { pods: "0" } } });
    expect(create(c, "pods", sized("a", "100m", "64Mi"))).toBe('pods "a" is forbidden: status unknown for quota: q, resources: pods,requests.cpu');
  });
});
