import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { resolveResource, type ResourceType } from "../../api/resources";
import { printTable, tableHeader, tableRows, type TableOptions } from "./table";

// Goldens hold the cells printers.go computes for each object below, aligned as Go's
// tabwriter does for kubectl (min width 6, padding 3, last column unpadded).
const golden = (name: string) => readFileSync(join(__dirname, "testdata", "tables", name), "utf8");

const NOW = Date.parse("2025-12-07T08:00:00Z");
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace(".000Z", "Z");

const OPTS: TableOptions = { wide: false, showLabels: false, labelColumns: [], noHeaders: false, allNamespaces: false, showKind: false, now: NOW };

function type(name: string): ResourceType {
  const t = resolveResource(name);
  if (!t) throw new Error(`no resource type ${name}`);
  return t;
}

function obj(kind: string, name: string, created: number, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind, metadata: { name, namespace: "default", creationTimestamp: ago(created), ...meta }, ...rest };
}

const rowsOf = (resource: string, objects: KubeObject[]) => objects.map((object) => ({ object, type: type(resource) }));

const running = (name: string) => ({ name, ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(H) } } });
const waiting = (name: string, reason: string, restartCount = 0) => ({ name, ready: false, restartCount, state: { waiting: { reason } } });
const terminated = (name: string, exitCode: number, reason: string) => ({ name, ready: false, restartCount: 0, state: { terminated: { exitCode, reason, finishedAt: ago(M) } } });
const cond = (type: string, status: string, reason?: string) => ({ type, status, ...(reason ? { reason } : {}) });
const containers = (...names: string[]) => names.map((name) => ({ name, image: "busybox" }));
const twoInits = { initContainers: containers("init-a", "init-b"), containers: containers("main") };

const PODS: KubeObject[] = [
  obj("Pod", "pending", 5 * S, { spec: { containers: containers("main") }, status: { phase: "Pending", conditions: [cond("PodScheduled", "False", "Unschedulable")] } }),
  obj("Pod", "creating", 3 * S, { spec: { containers: containers("main"), nodeName: "node01" }, status: { phase: "Pending", containerStatuses: [waiting("main", "ContainerCreating")] } }),
  obj("Pod", "running", 10 * M, { spec: { containers: containers("main"), nodeName: "node01" }, status: { phase: "Running", podIP: "10.244.1.5", podIPs: [{ ip: "10.244.1.5" }], conditions: [cond("Ready", "True")], containerStatuses: [running("main")] } }),
  obj("Pod", "restarted", 2 * M, { spec: { containers: containers("main") }, status: { phase: "Running", containerStatuses: [{ ...running("main"), restartCount: 1, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(5 * S) } } }] } }),
  obj("Pod", "completed", 130 * S, { spec: { containers: containers("main") }, status: { phase: "Succeeded", containerStatuses: [terminated("main", 0, "Completed")] } }),
  obj("Pod", "failed", 130 * S, { spec: { containers: containers("main") }, status: { phase: "Failed", containerStatuses: [terminated("main", 1, "Error")] } }),
  obj("Pod", "crashloop", 90 * S, { spec: { containers: containers("main") }, status: { phase: "Running", containerStatuses: [{ ...waiting("main", "CrashLoopBackOff", 3), lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(12 * S) } } }] } }),
  obj("Pod", "init-waiting", 20 * S, { spec: twoInits, status: { phase: "Pending", conditions: [cond("Initialized", "False")], initContainerStatuses: [{ ...running("init-a"), ready: false }, waiting("init-b", "PodInitializing")], containerStatuses: [waiting("main", "PodInitializing")] } }),
  obj("Pod", "init-error", 20 * S, { spec: twoInits, status: { phase: "Failed", conditions: [cond("Initialized", "False")], initContainerStatuses: [terminated("init-a", 1, "Error"), waiting("init-b", "PodInitializing")], containerStatuses: [waiting("main", "PodInitializing")] } }),
  obj("Pod", "init-crashloop", 95 * S, { spec: twoInits, status: { phase: "Pending", conditions: [cond("Initialized", "False")], initContainerStatuses: [{ ...waiting("init-a", "CrashLoopBackOff", 2), lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(30 * S) } } }, waiting("init-b", "PodInitializing")], containerStatuses: [waiting("main", "PodInitializing")] } }),
  obj("Pod", "initializing", 40 * S, { spec: twoInits, status: { phase: "Pending", conditions: [cond("Initialized", "True")], initContainerStatuses: [terminated("init-a", 0, "Completed"), terminated("init-b", 0, "Completed")], containerStatuses: [waiting("main", "PodInitializing")] } }),
  obj("Pod", "terminating", 10 * M, { spec: { containers: containers("main") }, status: { phase: "Running", containerStatuses: [running("main")] } }, { deletionTimestamp: ago(2 * S), deletionGracePeriodSeconds: 30 }),
  obj("Pod", "sidecar", 4 * H + 5 * M, { spec: { initContainers: [{ name: "log-shipper", image: "busybox", restartPolicy: "Always" }], containers: containers("app") }, status: { phase: "Running", conditions: [cond("Initialized", "True"), cond("Ready", "True")], initContainerStatuses: [running("log-shipper")], containerStatuses: [running("app")] } }),
  obj("Pod", "not-ready", 3 * H, { spec: { containers: containers("main") }, status: { phase: "Running", conditions: [cond("Ready", "False")], containerStatuses: [{ ...running("main"), ready: false }] } }),
  obj("Pod", "partly-done", 8 * H, { spec: { containers: containers("first", "second") }, status: { phase: "Running", conditions: [cond("Ready", "False")], containerStatuses: [terminated("first", 0, "Completed"), running("second")] } }),
  obj("Pod", "gated", 47 * H + 59 * M, { spec: { containers: containers("main"), schedulingGates: [{ name: "example.com/gate" }] }, status: { phase: "Pending", conditions: [cond("PodScheduled", "False", "SchedulingGated")] } }),
  obj("Pod", "evicted", 9 * 24 * H, { spec: { containers: containers("main") }, status: { phase: "Failed", reason: "Evicted", message: "The node was low on resource: memory." } }),
];

const WIDE_PODS: KubeObject[] = [
  PODS[0],
  PODS[2],
  obj("Pod", "sidecar", 4 * H + 5 * M, { spec: { ...PODS[12].spec as object, nodeName: "node02", readinessGates: [{ conditionType: "example.com/lb-ready" }, { conditionType: "example.com/warm" }] }, status: { ...PODS[12].status as object, podIPs: [{ ip: "10.244.2.7" }, { ip: "fd00::7" }], conditions: [cond("Ready", "True"), cond("example.com/lb-ready", "True"), cond("example.com/warm", "False")] } }),
  obj("Pod", "preempting", 5 * S, { spec: { containers: containers("main") }, status: { phase: "Pending", nominatedNodeName: "node02" } }),
];

const nodeInfo = (kubeletVersion: string, extra: Record<string, string> = {}) => ({ kubeletVersion, ...extra });
const NODES: KubeObject[] = [
  obj("Node", "controlplane", 2 * 24 * H, { spec: {}, status: { conditions: [cond("MemoryPressure", "False"), cond("Ready", "True")], addresses: [{ type: "InternalIP", address: "172.30.1.2" }, { type: "Hostname", address: "controlplane" }], nodeInfo: nodeInfo("v1.35.0", { osImage: "Ubuntu 24.04.2 LTS", kernelVersion: "6.8.0-1021-aws", containerRuntimeVersion: "containerd://2.1.3" }) } }, { namespace: undefined, labels: { "kubernetes.io/hostname": "controlplane", "node-role.kubernetes.io/control-plane": "" } }),
  obj("Node", "node01", 2 * 24 * H, { spec: { unschedulable: true }, status: { conditions: [cond("Ready", "True")], nodeInfo: nodeInfo("v1.35.0") } }, { namespace: undefined, labels: { "kubernetes.io/hostname": "node01" } }),
  obj("Node", "node02", 47 * H, { spec: {}, status: { conditions: [cond("Ready", "Unknown")], nodeInfo: nodeInfo("v1.35.0") } }, { namespace: undefined, labels: { "kubernetes.io/role": "worker" } }),
  obj("Node", "node03", 5 * M, { spec: {}, status: { nodeInfo: nodeInfo("v1.34.2") } }, { namespace: undefined, labels: { "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/infra": "true", "node-role.kubernetes.io/": "" } }),
];

const template = (...cs: { name: string; image: string }[]) => ({ metadata: { labels: {} }, spec: { containers: cs } });
const DEPLOYMENTS: KubeObject[] = [
  obj("Deployment", "web", 5 * M, { spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: template({ name: "nginx", image: "nginx:1.25" }) }, status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 } }),
  obj("Deployment", "api", 30 * S, { spec: { replicas: 1, selector: { matchLabels: { tier: "backend", app: "api" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }] }, template: template({ name: "api", image: "api:v2" }, { name: "sidecar", image: "busybox" }) }, status: {} }),
  obj("Deployment", "scaled-zero", 2 * 24 * H, { spec: { replicas: 0, selector: { matchExpressions: [{ key: "legacy", operator: "DoesNotExist" }, { key: "app", operator: "Exists" }] }, template: template({ name: "app", image: "app:1" }) }, status: { observedGeneration: 2 } }),
];

const uid = "8f2b7c1e-0d7a-4d1b-9a51-2f6c3e9b1a20";
const jobTemplate = { spec: { containers: [{ name: "pi", image: "perl:5.34.0" }], restartPolicy: "Never" } };
const JOBS: KubeObject[] = [
  obj("Job", "pi", 3 * M, { spec: { completions: 1, parallelism: 1, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } }, template: jobTemplate }, status: { succeeded: 1, startTime: ago(3 * M), completionTime: ago(3 * M - 9 * S), conditions: [cond("SuccessCriteriaMet", "True"), cond("Complete", "True")] } }),
  obj("Job", "running", 70 * S, { spec: { completions: 3, parallelism: 1, template: jobTemplate }, status: { succeeded: 1, active: 1, startTime: ago(65 * S) } }),
  obj("Job", "failed", 6 * M, { spec: { completions: 1, template: jobTemplate }, status: { failed: 7, startTime: ago(5 * M), conditions: [cond("FailureTarget", "True"), cond("Failed", "True")] } }),
  obj("Job", "suspended", 1 * M, { spec: { completions: 1, suspend: true, template: jobTemplate }, status: { conditions: [cond("Suspended", "True")] } }),
  obj("Job", "parallel", 10 * S, { spec: { parallelism: 2, template: jobTemplate }, status: { active: 2, startTime: ago(10 * S) } }),
  obj("Job", "work-queue", 10 * S, { spec: { parallelism: 1, template: jobTemplate }, status: { succeeded: 2, startTime: ago(10 * S) } }),
  obj("Job", "terminating", 7 * M, { spec: { completions: 1, template: jobTemplate }, status: { active: 1, startTime: ago(7 * M), conditions: [cond("Failed", "False")] } }, { deletionTimestamp: ago(S) }),
];

const cronTemplate = { spec: { template: { spec: { containers: containers("cj") } } } };
const CRONJOBS: KubeObject[] = [
  obj("CronJob", "cj", 5 * M, { spec: { schedule: "*/1 * * * *", suspend: false, jobTemplate: cronTemplate }, status: { active: [{ name: "cj-29421234" }], lastScheduleTime: ago(40 * S) } }),
  obj("CronJob", "nightly", 3 * 24 * H, { spec: { schedule: "0 2 * * *", timeZone: "Asia/Seoul", suspend: true, jobTemplate: cronTemplate }, status: {} }),
  obj("CronJob", "unset", 1 * S, { spec: { schedule: "@hourly", jobTemplate: cronTemplate } }),
];

const svc = (name: string, created: number, spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj("Service", name, created, { spec, status });
const SERVICES: KubeObject[] = [
  svc("kubernetes", 2 * 24 * H, { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] }),
  svc("web", 5 * M, { type: "NodePort", clusterIP: "10.96.120.15", clusterIPs: ["10.96.120.15"], selector: { app: "web" }, ports: [{ port: 80, nodePort: 30521, protocol: "TCP", targetPort: 80 }] }),
  svc("kube-dns", 2 * 24 * H, { type: "ClusterIP", clusterIPs: ["10.96.0.10"], selector: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" }, { name: "metrics", port: 9153, protocol: "TCP" }] }),
  svc("lb", M, { type: "LoadBalancer", clusterIPs: ["10.96.7.7"], selector: { app: "web" }, ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }] }),
  svc("lb-ready", M, { type: "LoadBalancer", clusterIPs: ["10.96.7.8"], selector: { app: "web" }, ports: [{ port: 443, nodePort: 31443, protocol: "TCP" }] }, { loadBalancer: { ingress: [{ hostname: "a1b2c3d4e5f6.elb.amazonaws.com" }] } }),
  svc("headless", M, { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], selector: { app: "db" } }),
  svc("ext", M, { type: "ExternalName", externalName: "example.com" }),
];

const ev = (name: string, fields: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default", creationTimestamp: ago(M) }, ...fields });
const EVENTS: KubeObject[] = [
  ev("nginx.187f0a2b3c4d5e6f", { type: "Normal", reason: "Scheduled", involvedObject: { kind: "Pod", name: "nginx", namespace: "default" }, message: "Successfully assigned default/nginx to node01", source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: "2025-12-07T07:59:47.500000Z", reportingComponent: "default-scheduler", reportingInstance: "default-scheduler-controlplane" }),
  ev("nginx.187f0a2b4d5e6f70", { type: "Normal", reason: "Pulling", involvedObject: { kind: "Pod", name: "nginx", fieldPath: "spec.containers{nginx}" }, message: 'Pulling image "nginx"', source: { component: "kubelet", host: "node01" }, firstTimestamp: ago(11 * S), lastTimestamp: ago(11 * S), count: 1 }),
  ev("crash.187f0a1f00000000", { type: "Warning", reason: "BackOff", involvedObject: { kind: "Pod", name: "crash", fieldPath: "spec.containers{app}" }, message: "Back-off restarting failed container app in pod crash_default(5d2c1b3a-6e7f-4a8b-9c0d-1e2f3a4b5c6d)", source: { component: "kubelet", host: "node01" }, firstTimestamp: ago(5 * M), lastTimestamp: ago(20 * S), count: 5 }),
  ev("big.187f0a0000000000", { type: "Warning", reason: "FailedScheduling", involvedObject: { kind: "Pod", name: "big" }, message: "0/3 nodes are available: 3 Insufficient cpu.", source: {}, eventTime: ago(10 * M), series: { count: 12, lastObservedTime: ago(2 * S) }, reportingComponent: "default-scheduler" }),
  ev("node02.187f0a1234567890", { type: "Normal", reason: "NodeNotReady", involvedObject: { kind: "Node", name: "node02" }, message: "Node node02 status is now: NodeNotReady\n", source: { component: "node-controller" }, firstTimestamp: ago(3 * M), lastTimestamp: ago(3 * M), count: 1 }),
];

describe("printTable golden files", () => {
  it.each<[string, string, KubeObject[], boolean]>([
    ["pods.txt", "pods", PODS, false],
    ["pods-wide.txt", "pods", WIDE_PODS, true],
    ["nodes.txt", "nodes", NODES, false],
    ["nodes-wide.txt", "nodes", [NODES[0], NODES[3]], true],
    ["deployments.txt", "deployments", DEPLOYMENTS, false],
    ["deployments-wide.txt", "deployments", DEPLOYMENTS, true],
    ["jobs.txt", "jobs", JOBS, false],
    ["jobs-wide.txt", "jobs", [JOBS[0]], true],
    ["cronjobs.txt", "cronjobs", CRONJOBS, false],
    ["services.txt", "services", SERVICES, false],
    ["services-wide.txt", "services", SERVICES, true],
    ["events.txt", "events", EVENTS, false],
    ["events-wide.txt", "events", EVENTS, true],
  ])("%s", (file, resource, objects, wide) => {
    expect(printTable(rowsOf(resource, objects), { ...OPTS, wide })).toBe(golden(file));
  });
});

describe("the small kinds", () => {
  it.each<[string, KubeObject, string[]]>([
    ["namespaces", obj("Namespace", "shop", 5 * 24 * H, { status: { phase: "Active" } }, { namespace: undefined }), ["shop", "Active", "5d"]],
    ["namespaces", obj("Namespace", "old", 10 * S, { status: { phase: "Terminating" } }, { namespace: undefined, deletionTimestamp: ago(S) }), ["old", "Terminating", "10s"]],
    ["configmaps", obj("ConfigMap", "kube-root-ca.crt", 2 * 24 * H, { data: { "ca.crt": "x" } }), ["kube-root-ca.crt", "1", "2d"]],
    ["configmaps", obj("ConfigMap", "mixed", M, { data: { a: "1", b: "2" }, binaryData: { c: "AA==" } }), ["mixed", "3", "60s"]],
    ["configmaps", obj("ConfigMap", "empty", M), ["empty", "0", "60s"]],
    ["secrets", obj("Secret", "db", 2 * M, { type: "Opaque", data: { user: "YQ==", pass: "Yg==" } }), ["db", "Opaque", "2", "2m"]],
    ["secrets", obj("Secret", "tls", 2 * M, { type: "kubernetes.io/tls", data: { "tls.crt": "", "tls.key": "" }, stringData: { "tls.key": "k", extra: "e" } }), ["tls", "kubernetes.io/tls", "3", "2m"]],
    ["serviceaccounts", obj("ServiceAccount", "default", 2 * 24 * H, { secrets: [{ name: "legacy-token" }] }), ["default", "2d"]],
  ])("%s row %j", (resource, object, cells) => {
    expect(tableRows(rowsOf(resource, [object]), OPTS)).toEqual([cells]);
  });

  it.each([
    ["namespaces", ["NAME", "STATUS", "AGE"]],
    ["configmaps", ["NAME", "DATA", "AGE"]],
    ["secrets", ["NAME", "TYPE", "DATA", "AGE"]],
    ["serviceaccounts", ["NAME", "AGE"]],
    ["daemonsets", ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"]],
    ["replicasets", ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]],
  ])("%s headers", (resource, header) => {
    expect(tableHeader(type(resource), OPTS)).toEqual(header);
  });

  it("prints daemon sets and replica sets with their wide columns", () => {
    const ds = obj("DaemonSet", "kube-proxy", 2 * 24 * H, { spec: { selector: { matchLabels: { "k8s-app": "kube-proxy" } }, template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.35.0" }] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } });
    const bare = obj("DaemonSet", "bare", M, { spec: { template: { spec: { containers: [] } } }, status: {} });
    expect(tableRows(rowsOf("daemonsets", [ds, bare]), { ...OPTS, wide: true })).toEqual([
      ["kube-proxy", "3", "3", "2", "3", "2", "kubernetes.io/os=linux", "2d", "kube-proxy", "registry.k8s.io/kube-proxy:v1.35.0", "k8s-app=kube-proxy"],
      ["bare", "0", "0", "0", "0", "0", "<none>", "60s", "", "", "<none>"],
    ]);
    const rs = obj("ReplicaSet", "web-5d4f8b7c9", 5 * M, { spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "5d4f8b7c9" } }, template: template({ name: "nginx", image: "nginx:1.25" }) }, status: { replicas: 3, readyReplicas: 3 } });
    expect(tableRows(rowsOf("replicasets", [rs]), { ...OPTS, wide: true })).toEqual([["web-5d4f8b7c9", "3", "3", "3", "5m", "nginx", "nginx:1.25", "app=web,pod-template-hash=5d4f8b7c9"]]);
  });

  it("prints NAME and CREATED AT for a kind without a printer", () => {
    const widget: ResourceType = { ...type("configmaps"), kind: "Widget", plural: "widgets", singular: "widget", group: "example.com" };
    const rows = [{ object: { ...obj("Widget", "w1", 90 * S), apiVersion: "example.com/v1" }, type: widget }, { object: { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w2" } }, type: widget }];
    expect(printTable(rows, { ...OPTS, showKind: true })).toBe(`NAME                    CREATED AT
widget.example.com/w1   2025-12-07T07:58:30Z
widget.example.com/w2   0001-01-01T00:00:00Z
`);
  });
});

describe("decoration", () => {
  const pods = rowsOf("pods", [
    obj("Pod", "web", 10 * M, { spec: { containers: containers("main") }, status: { phase: "Running", conditions: [cond("Ready", "True")], containerStatuses: [running("main")] } }, { labels: { app: "web", "app.kubernetes.io/tier": "front", run: "web" } }),
    obj("Pod", "db", 20 * M, { spec: { containers: containers("main") }, status: { phase: "Pending" } }, { namespace: "data" }),
  ]);

  // Section 3.8 of the fidelity reference.
  it("appends LABELS, sorted k=v or <none>", () => {
    expect(printTable(pods, { ...OPTS, showLabels: true })).toBe(
      "NAME   READY   STATUS    RESTARTS   AGE   LABELS\nweb    1/1     Running   0          10m   app.kubernetes.io/tier=front,app=web,run=web\ndb     0/1     Pending   0          20m   <none>\n",
    );
  });

  it("appends -L columns headed by the last path segment, before LABELS and after the wide columns", () => {
    const opts = { ...OPTS, wide: true, showLabels: true, labelColumns: ["app.kubernetes.io/tier", "app"] };
    expect(tableHeader(type("pods"), opts)).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES", "TIER", "APP", "LABELS"]);
    expect(tableRows(pods, opts).map((r) => r.slice(9))).toEqual([["front", "web", "app.kubernetes.io/tier=front,app=web,run=web"], ["", "", "<none>"]]);
  });

  it("leaves an absent -L label as an empty last cell", () => {
    expect(printTable(pods, { ...OPTS, labelColumns: ["run"] })).toBe("NAME   READY   STATUS    RESTARTS   AGE   RUN\nweb    1/1     Running   0          10m   web\ndb     0/1     Pending   0          20m   \n");
  });

  it("puts NAMESPACE first with -A, but not for cluster-scoped kinds", () => {
    expect(printTable(pods, { ...OPTS, allNamespaces: true })).toBe("NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndefault     web    1/1     Running   0          10m\ndata        db     0/1     Pending   0          20m\n");
    expect(tableHeader(type("nodes"), { ...OPTS, allNamespaces: true })[0]).toBe("NAME");
  });

  it("writes kind/name into the name column with --show-kind", () => {
    expect(tableRows(pods, { ...OPTS, showKind: true }).map((r) => r[0])).toEqual(["pod/web", "pod/db"]);
    expect(tableRows(rowsOf("deployments", DEPLOYMENTS.slice(0, 1)), { ...OPTS, showKind: true })[0][0]).toBe("deployment.apps/web");
    expect(tableRows(rowsOf("cronjobs", CRONJOBS.slice(0, 1)), { ...OPTS, showKind: true })[0][0]).toBe("cronjob.batch/cj");
    // For events the name column is NAME, shown only with -o wide.
    expect(tableRows(rowsOf("events", EVENTS.slice(1, 2)), { ...OPTS, wide: true, showKind: true })[0][9]).toBe("event/nginx.187f0a2b4d5e6f70");
  });

  it("drops the header with --no-headers, and prints nothing at all for no rows", () => {
    expect(printTable(pods, { ...OPTS, noHeaders: true })).toBe("web   1/1   Running   0     10m\ndb    0/1   Pending   0     20m\n");
    expect(printTable([], OPTS)).toBe("");
  });

  it("cuts a cell at its first line break and defuses terminal escapes", () => {
    const event = ev("x.1", { type: "Warning", reason: "Odd", involvedObject: { kind: "Pod", name: "x" }, message: "first line\nsecond line \x1b[31mred", firstTimestamp: ago(S), lastTimestamp: ago(S), count: 1 });
    const red = ev("x.2", { type: "Warning", reason: "Odd", involvedObject: { kind: "Pod", name: "x" }, message: "\x1b[31mred\x1b[0m", firstTimestamp: ago(S), lastTimestamp: ago(S) });
    expect(tableRows(rowsOf("events", [event, red]), OPTS).map((r) => r[4])).toEqual(["first line...", "^[[31mred^[[0m"]);
  });
});
