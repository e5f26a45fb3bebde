/**
 * The object store behind the simulated API server, shaped like client-go's ObjectTracker:
 * objects keyed by (resource, namespace, name), one increasing resourceVersion, watch
 * events to subscribers. Stored values are never mutated in place; a write stores a new
 * value, so a reader may hold on to what it got.
 */
import type { KubeObject } from "./object";


/** Resources no API serves: controllers' bookkeeping kept in the store so snapshots carry it. */
const INTERNAL_SUFFIX = ".kubelab.internal";
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly resource: string;
  readonly object: KubeObject;
}

export type Watcher = (event: WatchEvent) => void;

export interface StoreState {
  resourceVersion: number;
  /** resource plural → objects, in insertion order */
  objects: Record<string, KubeObject[]>;
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class Store {
  private rv: number;
  private writes = 0;
  private apiWrites = 0;
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  private readonly watchers = new Set<Watcher>();

  constructor(state?: StoreState) {
    this.rv = state?.resourceVersion ?? 0;
    for (const [resource, list] of Object.entries(state?.objects ?? {})) {
      const m = this.table(resource);
      for (const o of list) m.set(keyOf(o.metadata.namespace, o.metadata.name ?? ""), o);
    }
  }

  toState(): StoreState {
    const objects: Record<string, KubeObject[]> = {};
    for (const [resource, m] of this.byResource) if (m.size) objects[resource] = [...m.values()];
    return { resourceVersion: this.rv, objects };
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** Grows with every put and remove (a delete takes no resourceVersion here): "has anything changed?" */
  get changeCount(): number {
    return this.writes;
  }

  /**
   * The same, counting only what the API serves: the controllers' own bookkeeping (the
   * kubelet's per-pod memory, written on every wake of a busy container) changes nothing
   * another controller reads, so it does not make them look again.
   */
  get apiChangeCount(): number {
    return this.apiWrites;
  }

  /** The next resourceVersion, consumed by the write that stamps it. */
  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  private table(resource: string): Map<string, KubeObject> {
    let m = this.byResource.get(resource);
    if (!m) {
      m = new Map();
      this.byResource.set(resource, m);
    }
    return m;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(keyOf(namespace, name));
  }

  /** All objects of a resource, in one namespace or (undefined) all of them. */
  list(resource: string, namespace?: string): KubeObject[] {
    const m = this.byResource.get(resource);
    if (!m) return [];
    const all = [...m.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  count(resource: string): number {
    return this.byResource.get(resource)?.size ?? 0;
  }

  /** Stores the object as given (its resourceVersion already stamped) and tells watchers. */
  put(resource: string, object: KubeObject): void {
    const m = this.table(resource);
    const key = keyOf(object.metadata.namespace, object.metadata.name ?? "");
    const type: WatchEventType = m.has(key) ? "MODIFIED" : "ADDED";
    m.set(key, object);
    this.emit({ type, resource, object });
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const m = this.byResource.get(resource);
    const key = keyOf(namespace, name);
    const old = m?.get(key);
    if (!m || !old) return undefined;
    m.delete(key);
    this.emit({ type: "DELETED", resource, object: old });
    return old;
  }

  watch(fn: Watcher): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  private emit(e: WatchEvent): void {
    this.writes += 1;
    if (!e.resource.endsWith(INTERNAL_SUFFIX)) this.apiWrites += 1;
    for (const w of this.watchers) w(e);
  }
}
