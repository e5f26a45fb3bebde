import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/object";
import { info, node, nodeNamed, pod, snapshotOf } from "../test-support";
import type { FilterPlugin } from "../types";
import { interPodAffinityFilter } from "./inter-pod-affinity";
import { nodeAffinityFilter } from "./node-affinity";
import { nodeName } from "./node-name";
import { nodePorts } from "./node-ports";
import { nodeResourcesFitFilter } from "./node-resources-fit";
import { nodeUnschedulable } from "./node-unschedulable";
import { podTopologySpread } from "./pod-topology-spread";
import { taintTolerationFilter } from "./taint-toleration";

type Obj = Record<string, unknown>;

/** "fits", or the code and reasons the plugin gives the node, as `Code: reason, reason`. */
function verdict(plugin: FilterPlugin, incoming: KubeObject, target: string, nodes: KubeObject[], existing: KubeObject[] = [], namespaces: Record<string, Record<string, string>> = {}): string {
  const s = snapshotOf(nodes, existing, namespaces);
  const p = plugin.prepare(info(incoming), s);
  if ("reject" in p) return `PreFilter ${p.reject.code}: ${p.reject.reasons.join(", ")}`;
  if (p.nodes && !p.nodes.has(target)) return "not tried";
  const status = p.filter(nodeNamed(s, target));
  return status ? `${status.code}: ${status.reasons.join(", ")}` : "fits";
}

const UNRESOLVABLE = "UnschedulableAndUnresolvable";

describe("NodeUnschedulable", () => {
  it.each<[string, boolean, Obj[] | undefined, string]>([
    ["a cordoned node refuses a pod", true, undefined, `${UNRESOLVABLE}: node(s) were unschedulable`],
    ["a pod tolerating the unschedulable taint still goes there", true, [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }], "fits"],
    ["an empty toleration tolerates it too", true, [{ operator: "Exists" }], "fits"],
    ["an uncordoned node takes it", false, undefined, "fits"],
  ])("%s", (_name, cordoned, tolerations, want) => {
    expect(verdict(nodeUnschedulable, pod("p", { spec: tolerations ? { tolerations } : {} }), "n1", [node("n1", { unschedulable: cordoned })])).toBe(want);
  });
});

describe("NodeName", () => {
  it.each([
    ["n1", "fits"],
    ["n2", `${UNRESOLVABLE}: node(s) didn't match the requested node name`],
  ])("a pod naming n1 on %s", (target, want) => {
    expect(verdict(nodeName, pod("p", { spec: { nodeName: "n1" } }), target, [node("n1"), node("n2")])).toBe(want);
  });
});

describe("TaintToleration", () => {
  const UNTOLERATED = `${UNRESOLVABLE}: node(s) had untolerated taint(s)`;
  it.each<[string, Obj, Obj[], string]>([
    ["NoSchedule, no toleration", { key: "k", value: "v", effect: "NoSchedule" }, [], UNTOLERATED],
    ["NoExecute, no toleration", { key: "k", effect: "NoExecute" }, [], UNTOLERATED],
    ["PreferNoSchedule only steers scoring", { key: "k", effect: "PreferNoSchedule" }, [], "fits"],
    ["Equal with the same value", { key: "k", value: "v", effect: "NoSchedule" }, [{ key: "k", operator: "Equal", value: "v", effect: "NoSchedule" }], "fits"],
    ["no operator means Equal", { key: "k", value: "v", effect: "NoSchedule" }, [{ key: "k", value: "v" }], "fits"],
    ["Equal with another value", { key: "k", value: "v", effect: "NoSchedule" }, [{ key: "k", value: "w", effect: "NoSchedule" }], UNTOLERATED],
    ["Exists on the key", { key: "k", value: "v", effect: "NoSchedule" }, [{ key: "k", operator: "Exists" }], "fits"],
    ["Exists without a key tolerates everything", { key: "k", effect: "NoExecute" }, [{ operator: "Exists" }], "fits"],
    ["a toleration for another effect", { key: "k", effect: "NoSchedule" }, [{ key: "k", operator: "Exists", effect: "NoExecute" }], UNTOLERATED],
    ["a toleration for another key", { key: "k", effect: "NoSchedule" }, [{ key: "j", operator: "Exists" }], UNTOLERATED],
    ["the control-plane taint (no value)", { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }, [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }], "fits"],
  ])("%s", (_name, taint, tolerations, want) => {
    expect(verdict(taintTolerationFilter, pod("p", { spec: { tolerations } }), "n1", [node("n1", { taints: [taint] })])).toBe(want);
  });

  it("one untolerated taint among tolerated ones is enough", () => {
    const taints = [{ key: "a", effect: "NoSchedule" }, { key: "b", effect: "NoSchedule" }];
    expect(verdict(taintTolerationFilter, pod("p", { spec: { tolerations: [{ key: "a", operator: "Exists" }] } }), "n1", [node("n1", { taints })])).toBe(UNTOLERATED);
  });
});

describe("NodeAffinity", () => {
  const MISMATCH = `${UNRESOLVABLE}: node(s) didn't match Pod's node affinity/selector`;
  const required = (...terms: Obj[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
  const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
  const labels = { disk: "ssd", gen: "5", zone: "a" };

  it.each<[string, Obj, string]>([
    ["nodeSelector matching", { nodeSelector: { disk: "ssd" } }, "fits"],
    ["nodeSelector with another value", { nodeSelector: { disk: "hdd" } }, MISMATCH],
    ["nodeSelector on a missing label", { nodeSelector: { gpu: "true" } }, MISMATCH],
    ["In", required(expr("disk", "In", ["hdd", "ssd"])), "fits"],
    ["In, no value matches", required(expr("disk", "In", ["hdd"])), MISMATCH],
    ["NotIn", required(expr("disk", "NotIn", ["hdd"])), "fits"],
    ["NotIn matching the value", required(expr("disk", "NotIn", ["ssd"])), MISMATCH],
    ["NotIn on a missing label", required(expr("gpu", "NotIn", ["x"])), "fits"],
    ["Exists", required(expr("disk", "Exists")), "fits"],
    ["Exists on a missing label", required(expr("gpu", "Exists")), MISMATCH],
    ["DoesNotExist", required(expr("gpu", "DoesNotExist")), "fits"],
    ["DoesNotExist on a present label", required(expr("disk", "DoesNotExist")), MISMATCH],
    ["Gt", required(expr("gen", "Gt", ["4"])), "fits"],
    ["Gt, equal", required(expr("gen", "Gt", ["5"])), MISMATCH],
    ["Lt", required(expr("gen", "Lt", ["6"])), "fits"],
    ["Lt on a label that is not a number", required(expr("disk", "Lt", ["6"])), MISMATCH],
    ["Gt on a missing label", required(expr("cores", "Gt", ["1"])), MISMATCH],
    ["terms are ORed", required(expr("disk", "In", ["hdd"]), expr("zone", "In", ["a"])), "fits"],
    ["expressions in a term are ANDed", required({ matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }, { key: "zone", operator: "In", values: ["b"] }] }), MISMATCH],
    ["an empty term matches nothing", required({}), MISMATCH],
    ["nodeSelector and affinity must both match", { nodeSelector: { disk: "ssd" }, ...required(expr("zone", "In", ["b"])) }, MISMATCH],
  ])("%s", (_name, spec, want) => {
    expect(verdict(nodeAffinityFilter, pod("p", { spec }), "n1", [node("n1", { labels })])).toBe(want);
  });

  it("pins the pod by metadata.name, so other nodes are not even tried", () => {
    const spec = required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n2"] }] });
    const nodes = [node("n1"), node("n2")];
    expect([verdict(nodeAffinityFilter, pod("p", { spec }), "n1", nodes), verdict(nodeAffinityFilter, pod("p", { spec }), "n2", nodes)]).toEqual(["not tried", "fits"]);
  });

  it("refuses every node when each term names different nodes", () => {
    const spec = required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }, { key: "metadata.name", operator: "In", values: ["n2"] }] });
    expect(verdict(nodeAffinityFilter, pod("p", { spec }), "n1", [node("n1")])).toBe(`PreFilter ${UNRESOLVABLE}: pod affinity terms conflict`);
  });
});

describe("NodePorts", () => {
  const NO_PORTS = "Unschedulable: node(s) didn't have free ports for the requested pod ports";
  const withPort = (name: string, port: Obj, nodeName?: string) => pod(name, { nodeName, spec: { containers: [{ name: "app", image: "nginx", ports: [{ containerPort: 80, ...port }] }] } });
  it.each<[string, Obj, Obj, string]>([
    ["the same host port", { hostPort: 8080 }, { hostPort: 8080 }, NO_PORTS],
    ["another host port", { hostPort: 8080 }, { hostPort: 8081 }, "fits"],
    ["the same port over UDP", { hostPort: 8080 }, { hostPort: 8080, protocol: "UDP" }, "fits"],
    ["two specific host IPs", { hostPort: 8080, hostIP: "10.0.0.1" }, { hostPort: 8080, hostIP: "10.0.0.2" }, "fits"],
    ["a specific IP against all of them", { hostPort: 8080, hostIP: "10.0.0.1" }, { hostPort: 8080 }, NO_PORTS],
    ["container ports alone take nothing", {}, {}, "fits"],
  ])("%s", (_name, used, wanted, want) => {
    expect(verdict(nodePorts, withPort("new", wanted), "n1", [node("n1")], [withPort("old", used, "n1")])).toBe(want);
  });
});

describe("NodeResourcesFit", () => {
  const cases: [string, Record<string, string>, Record<string, string>, NodeOptionsLite, string][] = [
    ["fits in what is left", { cpu: "500m" }, { cpu: "1" }, {}, "fits"],
    ["exactly fills the node", { cpu: "1" }, { cpu: "1" }, {}, "fits"],
    ["more cpu than is left", { cpu: "1500m" }, { cpu: "1" }, {}, "Unschedulable: Insufficient cpu"],
    ["cpu and memory short, one reason each", { cpu: "1500m", memory: "3Gi" }, { cpu: "1", memory: "2Gi" }, {}, "Unschedulable: Insufficient cpu, Insufficient memory"],
    ["more than the whole node cannot be helped by preemption", { cpu: "3" }, {}, {}, `${UNRESOLVABLE}: Insufficient cpu`],
    ["an extended resource the node lacks", { "example.com/gpu": "1" }, {}, {}, `${UNRESOLVABLE}: Insufficient example.com/gpu`],
    ["an extended resource the node has", { "example.com/gpu": "1" }, {}, { extra: { "example.com/gpu": "2" } }, "fits"],
    ["no pod slot left", {}, {}, { pods: "1" }, "Unschedulable: Too many pods"],
    ["no pod slot and no cpu", { cpu: "2" }, { cpu: "1" }, { pods: "1" }, "Unschedulable: Too many pods, Insufficient cpu"],
  ];
  interface NodeOptionsLite {
    pods?: string;
    extra?: Record<string, string>;
  }
  it.each(cases)("%s", (_name, wanted, used, n, want) => {
    expect(verdict(nodeResourcesFitFilter, pod("new", { requests: wanted }), "n1", [node("n1", n)], [pod("old", { nodeName: "n1", requests: used })])).toBe(want);
  });

  it("does not count pods that have finished", () => {
    const done = pod("done", { nodeName: "n1", requests: { cpu: "2" }, phase: "Succeeded" });
    expect(verdict(nodeResourcesFitFilter, pod("new", { requests: { cpu: "2" } }), "n1", [node("n1")], [done])).toBe("fits");
  });

  it("counts an init container by the most it needs at once, sidecars included", () => {
    const spec = {
      initContainers: [
        { name: "sidecar", image: "busybox", restartPolicy: "Always", resources: { requests: { cpu: "500m" } } },
        { name: "setup", image: "busybox", resources: { requests: { cpu: "1200m" } } },
      ],
      containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "600m" } } }],
    };
    // setup runs beside the sidecar: 1700m; afterwards app + sidecar: 1100m.
    expect(verdict(nodeResourcesFitFilter, pod("new", { spec }), "n1", [node("n1", { cpu: "1700m" })])).toBe("fits");
    expect(verdict(nodeResourcesFitFilter, pod("new", { spec }), "n1", [node("n1", { cpu: "1699m" })])).toBe(`${UNRESOLVABLE}: Insufficient cpu`);
  });
});

describe("InterPodAffinity", () => {
  const zones = [node("a1", { labels: { zone: "a" } }), node("a2", { labels: { zone: "a" } }), node("b1", { labels: { zone: "b" } }), node("x1")];
  const db = pod("db", { nodeName: "a1", labels: { app: "db" } });
  const term = (topologyKey: string, extra: Obj = {}) => ({ labelSelector: { matchLabels: { app: "db" } }, topologyKey, ...extra });
  const affinity = (t: Obj) => ({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } } });
  const anti = (t: Obj) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } } });
  const AFFINITY = `${UNRESOLVABLE}: node(s) didn't match pod affinity rules`;
  const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";

  it.each<[string, Obj, string, string]>([
    ["affinity by hostname, the node with the pod", affinity(term("kubernetes.io/hostname")), "a1", "fits"],
    ["affinity by hostname, another node", affinity(term("kubernetes.io/hostname")), "a2", AFFINITY],
    ["affinity by zone, another node in the zone", affinity(term("zone")), "a2", "fits"],
    ["affinity by zone, another zone", affinity(term("zone")), "b1", AFFINITY],
    ["affinity by zone, a node without the zone label", affinity(term("zone")), "x1", AFFINITY],
    ["anti-affinity by hostname, the node with the pod", anti(term("kubernetes.io/hostname")), "a1", ANTI],
    ["anti-affinity by hostname, another node", anti(term("kubernetes.io/hostname")), "a2", "fits"],
    ["anti-affinity by zone, another node in the zone", anti(term("zone")), "a2", ANTI],
    ["anti-affinity by zone, a node without the label", anti(term("zone")), "x1", "fits"],
    ["affinity looking in another namespace", affinity(term("kubernetes.io/hostname", { namespaces: ["prod"] })), "a1", AFFINITY],
    ["affinity with a namespaceSelector selecting all", affinity(term("kubernetes.io/hostname", { namespaceSelector: {} })), "a1", "fits"],
  ])("%s", (_name, spec, target, want) => {
    expect(verdict(interPodAffinityFilter, pod("web", { labels: { app: "web" }, spec }), target, zones, [db])).toBe(want);
  });

  it("lets the first pod of a group with affinity to itself go anywhere", () => {
    const spec = affinity({ labelSelector: { matchLabels: { app: "cache" } }, topologyKey: "zone" });
    expect(verdict(interPodAffinityFilter, pod("c", { labels: { app: "cache" }, spec }), "b1", zones)).toBe("fits");
  });

  it("keeps a pod away from pods whose anti-affinity selects it", () => {
    const guard = pod("guard", { nodeName: "a1", spec: anti({ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "zone" }) });
    const existing = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";
    expect(["a2", "b1"].map((n) => verdict(interPodAffinityFilter, pod("web", { labels: { app: "web" } }), n, zones, [guard]))).toEqual([existing, "fits"]);
  });

  it("selects namespaces by their labels", () => {
    const other = pod("db", { namespace: "prod", nodeName: "a1", labels: { app: "db" } });
    const spec = affinity(term("kubernetes.io/hostname", { namespaceSelector: { matchLabels: { env: "prod" } } }));
    expect(verdict(interPodAffinityFilter, pod("web", { spec }), "a1", zones, [other], { prod: { env: "prod" } })).toBe("fits");
  });
});

describe("PodTopologySpread", () => {
  const spread = (extra: Obj = {}) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } }, ...extra }] });
  const nodes = [node("a1", { labels: { zone: "a" } }), node("b1", { labels: { zone: "b" } }), node("x1")];
  const existing = [pod("w1", { nodeName: "a1", labels: { app: "web" } }), pod("w2", { nodeName: "a1", labels: { app: "web" } }), pod("w3", { nodeName: "b1", labels: { app: "web" } })];

  it.each([
    ["a1", "Unschedulable: node(s) didn't match pod topology spread constraints"],
    ["b1", "fits"],
    ["x1", `${UNRESOLVABLE}: node(s) didn't match pod topology spread constraints (missing required label)`],
  ])("on %s", (target, want) => {
    expect(verdict(podTopologySpread, pod("w4", { labels: { app: "web" }, spec: spread() }), target, nodes, existing)).toBe(want);
  });

  it("ignores ScheduleAnyway constraints when filtering", () => {
    expect(verdict(podTopologySpread, pod("w4", { labels: { app: "web" }, spec: spread({ whenUnsatisfiable: "ScheduleAnyway" }) }), "a1", nodes, existing)).toBe("fits");
  });
});
