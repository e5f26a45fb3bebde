import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { schedule } from "./schedule";
import { liveSnapshot } from "./cache";
import { info, node, nodeNamed, pod, snapshotOf, storeOf } from "./test-support";

type Obj = Record<string, unknown>;

const controlPlane = node("controlplane", { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] });
const kubeadm = () => [controlPlane, node("node01"), node("node02")];

function outcome(incoming: KubeObject, nodes: KubeObject[], existing: KubeObject[] = []): string {
  const d = schedule(info(incoming), snapshotOf(nodes, existing));
  return d.ok ? `bound to ${d.node.name}` : d.message;
}

describe("the FitError message", () => {
  // The v1.35 text quoted in the fidelity reference (3.11) and seen on real clusters.
  it("counts each node's first failing filter, then the preemption verdicts", () => {
    const busy = [pod("a", { nodeName: "node01", requests: { cpu: "1" } }), pod("b", { nodeName: "node02", requests: { cpu: "1" } })];
    expect(outcome(pod("big", { requests: { cpu: "1500m" } }), kubeadm(), busy)).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it.each<[string, Obj, string]>([
    [
      "a nodeSelector no node matches",
      { spec: { nodeSelector: { disk: "ssd" } } },
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      "a request larger than any node",
      { requests: { cpu: "64" } },
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      "a pod that may not preempt",
      { requests: { cpu: "64" }, spec: { preemptionPolicy: "Never" } },
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.",
    ],
    [
      "a pod pinned to one full node by metadata.name, as DaemonSet pods are",
      {
        requests: { cpu: "3" },
        spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node01"] }] }] } } } },
      },
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
  ])("%s", (_name, o, want) => {
    expect(outcome(pod("p", o), kubeadm())).toBe(want);
  });

  it("tells pinned pods apart from the nodes they were never tried on", () => {
    const spec = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node01"] }] }] } } } };
    expect(outcome(pod("p", { requests: { cpu: "1" }, spec }), kubeadm(), [pod("x", { nodeName: "node01", requests: { cpu: "1500m" } })])).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it("reports every short resource of a node, so the counts add up past the number of nodes", () => {
    const nodes = [node("n1", { cpu: "1", memory: "1Gi" }), node("n2", { cpu: "1", memory: "8Gi" })];
    expect(outcome(pod("p", { requests: { cpu: "2", memory: "2Gi" } }), nodes)).toBe(
      "0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("sorts the histogram as strings, so 10 comes before 2", () => {
    const nodes = [...Array.from({ length: 10 }, (_, i) => node(`w${i}`, { cpu: "1" })), node("t1", { taints: [{ key: "k", effect: "NoSchedule" }] }), node("t2", { taints: [{ key: "k", effect: "NoExecute" }] })];
    expect(outcome(pod("p", { requests: { cpu: "2" } }), nodes)).toBe(
      "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.",
    );
  });

  it("says so when the nodes are full of pods", () => {
    const nodes = [node("n1", { pods: "1" })];
    expect(outcome(pod("p"), nodes, [pod("x", { nodeName: "n1" })])).toBe(
      "0/1 nodes are available: 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });

  it("names cordoned nodes before their taints", () => {
    const nodes = [node("n1", { unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }] })];
    expect(outcome(pod("p"), nodes)).toBe("0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
  });

  it("has nothing to say about nodes when there are none", () => {
    expect(outcome(pod("p"), [])).toBe("no nodes available to schedule pods");
  });
});

describe("choosing among the nodes that fit", () => {
  it("takes the least allocated node, the first by name on a tie", () => {
    expect(outcome(pod("p"), kubeadm())).toBe("bound to node01");
    expect(outcome(pod("p"), kubeadm(), [pod("x", { nodeName: "node01" })])).toBe("bound to node02");
  });

  it("spreads pods bound one after another", () => {
    const store = storeOf(kubeadm());
    const placed = ["a", "b", "c", "d"].map((name) => {
      const d = schedule(info(pod(name)), liveSnapshot(store));
      if (!d.ok) throw new Error(d.message);
      store.put("pods", pod(name, { nodeName: d.node.name }));
      return d.node.name;
    });
    expect(placed).toEqual(["node01", "node02", "node01", "node02"]);
    expect(nodeNamed(liveSnapshot(store), "node01").pods.map((p) => p.name)).toEqual(["a", "c"]);
  });

  it("prefers the node with more room for the pod's requests", () => {
    expect(outcome(pod("p", { requests: { cpu: "100m" } }), kubeadm(), [pod("x", { nodeName: "node01", requests: { cpu: "1" } })])).toBe("bound to node02");
  });

  it("avoids a PreferNoSchedule taint the pod does not tolerate", () => {
    const nodes = [node("node01", { taints: [{ key: "k", effect: "PreferNoSchedule" }] }), node("node02")];
    const busy = [pod("x", { nodeName: "node02", requests: { cpu: "1500m" } })];
    expect(outcome(pod("p"), nodes, busy)).toBe("bound to node02");
    expect(outcome(pod("p", { spec: { tolerations: [{ key: "k", operator: "Exists" }] } }), nodes, busy)).toBe("bound to node01");
  });

  it("follows preferred node affinity over spreading", () => {
    const nodes = [node("node01"), node("node02", { labels: { disk: "ssd" } })];
    const spec = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] } }] } } };
    expect(outcome(pod("p", { spec }), nodes, [pod("x", { nodeName: "node02" })])).toBe("bound to node02");
  });

  it.each([
    ["podAffinity", "node02"],
    ["podAntiAffinity", "node01"],
  ])("weighs preferred %s terms", (kind, want) => {
    const spec = { affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "db" } }, topologyKey: "kubernetes.io/hostname" } }] } } };
    const existing = [pod("db", { nodeName: "node02", labels: { app: "db" } }), pod("other", { nodeName: "node01" })];
    expect(outcome(pod("p", { spec }), kubeadm(), existing)).toBe(`bound to ${want}`);
  });
});
