/**
 * What the kubelet knows of the store between reconciles, kept from the store's watch
 * (as the scheduler's cache is): every pod with its place in the store's order, the
 * mirror pods of each node, the containers each pod's status says run, the pod
 * addresses in use, and which pods need a look: those written since the last
 * reconcile (or whose memory was), and those whose memory says they are due. It holds
 * nothing the store does not say, so it changes no decision, only the cost; a store
 * seen for the first time (after a restore) is read from scratch.
 */
import type { KubeObject } from "../../api/object";
import type { Store, WatchEvent } from "../../api/store";
import { runningId } from "./container-ref";
import { DueQueue } from "./due-queue";
import { PodAddresses } from "./pod-ip";
import type { PodMemory } from "./pod-memory";
import { MEMORY_RESOURCE } from "./pod-memory";
import { CONFIG_MIRROR } from "./static-pods";

interface PodEntry {
  readonly pod: KubeObject;
  /** its place in the store's insertion order, which the kubelet syncs pods in */
  readonly order: number;
  readonly node: string;
  readonly mirror: boolean;
  /** runtime ids of the containers its status says run */
  readonly running: readonly string[];
}

const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? "";
const storeKey = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

function runningIds(pod: KubeObject): string[] {
  const status = (pod.status ?? {}) as { initContainerStatuses?: []; containerStatuses?: [] };
  const ids: string[] = [];
  for (const cs of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const id = runningId(cs);
    if (id) ids.push(id);
  }
  return ids;
}

function addTo(index: Map<string, Set<string>>, key: string, uid: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(uid);
}

function removeFrom(index: Map<string, Set<string>>, key: string, uid: string): void {
  const set = index.get(key);
  set?.delete(uid);
  if (set?.size === 0) index.delete(key);
}

const caches = new WeakMap<Store, KubeletCache>();


/** The kubelet's PLEG relists the runtime's containers every second (plegRelistPeriod). */
const RELIST_PERIOD_MS = 1000;
export class KubeletCache {
  private readonly pods = new Map<string, PodEntry>();
  /** store key → the uid there and its place, which a replacement under the same key keeps; in the store's order */
  private readonly slots = new Map<string, { uid: string; readonly order: number }>();
  private readonly byNode = new Map<string, Set<string>>();
  private readonly mirrors = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  /** memory keys whose pod may be gone */
  private readonly orphans = new Set<string>();
  private readonly due = new DueQueue();
  private nextOrder = 0;
  /** the relist period (and count of typed inputs) of the last relist */
  private relistedAt: string | undefined;
  readonly addresses = new PodAddresses();

  /** The cache of `store`, read from scratch the first time and kept from its watch after. */
  static of(store: Store): KubeletCache {
    let cache = caches.get(store);
    if (!cache) {
      const c = new KubeletCache();
      for (const n of store.list("nodes")) c.onEvent({ type: "ADDED", resource: "nodes", object: n });
      for (const p of store.list("pods")) c.onEvent({ type: "ADDED", resource: "pods", object: p });
      for (const m of store.list(MEMORY_RESOURCE)) c.onEvent({ type: "ADDED", resource: MEMORY_RESOURCE, object: m });
      store.watch((e) => c.onEvent(e));
      caches.set(store, (cache = c));
    }
    return cache;
  }

  private onEvent(e: WatchEvent): void {
    if (e.resource === "pods") {
      if (e.type === "DELETED") this.removePod(e.object);
      else this.putPod(e.object);
    } else if (e.resource === MEMORY_RESOURCE) {
      const key = e.object.metadata.name ?? "";
      const memory = (e.object as KubeObject & { memory?: PodMemory }).memory;
      this.due.set(key, e.type === "DELETED" ? undefined : memory?.dueAt);
      this.dirty.add(key);
      if (e.type !== "DELETED") this.orphans.add(key);
    } else if (e.resource === "nodes" && e.type === "ADDED") {
      // pods bound to a node the kubelet did not know yet are synced now
      for (const uid of this.byNode.get(e.object.metadata.name ?? "") ?? []) this.dirty.add(uid);
    }
  }

  private putPod(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? "";
    const key = storeKey(pod);
    let slot = this.slots.get(key);
    if (slot && slot.uid !== uid) {
      this.forget(slot.uid);
      slot.uid = uid;
    }
    if (!slot) this.slots.set(key, (slot = { uid, order: this.nextOrder++ }));
    this.unindex(uid);
    const entry: PodEntry = { pod, order: slot.order, node: nodeOf(pod), mirror: pod.metadata.annotations?.[CONFIG_MIRROR] !== undefined, running: runningIds(pod) };
    this.pods.set(uid, entry);
    addTo(this.byNode, entry.node, uid);
    if (entry.mirror) addTo(this.mirrors, entry.node, uid);
    this.addresses.set(uid, pod);
    this.dirty.add(uid);
  }

  private removePod(pod: KubeObject): void {
    const key = storeKey(pod);
    const slot = this.slots.get(key);
    this.slots.delete(key);
    this.forget(slot?.uid ?? pod.metadata.uid ?? "");
  }

  private unindex(uid: string): void {
    const was = this.pods.get(uid);
    if (!was) return;
    removeFrom(this.byNode, was.node, uid);
    if (was.mirror) removeFrom(this.mirrors, was.node, uid);
  }

  private forget(uid: string): void {
    this.unindex(uid);
    this.pods.delete(uid);
    this.addresses.set(uid, undefined);
    this.dirty.delete(uid);
    this.orphans.add(uid);
  }

  private inOrder(uids: Iterable<string>): KubeObject[] {
    const entries: PodEntry[] = [];
    for (const uid of uids) {
      const e = this.pods.get(uid);
      if (e) entries.push(e);
    }
    return entries.sort((a, b) => a.order - b.order).map((e) => e.pod);
  }

  has(uid: string): boolean {
    return this.pods.has(uid);
  }

  /** Every pod bound to the node needs a look: its kubelet came back and syncs them all again. */
  touchNode(node: string): void {
    for (const uid of this.byNode.get(node) ?? []) this.dirty.add(uid);
  }

  /** The pods bound to the node, in the store's order. */
  podsOn(node: string): KubeObject[] {
    return this.inOrder(this.byNode.get(node) ?? []);
  }

  /** The node's mirror pods, in the store's order. */
  mirrorsOn(node: string): KubeObject[] {
    return this.inOrder(this.mirrors.get(node) ?? []);
  }

  /**
   * The pods to sync now, in the store's order: those written since the last call, those
   * due, and, once per virtual instant (the PLEG's relist), the others that `exited` says
   * have a container that stopped in a way no wake-up foresaw (a `kill` through exec).
   */
  work(now: number, exited: (pod: KubeObject) => boolean, inputs = 0): KubeObject[] {
    const uids = new Set(this.dirty);
    this.dirty.clear();
    for (const uid of this.due.due(now)) uids.add(uid);
    // PLEG's relist: once a second (its period), and again when a line typed into a
    // container may have ended it; exits a wake-up foresaw are handled at their instant
    const at = `${Math.floor(now / RELIST_PERIOD_MS)}/${inputs}`;
    if (this.relistedAt !== at) {
      this.relistedAt = at;
      for (const { uid } of this.slots.values()) {
        const e = this.pods.get(uid);
        if (e && e.running.length > 0 && !uids.has(uid) && exited(e.pod)) uids.add(uid);
      }
    }
    return this.inOrder(uids);
  }

  /** Memory keys whose pod may be gone, since the last call. */
  takeOrphans(): string[] {
    const keys = [...this.orphans];
    this.orphans.clear();
    return keys;
  }
}
