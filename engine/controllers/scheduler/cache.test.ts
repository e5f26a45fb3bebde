import { describe, expect, it } from "vitest";
import { liveSnapshot, unboundPods } from "./cache";
import { node, nodeNamed, pod, storeOf } from "./test-support";

const load = (s: ReturnType<typeof liveSnapshot>, name: string) => {
  const n = nodeNamed(s, name);
  return { pods: n.pods.map((p) => p.name), milliCPU: n.requested.milliCPU, ports: n.usedPorts.map((p) => p.port) };
};

describe("the scheduler cache", () => {
  it("counts what is already bound when it first sees a store, as after a restore", () => {
    const store = storeOf([node("n1")], [pod("a", { nodeName: "n1", requests: { cpu: "500m" } }), pod("b", { requests: { cpu: "1" } })]);
    expect(load(liveSnapshot(store), "n1")).toEqual({ pods: ["a"], milliCPU: 500, ports: [] });
  });

  it("follows binds, finished pods, removals and node changes as they are written", () => {
    const store = storeOf([node("n1"), node("n2")]);
    liveSnapshot(store);
    const web = pod("web", { requests: { cpu: "250m" }, spec: { containers: [{ name: "app", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }], resources: { requests: { cpu: "250m" } } }] } });
    store.put("pods", web);
    expect(load(liveSnapshot(store), "n1")).toEqual({ pods: [], milliCPU: 0, ports: [] });
    store.put("pods", { ...web, spec: { ...(web.spec as object), nodeName: "n1" } });
    expect(load(liveSnapshot(store), "n1")).toEqual({ pods: ["web"], milliCPU: 250, ports: [8080] });
    store.put("pods", { ...web, spec: { ...(web.spec as object), nodeName: "n1" }, status: { phase: "Succeeded" } });
    expect(load(liveSnapshot(store), "n1")).toEqual({ pods: [], milliCPU: 0, ports: [] });
    store.put("pods", pod("db", { nodeName: "n2", requests: { cpu: "1" } }));
    store.remove("pods", "default", "db");
    expect(load(liveSnapshot(store), "n2")).toEqual({ pods: [], milliCPU: 0, ports: [] });
    store.put("pods", pod("db", { nodeName: "n2", requests: { cpu: "1" } }));
    store.put("nodes", node("n2", { labels: { disk: "ssd" }, cpu: "4" }));
    const n2 = nodeNamed(liveSnapshot(store), "n2");
    expect([n2.labels.disk, n2.allocatable.milliCPU, n2.requested.milliCPU]).toEqual(["ssd", 4000, 1000]);
  });

  it("lists nodes by name and forgets deleted ones", () => {
    const store = storeOf([node("b"), node("a"), node("c")]);
    expect(liveSnapshot(store).nodes.map((n) => n.name)).toEqual(["a", "b", "c"]);
    store.remove("nodes", undefined, "b");
    expect(liveSnapshot(store).nodes.map((n) => n.name)).toEqual(["a", "c"]);
  });

  it("keeps the pods still without a node, in the order they appeared", () => {
    const store = storeOf([node("n1")], [pod("a"), pod("b", { nodeName: "n1" })]);
    const names = () => unboundPods(store).map((p) => p.metadata.name);
    expect(names()).toEqual(["a"]);
    store.put("pods", pod("c"));
    const a = unboundPods(store)[0];
    store.put("pods", { ...a, status: { phase: "Pending", conditions: [] } });
    expect(names()).toEqual(["a", "c"]);
    store.put("pods", { ...a, spec: { ...(a.spec as object), nodeName: "n1" } });
    store.remove("pods", "default", "c");
    expect(names()).toEqual([]);
  });
});
