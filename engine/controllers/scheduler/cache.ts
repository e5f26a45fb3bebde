/**
 * The scheduler cache (pkg/scheduler/backend/cache): every node and what the pods bound to
 * it and not finished already use, kept up to date from the store's watch instead of
 * recounted from every pod on every pass. It holds nothing the store does not say, so it
 * changes no decision, only the cost; a bind is counted as soon as the binding write lands.
 * A store seen for the first time (after a restore) is counted from scratch.
 */
import type { KubeObject } from "../../api/object";
import type { Store } from "../../api/store";
import { addResources, allocatableOf, emptyResources } from "./resources";
import type { Resources } from "./resources";
import { isTerminal, nodeNameOf, podInfo } from "./pod-info";
import type { HostPort, NodeInfo, PodInfo, Snapshot } from "./types";
import type { Node } from "kubernetes-types/core/v1";

/** What the pods bound to one node add up to; shared by that node's NodeInfo. */
interface Load {
  readonly pods: PodInfo[];
  readonly requested: Resources;
  readonly nonZeroRequested: { milliCPU: number; memory: number };
  readonly usedPorts: HostPort[];
}

interface Cache {
  readonly loads: Map<string, Load>;
  readonly nodes: Map<string, NodeInfo>;
  /** pod uid → where it is counted */
  readonly placed: Map<string, { readonly node: string; readonly pod: PodInfo }>;
  /** the placed pods that declare pod affinity or anti-affinity */
  readonly withAffinity: Set<string>;
  /** pods without a node, in the order they appeared */
  readonly unbound: Map<string, KubeObject>;
  sorted: NodeInfo[] | undefined;
}

const caches = new WeakMap<Store, Cache>();

const hasPodAffinity = (p: PodInfo) => Boolean(p.pod.spec?.affinity?.podAffinity || p.pod.spec?.affinity?.podAntiAffinity);

function loadOf(c: Cache, node: string): Load {
  let load = c.loads.get(node);
  if (!load) {
    load = { pods: [], requested: emptyResources(), nonZeroRequested: { milliCPU: 0, memory: 0 }, usedPorts: [] };
    c.loads.set(node, load);
  }
  return load;
}

function subtract(into: Resources, r: Resources): void {
  into.milliCPU -= r.milliCPU;
  into.memory -= r.memory;
  into.ephemeralStorage -= r.ephemeralStorage;
  for (const k in r.scalar) into.scalar[k] = (into.scalar[k] ?? 0) - r.scalar[k];
}

function forget(c: Cache, uid: string): void {
  const was = c.placed.get(uid);
  if (!was) return;
  c.placed.delete(uid);
  c.withAffinity.delete(uid);
  const load = loadOf(c, was.node);
  load.pods.splice(load.pods.indexOf(was.pod), 1);
  subtract(load.requested, was.pod.requests);
  load.nonZeroRequested.milliCPU -= was.pod.nonZero.milliCPU;
  load.nonZeroRequested.memory -= was.pod.nonZero.memory;
  for (const p of was.pod.hostPorts) load.usedPorts.splice(load.usedPorts.indexOf(p), 1);
}

function count(c: Cache, object: KubeObject): void {
  const uid = object.metadata.uid ?? "";
  forget(c, uid);
  const node = nodeNameOf(object);
  if (node) c.unbound.delete(uid);
  else c.unbound.set(uid, object);
  if (!node || isTerminal(object)) return;
  const pod = podInfo(object);
  const load = loadOf(c, node);
  load.pods.push(pod);
  addResources(load.requested, pod.requests);
  load.nonZeroRequested.milliCPU += pod.nonZero.milliCPU;
  load.nonZeroRequested.memory += pod.nonZero.memory;
  if (pod.hostPorts.length > 0) load.usedPorts.push(...pod.hostPorts);
  c.placed.set(uid, { node, pod });
  if (hasPodAffinity(pod)) c.withAffinity.add(uid);
}

function setNode(c: Cache, object: KubeObject): void {
  const node = object as unknown as Node;
  const name = object.metadata.name ?? "";
  const load = loadOf(c, name);
  c.nodes.set(name, {
    node,
    name,
    labels: object.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    unschedulable: node.spec?.unschedulable === true,
    allocatable: allocatableOf(node.status?.allocatable),
    requested: load.requested,
    nonZeroRequested: load.nonZeroRequested,
    pods: load.pods,
    usedPorts: load.usedPorts,
  });
  c.sorted = undefined;
}

function cacheOf(store: Store): Cache {
  const known = caches.get(store);
  if (known) return known;
  const c: Cache = { loads: new Map(), nodes: new Map(), placed: new Map(), withAffinity: new Set(), unbound: new Map(), sorted: undefined };
  for (const n of store.list("nodes")) setNode(c, n);
  for (const p of store.list("pods")) count(c, p);
  store.watch((w) => {
    if (w.resource === "pods") {
      if (w.type === "DELETED") {
        forget(c, w.object.metadata.uid ?? "");
        c.unbound.delete(w.object.metadata.uid ?? "");
      } else {
        count(c, w.object);
      }
    } else if (w.resource === "nodes") {
      if (w.type === "DELETED") {
        c.nodes.delete(w.object.metadata.name ?? "");
        c.sorted = undefined;
      } else {
        setNode(c, w.object);
      }
    }
  });
  caches.set(store, c);
  return c;
}

/** The cluster as the scheduler sees it now; binds are counted as they are written, so take a new one per pod. */
export function liveSnapshot(store: Store): Snapshot {
  const c = cacheOf(store);
  const nodes = (c.sorted ??= [...c.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const byName = c.nodes;
  const affinityPods: Snapshot["affinityPods"] = [];
  for (const uid of c.withAffinity) {
    const placed = c.placed.get(uid);
    const node = placed && byName.get(placed.node);
    if (placed && node) affinityPods.push({ pod: placed.pod, node });
  }
  const namespaceLabels = new Map(store.list("namespaces").map((ns) => [ns.metadata.name ?? "", ns.metadata.labels ?? {}]));
  return { nodes, byName, namespaceLabels, affinityPods };
}

/** The pods that have no node yet, as they are stored now, in the order they appeared. */
export function unboundPods(store: Store): KubeObject[] {
  return [...cacheOf(store).unbound.values()];
}
