/**
 * Builders for scheduler unit tests: nodes and pods as the API server would store them,
 * and a snapshot over them without a cluster around it.
 */
import type { KubeObject } from "../../api/object";
import { Store } from "../../api/store";
import { liveSnapshot } from "./cache";
import { podInfo } from "./pod-info";
import type { NodeInfo, PodInfo, Snapshot } from "./types";

type Obj = Record<string, unknown>;

export interface NodeOptions {
  readonly labels?: Record<string, string>;
  readonly taints?: Obj[];
  readonly unschedulable?: boolean;
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly extra?: Record<string, string>;
}

export function node(name: string, o: NodeOptions = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, resourceVersion: "1", labels: { "kubernetes.io/hostname": name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: o.cpu ?? "2", memory: o.memory ?? "4Gi", pods: o.pods ?? "110", ...o.extra } },
  };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly nodeName?: string;
  readonly phase?: string;
  /** merged over a spec with one container `app` */
  readonly spec?: Obj;
  /** requests of the one container */
  readonly requests?: Record<string, string>;
}

let uid = 0;

export function pod(name: string, o: PodOptions = {}): KubeObject {
  const container = { name: "app", image: "nginx", ...(o.requests ? { resources: { requests: o.requests } } : {}) };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.namespace ?? "default", uid: `uid-${name}-${uid++}`, labels: o.labels ?? {} },
    spec: { containers: [container], ...(o.nodeName ? { nodeName: o.nodeName } : {}), ...o.spec },
    status: { phase: o.phase ?? (o.nodeName ? "Running" : "Pending") },
  };
}

/** A store holding the nodes, the namespaces and the pods, as the scheduler would find them. */
export function storeOf(nodes: readonly KubeObject[], pods: readonly KubeObject[] = [], namespaces: Record<string, Record<string, string>> = {}): Store {
  const store = new Store();
  for (const n of nodes) store.put("nodes", n);
  for (const [name, labels] of Object.entries({ default: {}, ...namespaces })) store.put("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
  for (const p of pods) store.put("pods", p);
  return store;
}

export function snapshotOf(nodes: readonly KubeObject[], pods: readonly KubeObject[] = [], namespaces: Record<string, Record<string, string>> = {}): Snapshot {
  return liveSnapshot(storeOf(nodes, pods, namespaces));
}

export const info = (o: KubeObject): PodInfo => podInfo(o);

export function nodeNamed(s: Snapshot, name: string): NodeInfo {
  const n = s.byName.get(name);
  if (!n) throw new Error(`no node ${name} in the snapshot`);
  return n;
}
