import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";
import { admissionFailure } from "./admission";

async function out(ws: Workspace, line: string): Promise<string> {
  const r = await shell(ws, line);
  expect(r.stderr).toBe("");
  return r.stdout;
}

/** A pod pinned to node02 (where nothing else asks for resources) with `extra` spec fields. */
const pinned = (name: string, requests: string, extra = "") =>
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: node02\n${extra}  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests: {${requests}}\nEOF`;

describe("the kubelet's admission, through kubectl", () => {
  it("rejects a pod that asks for more cpu than the node has: Failed, OutOfcpu, a Warning event, no containers", async () => {
    const ws = testWorkspace();
    await out(ws, `${pinned("big", "cpu: 3")}\nsleep 5`);
    expect(await out(ws, "kubectl get pod big")).toBe("NAME   READY   STATUS     RESTARTS   AGE\nbig    0/1     OutOfcpu   0          5s\n");
    expect(await out(ws, "kubectl get pod big -o jsonpath='{.status}'")).toBe(
      `{"message":"Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000","phase":"Failed","qosClass":"Burstable","reason":"OutOfcpu","startTime":"2026-01-27T10:00:00Z"}`,
    );
    expect(await out(ws, "kubectl get events --field-selector involvedObject.name=big -o custom-columns=TYPE:.type,REASON:.reason,FROM:.source.component,HOST:.source.host,MESSAGE:.message")).toBe(
      "TYPE      REASON     FROM      HOST     MESSAGE\nWarning   OutOfcpu   kubelet   node02   Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000\n",
    );
  });

  it("counts what the pods already admitted on the node ask for", async () => {
    const ws = testWorkspace();
    await out(ws, `${pinned("first", "cpu: 1500m")}\n${pinned("second", "cpu: 1")}\nsleep 5`);
    expect(await out(ws, "kubectl get pods --no-headers")).toBe("first    1/1   Running    0     5s\nsecond   0/1   OutOfcpu   0     5s\n");
    expect(await out(ws, "kubectl get pod second -o jsonpath='{.status.message}'")).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000");
  });

  it("rejects memory in bytes against the node's allocatable", async () => {
    const ws = testWorkspace();
    await out(ws, pinned("hungry", "memory: 5Gi"));
    expect(await out(ws, "kubectl get pod hungry -o jsonpath='{.status.reason}: {.status.message}'")).toBe(
      "OutOfmemory: Pod was rejected: Node didn't have enough resource: memory, requested: 5368709120, used: 0, capacity: 4190109696",
    );
  });

  it("rejects a pinned pod whose nodeSelector the node does not match", async () => {
    const ws = testWorkspace();
    await out(ws, pinned("picky", "cpu: 100m", "  nodeSelector:\n    disktype: ssd\n"));
    expect(await out(ws, "kubectl get pod picky --no-headers")).toBe("picky   0/1   NodeAffinity   0     0s\n");
    expect(await out(ws, "kubectl get pod picky -o jsonpath='{.status.message}'")).toBe("Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector");
  });

  it("lets in a pod that fits and starts it", async () => {
    const ws = testWorkspace();
    await out(ws, `${pinned("fits", "cpu: 2, memory: 1Gi")}\nsleep 5`);
    expect(await out(ws, "kubectl get pod fits --no-headers")).toBe("fits   1/1   Running   0     5s\n");
  });
});

const node = (allocatable: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "n1", labels: { "kubernetes.io/os": "linux" } },
  spec: extra,
  status: { allocatable },
});

const pod = (name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, uid: name, ...meta },
  spec: { nodeName: "n1", containers: [{ name: "c", image: "nginx" }], ...spec },
});

const asking = (requests: Record<string, string>, extra: Record<string, unknown> = {}) => ({ containers: [{ name: "c", image: "nginx", resources: { requests } }], ...extra });

describe("admissionFailure", () => {
  const roomy = node({ cpu: "2", memory: "1Gi", pods: "2" });
  const cases: { name: string; pod: KubeObject; node?: KubeObject; others?: KubeObject[]; want: { reason: string; message: string } | undefined }[] = [
    { name: "fits", pod: pod("p", asking({ cpu: "1" })), want: undefined },
    {
      name: "pods are checked first",
      pod: pod("p", asking({ cpu: "3" })),
      others: [pod("a"), pod("b")],
      want: { reason: "OutOfpods", message: "Node didn't have enough resource: pods, requested: 1, used: 2, capacity: 2" },
    },
    { name: "finished pods leave their slot", pod: pod("p"), others: [pod("a"), { ...pod("b"), status: { phase: "Succeeded" } }], want: undefined },
    {
      name: "cpu before memory",
      pod: pod("p", asking({ cpu: "3", memory: "2Gi" })),
      want: { reason: "OutOfcpu", message: "Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000" },
    },
    {
      name: "ephemeral storage",
      pod: pod("p", asking({ "ephemeral-storage": "1Gi" })),
      node: node({ cpu: "2", memory: "1Gi", pods: "10", "ephemeral-storage": "1Mi" }),
      want: { reason: "OutOfephemeral-storage", message: "Node didn't have enough resource: ephemeral-storage, requested: 1073741824, used: 0, capacity: 1048576" },
    },
    { name: "a critical pod that lacks only resources is let in", pod: pod("p", asking({ cpu: "3" }, { priority: 2000001000 })), want: undefined },
    {
      name: "the os label",
      pod: pod("p", {}, { labels: { "kubernetes.io/os": "windows" } }),
      want: { reason: "PodOSSelectorNodeLabelDoesNotMatch", message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label" },
    },
    { name: "spec.os", pod: pod("p", { os: { name: "windows" } }), want: { reason: "PodOSNotSupported", message: "Failed to admit pod as the OS field doesn't match node OS" } },
    {
      name: "a host port in use",
      pod: pod("p", { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
      others: [pod("a", { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] }] })],
      want: { reason: "NodePorts", message: "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports" },
    },
    {
      name: "an untolerated NoExecute taint",
      pod: pod("p"),
      node: node({ cpu: "2", memory: "1Gi", pods: "10" }, { taints: [{ key: "k", effect: "NoExecute" }, { key: "s", effect: "NoSchedule" }] }),
      want: { reason: "TaintToleration", message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" },
    },
    { name: "NoSchedule taints are the scheduler's business", pod: pod("p"), node: node({ cpu: "2", memory: "1Gi", pods: "10" }, { taints: [{ key: "s", effect: "NoSchedule" }] }), want: undefined },
  ];
  it.each(cases)("$name", ({ pod: p, node: n, others, want }) => {
    expect(admissionFailure(p, n ?? roomy, others ?? [])).toEqual(want);
  });
});
