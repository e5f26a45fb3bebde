import { describe, expect, it } from "vitest";
import { Store } from "./store";

const obj = (name: string) => ({ apiVersion: "v1", kind: "X", metadata: { name, namespace: "default" } });

describe("Store change counters", () => {
  it("counts every write in changeCount, and only what the API serves in apiChangeCount", () => {
    const store = new Store();
    store.put("pods", obj("a"));
    store.put("kubelet.kubelab.internal", obj("memory-of-a"));
    store.put("kubelet.kubelab.internal", obj("memory-of-a"));
    store.remove("kubelet.kubelab.internal", "default", "memory-of-a");
    expect(store.changeCount).toBe(4);
    expect(store.apiChangeCount).toBe(1);
    store.remove("pods", "default", "a");
    expect(store.apiChangeCount).toBe(2);
  });
});
