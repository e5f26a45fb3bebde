import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { Store } from "../../api/store";
import { shell, testWorkspace } from "../../testing";
import { PodAddresses } from "./pod-ip";

const node = (name: string, podCIDR: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec: { podCIDR } });
const NODES = new Map([["node01", node("node01", "10.244.1.0/24")], ["node02", node("node02", "10.244.2.0/24")]]);

function pod(uid: string, nodeName: string, podIP?: string, extra: { phase?: string; hostNetwork?: boolean } = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: uid, namespace: "default", uid }, spec: { nodeName, hostNetwork: extra.hostNetwork }, status: { podIP, phase: extra.phase } };
}

function withPods(...pods: KubeObject[]): PodAddresses {
  const a = new PodAddresses();
  for (const p of pods) a.set(p.metadata.uid ?? "", p);
  return a;
}

describe("PodAddresses and PodIPAllocator", () => {
  it.each<[string, KubeObject[], string, string]>([
    ["the first address of an empty node skips the network and gateway", [], "node01", "10.244.1.2"],
    ["after the highest address in use", [pod("a", "node01", "10.244.1.5"), pod("b", "node01", "10.244.1.3")], "node01", "10.244.1.6"],
    ["per node", [pod("a", "node01", "10.244.1.5")], "node02", "10.244.2.2"],
    ["finished pods hold nothing", [pod("a", "node01", "10.244.1.2"), pod("b", "node01", "10.244.1.7", { phase: "Succeeded" })], "node01", "10.244.1.3"],
    ["host-network pods hold nothing", [pod("a", "node01", "10.244.1.9", { hostNetwork: true })], "node01", "10.244.1.2"],
    ["wrapping round to the lowest free one", [pod("a", "node01", "10.244.1.254"), pod("b", "node01", "10.244.1.2")], "node01", "10.244.1.3"],
  ])("%s", (_, pods, nodeName, want) => {
    const ipam = withPods(...pods).allocator(NODES, new Store());
    expect(ipam.allocate(nodeName)).toBe(want);
  });

  it("gives each address once during a reconcile", () => {
    const ipam = withPods(pod("a", "node01", "10.244.1.2")).allocator(NODES, new Store());
    expect([ipam.allocate("node01"), ipam.allocate("node01")]).toEqual(["10.244.1.3", "10.244.1.4"]);
  });

  it("keeps an address let go during a reconcile taken until it closes, as a list read at its start would", () => {
    const addresses = withPods(pod("a", "node01", "10.244.1.2"), pod("b", "node01", "10.244.1.9"));
    const ipam = addresses.allocator(NODES, new Store());
    addresses.set("b", undefined);
    expect(ipam.allocate("node01")).toBe("10.244.1.10");
    addresses.close();
    // a store with no record of the last reserved address: after the highest in use
    expect(addresses.allocator(NODES, new Store()).allocate("node01")).toBe("10.244.1.3");
  });

  it("goes on from the last address it reserved, not the one just freed, and wraps round at the end of the range", () => {
    const store = new Store();
    const addresses = withPods(pod("a", "node01", "10.244.1.2"), pod("b", "node01", "10.244.1.3"));
    expect(addresses.allocator(NODES, store).allocate("node01")).toBe("10.244.1.4");
    addresses.close();
    addresses.set("c", pod("c", "node01", "10.244.1.4"));
    addresses.set("c", undefined);
    addresses.set("b", undefined);
    expect(addresses.allocator(NODES, store).allocate("node01")).toBe("10.244.1.5");
    addresses.close();
    expect(addresses.allocator(NODES, store).allocate("node02")).toBe("10.244.2.2");
    addresses.close();
    store.put("ipam.kubelab.internal", { apiVersion: "ipam.kubelab.internal/v1", kind: "LastReservedIP", metadata: { name: "node01" }, lastReservedIP: "10.244.1.254" } as KubeObject);
    expect(addresses.allocator(NODES, store).allocate("node01")).toBe("10.244.1.3");
  });

  it("counts an address two pods report, and frees it when both have let go", () => {
    const addresses = withPods(pod("a", "node01", "10.244.1.4"), pod("b", "node01", "10.244.1.4"));
    addresses.set("a", pod("a", "node01", "10.244.1.4", { phase: "Failed" }));
    expect(addresses.allocator(NODES, new Store()).allocate("node01")).toBe("10.244.1.5");
    addresses.close();
    addresses.set("b", undefined);
    expect(addresses.allocator(NODES, new Store()).allocate("node01")).toBe("10.244.1.2");
  });
});

describe("pod addresses, through kubectl", () => {
  const ip = async (ws: ReturnType<typeof testWorkspace>, name: string) => (await shell(ws, `kubectl get pod ${name} -o jsonpath='{.status.podIP}'`)).stdout;

  it("gives the pod after a deleted one the next address, not the one it freed", async () => {
    const ws = testWorkspace();
    const run = (name: string) => `kubectl run ${name} --image=nginx --overrides='{"spec":{"nodeName":"node02"}}'; sleep 5`;
    await shell(ws, run("first"));
    expect(await ip(ws, "first")).toBe("10.244.2.2");
    await shell(ws, "kubectl delete pod first --now");
    await shell(ws, run("second"));
    expect(await ip(ws, "second")).toBe("10.244.2.3");
  });
});
