import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { Store } from "../../api/store";
import { KubeletCache } from "./kubelet-cache";
import { MEMORY_RESOURCE, newMemory } from "./pod-memory";
import { CONFIG_MIRROR } from "./static-pods";

function pod(name: string, nodeName: string, opts: { uid?: string; running?: boolean; mirror?: boolean } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: opts.uid ?? `uid-${name}`, ...(opts.mirror ? { annotations: { [CONFIG_MIRROR]: "abc" } } : {}) },
    spec: { nodeName, containers: [{ name: "app", image: "nginx" }] },
    status: opts.running ? { containerStatuses: [{ name: "app", containerID: `containerd://id-${name}`, state: { running: {} } }] } : {},
  };
}

function memory(uid: string, dueAt?: number): KubeObject {
  return { apiVersion: "kubelet.kubelab.internal/v1", kind: "PodMemory", metadata: { name: uid }, memory: { ...newMemory(uid, "default", uid), ...(dueAt === undefined ? {} : { dueAt }) } } as KubeObject;
}

const names = (pods: readonly KubeObject[]) => pods.map((p) => p.metadata.name);
const never = () => false;

describe("KubeletCache", () => {
  it("is one per store, read from scratch for a store it has not seen", () => {
    const store = new Store();
    store.put("pods", pod("a", "node01"));
    const cache = KubeletCache.of(store);
    expect(KubeletCache.of(store)).toBe(cache);
    expect(names(cache.work(0, never))).toEqual(["a"]);
    const restored = new Store(store.toState());
    expect(KubeletCache.of(restored)).not.toBe(cache);
    expect(names(KubeletCache.of(restored).work(0, never))).toEqual(["a"]);
  });

  it("gives the pods written since the last call, in the store's order", () => {
    const store = new Store();
    for (const n of ["a", "b", "c", "d"]) store.put("pods", pod(n, "node01"));
    const cache = KubeletCache.of(store);
    cache.work(0, never);
    expect(cache.work(0, never)).toEqual([]);
    store.put("pods", pod("c", "node02"));
    store.put("pods", pod("a", "node01"));
    store.remove("pods", "default", "b");
    store.put("pods", pod("b", "node01", { uid: "uid-b2" }));
    expect(names(cache.work(0, never))).toEqual(["a", "c", "b"]);
  });

  it("gives a pod whose memory changed or went, and a pod whose memory says it is due until that moves", () => {
    const store = new Store();
    store.put("pods", pod("a", "node01"));
    store.put("pods", pod("b", "node01"));
    store.put(MEMORY_RESOURCE, memory("uid-a", 5000));
    const cache = KubeletCache.of(store);
    expect(names(cache.work(0, never))).toEqual(["a", "b"]);
    expect(cache.work(4999, never)).toEqual([]);
    expect(names(cache.work(5000, never))).toEqual(["a"]);
    expect(names(cache.work(5000, never))).toEqual(["a"]);
    store.put(MEMORY_RESOURCE, memory("uid-a", 9000));
    expect(names(cache.work(6000, never))).toEqual(["a"]);
    expect(cache.work(6000, never)).toEqual([]);
    store.remove(MEMORY_RESOURCE, undefined, "uid-a");
    expect(names(cache.work(6000, never))).toEqual(["a"]);
    expect(cache.work(9000, never)).toEqual([]);
  });

  it("gives the pods of a node that appears", () => {
    const store = new Store();
    store.put("pods", pod("a", "node01"));
    store.put("pods", pod("b", "ghost"));
    const cache = KubeletCache.of(store);
    cache.work(0, never);
    store.put("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "ghost" } });
    expect(names(cache.work(0, never))).toEqual(["b"]);
  });

  it("asks once per instant about the other pods with running containers, and adds those that exited", () => {
    const store = new Store();
    store.put("pods", pod("a", "node01", { running: true }));
    store.put("pods", pod("b", "node01", { running: true }));
    store.put("pods", pod("c", "node01"));
    const cache = KubeletCache.of(store);
    const asked: string[] = [];
    const exited = (p: KubeObject) => {
      asked.push(p.metadata.name ?? "");
      return p.metadata.name === "b";
    };
    cache.work(0, exited);
    expect(asked).toEqual([]);
    store.put("pods", pod("a", "node01", { running: true }));
    expect(names(cache.work(1000, exited))).toEqual(["a", "b"]);
    expect(asked).toEqual(["b"]);
    expect(cache.work(1000, exited)).toEqual([]);
    expect(asked).toEqual(["b"]);
  });

  it("lists a node's mirror pods in the store's order", () => {
    const store = new Store();
    store.put("pods", pod("m2", "node01", { mirror: true }));
    store.put("pods", pod("plain", "node01"));
    store.put("pods", pod("m1", "node01", { mirror: true }));
    store.put("pods", pod("other", "node02", { mirror: true }));
    const cache = KubeletCache.of(store);
    expect(names(cache.mirrorsOn("node01"))).toEqual(["m2", "m1"]);
    store.put("pods", pod("m2", "node01"));
    expect(names(cache.mirrorsOn("node01"))).toEqual(["m1"]);
  });

  it("names the memories whose pod may be gone", () => {
    const store = new Store();
    store.put("pods", pod("a", "node01"));
    store.put(MEMORY_RESOURCE, memory("uid-a"));
    store.put(MEMORY_RESOURCE, memory("uid-gone"));
    const cache = KubeletCache.of(store);
    expect(cache.takeOrphans().filter((k) => !cache.has(k))).toEqual(["uid-gone"]);
    expect(cache.takeOrphans()).toEqual([]);
    store.remove("pods", "default", "a");
    expect(cache.takeOrphans().filter((k) => !cache.has(k))).toEqual(["uid-a"]);
  });
});
