import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { DEFAULT_CLUSTER } from "../bootstrap";
import type { KubeObject } from "./object";
import { resolveResource } from "./resources";
import type { ResourceType } from "./resources";

const START = Date.UTC(2026, 0, 27, 10, 0, 0);
const pods = resolveResource("pods") as ResourceType;
const deployments = resolveResource("deploy") as ResourceType;

function cluster(): Cluster {
  return Cluster.create(DEFAULT_CLUSTER, START, 3);
}

const minimalPod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { containers: [{ name: "app", image: "nginx:1.25", ...extra }] },
});

describe("pod defaulting (fidelity 1.1)", () => {
  it("fills every field a real API server fills", () => {
    const c = cluster();
    const r = c.api.create(pods, "default", minimalPod("web", { ports: [{ containerPort: 80 }] }));
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value.object as KubeObject & { spec: Record<string, unknown>; status: Record<string, unknown> };
    const container = (p.spec.containers as Record<string, unknown>[])[0];
    expect(p.metadata.generation).toBe(1);
    expect(p.metadata.creationTimestamp).toBe("2026-01-27T10:00:00Z");
    expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(container).toMatchObject({
      imagePullPolicy: "IfNotPresent",
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
      resources: {},
      ports: [{ containerPort: 80, protocol: "TCP" }],
      volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true }],
    });
    expect(p.spec).toMatchObject({
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
    });
    const vol = (p.spec.volumes as Record<string, unknown>[])[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it.each([
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["nginx:1.25", "IfNotPresent"],
    ["nginx@sha256:" + "a".repeat(64), "IfNotPresent"],
    ["localhost:5000/app", "Always"],
    ["localhost:5000/app:v1", "IfNotPresent"],
  ])("imagePullPolicy of %s is %s", (image, policy) => {
    const c = cluster();
    const r = c.api.create(pods, "default", { ...minimalPod("p"), spec: { containers: [{ name: "a", image }] } });
    expect(r.ok && (r.value.object.spec as { containers: { imagePullPolicy: string }[] }).containers[0].imagePullPolicy).toBe(policy);
  });

  it.each([
    [{ limits: { cpu: "500m", memory: "128Mi" } }, "Guaranteed"],
    [{ requests: { cpu: "100m" } }, "Burstable"],
    [{ requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "100m", memory: "64Mi" } }, "Guaranteed"],
    [{ requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "64Mi" } }, "Burstable"],
  ])("QoS of %j is %s, and limits are copied into missing requests", (resources, qos) => {
    const c = cluster();
    const r = c.api.create(pods, "default", minimalPod("q", { resources }));
    if (!r.ok) throw new Error(r.error.message);
    expect((r.value.object.status as { qosClass: string }).qosClass).toBe(qos);
    const got = (r.value.object.spec as { containers: { resources: { requests: unknown; limits?: unknown } }[] }).containers[0].resources;
    if ("limits" in resources && !("requests" in resources)) expect(got.requests).toEqual(resources.limits);
  });
});

describe("validation with the server's texts (fidelity 2.3)", () => {
  it("refuses a missing image", () => {
    const r = cluster().api.create(pods, "default", { metadata: { name: "x" }, spec: { containers: [{ name: "x" }] } });
    expect(!r.ok && r.error.message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
  });

  it("gives both causes for My_Pod, metadata first", () => {
    const r = cluster().api.create(pods, "default", { metadata: { name: "My_Pod" }, spec: { containers: [{ name: "My_Pod", image: "nginx" }] } });
    if (r.ok) throw new Error("expected an error");
    expect(r.error.details?.causes?.map((c) => c.message)).toEqual([
      `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `spec.containers[0].name: Invalid value: "My_Pod": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it("names the supported restart policies", () => {
    const r = cluster().api.create(pods, "default", { ...minimalPod("x"), spec: { restartPolicy: "always", containers: [{ name: "a", image: "nginx" }] } });
    expect(!r.ok && r.error.details?.causes?.[0].message).toBe('spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"');
  });

  it("AlreadyExists and NotFound", () => {
    const c = cluster();
    expect(c.api.create(pods, "default", minimalPod("a")).ok).toBe(true);
    const again = c.api.create(pods, "default", minimalPod("a"));
    expect(!again.ok && again.error).toMatchObject({ reason: "AlreadyExists", message: 'pods "a" already exists' });
    const missing = c.api.get(deployments, "default", "nope");
    expect(!missing.ok && missing.error).toMatchObject({ reason: "NotFound", message: 'deployments.apps "nope" not found' });
    const ns = c.api.create(pods, "nowhere", minimalPod("a"));
    expect(!ns.ok && ns.error.message).toBe('namespaces "nowhere" not found');
  });

  it("a stale resourceVersion is a Conflict", () => {
    const c = cluster();
    const r = c.api.create(pods, "default", minimalPod("a"));
    if (!r.ok) throw new Error();
    c.settle();
    const stale = { ...r.value.object, metadata: { ...r.value.object.metadata, labels: { x: "y" } } };
    const u = c.api.update(pods, "default", stale);
    expect(!u.ok && u.error.message).toBe('Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again');
  });

  it("only image may change in a pod spec", () => {
    const c = cluster();
    const r = c.api.create(pods, "default", minimalPod("a"));
    if (!r.ok) throw new Error();
    const cur = c.api.get(pods, "default", "a");
    if (!cur.ok) throw new Error();
    const spec = structuredClone(cur.value.spec) as { containers: Record<string, unknown>[] };
    spec.containers[0].image = "nginx:1.26";
    expect(c.api.update(pods, "default", { ...cur.value, spec }).ok).toBe(true);
    const now = c.api.get(pods, "default", "a");
    if (!now.ok) throw new Error();
    expect(now.value.metadata.generation).toBe(2);
    const spec2 = structuredClone(now.value.spec) as { containers: Record<string, unknown>[] };
    spec2.containers[0].ports = [{ containerPort: 81, protocol: "TCP" }];
    const bad = c.api.update(pods, "default", { ...now.value, spec: spec2 });
    expect(!bad.ok && bad.error.details?.causes?.[0].message.split("\n")[0]).toBe(
      "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    );
  });
});

describe("selectors", () => {
  it.each([
    ["app=web", ["a"]],
    ["app!=web", ["b", "c"]],
    ["app in (web,db)", ["a", "b"]],
    ["app notin (web)", ["b", "c"]],
    ["tier", ["a"]],
    ["!tier", ["b", "c"]],
    ["app=web,tier=front", ["a"]],
  ])("-l %s", (selector, names) => {
    const c = cluster();
    c.api.create(pods, "default", { ...minimalPod("a"), metadata: { name: "a", labels: { app: "web", tier: "front" } } });
    c.api.create(pods, "default", { ...minimalPod("b"), metadata: { name: "b", labels: { app: "db" } } });
    c.api.create(pods, "default", minimalPod("c"));
    const r = c.api.list(pods, "default", { labelSelector: selector });
    expect(r.ok && r.value.map((p) => p.metadata.name)).toEqual(names);
  });

  it("refuses a field pods do not support, with the server's text", () => {
    const r = cluster().api.list(pods, "default", { fieldSelector: "spec.foo=bar" });
    expect(!r.ok && r.error.message).toBe('Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo');
  });
});

describe("graceful deletion", () => {
  it("a running pod terminates, then goes", () => {
    const c = cluster();
    c.api.create(pods, "default", minimalPod("a"));
    c.settle();
    const d = c.api.delete(pods, "default", "a");
    expect(d.ok && d.value.removed).toBe(false);
    const terminating = c.api.get(pods, "default", "a");
    expect(terminating.ok && terminating.value.metadata.deletionGracePeriodSeconds).toBe(30);
    c.advance(5000);
    expect(c.api.get(pods, "default", "a").ok).toBe(false);
  });

  it("--force --grace-period=0 removes at once", () => {
    const c = cluster();
    c.api.create(pods, "default", minimalPod("a"));
    c.settle();
    const d = c.api.delete(pods, "default", "a", { gracePeriodSeconds: 0 });
    expect(d.ok && d.value.removed).toBe(true);
  });
});
