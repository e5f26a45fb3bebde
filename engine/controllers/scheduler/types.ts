/**
 * The scheduler framework's vocabulary, after kube-scheduler's: a snapshot of every node
 * with what is already bound to it (NodeInfo), the pod being placed (PodInfo), and the
 * Status a filter plugin returns for a node it rejects. Plugins are data in, verdicts out:
 * each one prepares its checks for one pod against one snapshot.
 */
import type { Node, Pod, Taint } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { Resources } from "./resources";

/** A pod as the scheduler reads it, computed once per stored object. */
export interface PodInfo {
  readonly object: KubeObject;
  readonly pod: Pod;
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly priority: number;
  /** the effective requests (PodRequests): what NodeResourcesFit checks */
  readonly requests: Resources;
  /** cpu/memory with the 100m/200Mi stand-ins for missing requests, for scoring */
  readonly nonZero: { readonly milliCPU: number; readonly memory: number };
  readonly hostPorts: readonly HostPort[];
}

export interface HostPort {
  readonly protocol: string;
  readonly hostIP: string;
  readonly port: number;
}

/** A node and what the pods bound to it already use. */
export interface NodeInfo {
  readonly node: Node;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: Resources;
  readonly requested: Resources;
  readonly nonZeroRequested: { milliCPU: number; memory: number };
  readonly pods: PodInfo[];
  readonly usedPorts: HostPort[];
}

export interface Snapshot {
  /** sorted by name, the order ties are broken in */
  readonly nodes: readonly NodeInfo[];
  readonly byName: ReadonlyMap<string, NodeInfo>;
  /** namespace → labels, for namespaceSelector in pod affinity terms */
  readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** bound pods that declare pod affinity or anti-affinity, with their nodes */
  readonly affinityPods: { readonly pod: PodInfo; readonly node: NodeInfo }[];
}

/** framework.Code: Unschedulable may be resolved by preemption, the other never. */
export type Code = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
}

export const unschedulable = (...reasons: string[]): Status => ({ code: "Unschedulable", reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: "UnschedulableAndUnresolvable", reasons });

/**
 * A filter plugin's checks prepared for one pod (PreFilter + Filter): either every node is
 * rejected with one message, or a per-node filter, optionally restricted to some nodes
 * (PreFilterResult.NodeNames).
 */
export type Prepared = { readonly reject: Status } | { readonly nodes?: ReadonlySet<string>; filter(node: NodeInfo): Status | undefined };

export interface FilterPlugin {
  readonly name: string;
  prepare(pod: PodInfo, snapshot: Snapshot): Prepared;
}

/** A score plugin prepared for one pod over the nodes that passed the filters. */
export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** raw scores, one per feasible node in order, already normalized to 0..100; undefined to skip */
  score(pod: PodInfo, feasible: readonly NodeInfo[], snapshot: Snapshot): number[] | undefined;
}
