/**
 * NodeResourcesFit: the pod's effective requests must fit in what the node's allocatable
 * leaves after the pods already bound there, and the node must have a pod slot left. Every
 * shortage is a reason of its own, so `Insufficient cpu` and `Insufficient memory` count
 * separately in the message. A request larger than the whole node cannot be helped by
 * preemption. Scoring is LeastAllocated over cpu and memory, counting a container without
 * requests as 100m / 200Mi.
 */
import type { Resources } from "../resources";
import type { FilterPlugin, NodeInfo, PodInfo, ScorePlugin, Status } from "../types";
import { MAX_NODE_SCORE } from "../normalize";

export const TOO_MANY_PODS = "Too many pods";

/** framework.InsufficientResource: what the kubelet's admission also reports, with its numbers. */
export interface Shortage {
  /** `pods`, `cpu` (in millicores), `memory` (in bytes), `ephemeral-storage`, or a scalar resource */
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
  /** the request exceeds the node's whole allocatable */
  readonly unresolvable: boolean;
}

/** What `fits` needs of a node: its allocatable, what its pods request, how many there are. */
export interface NodeUsage {
  readonly allocatable: Resources;
  readonly requested: Resources;
  readonly podCount: number;
}

const requestsNothing = (r: Resources) => r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && Object.values(r.scalar).every((v) => v === 0);

/** fitsRequest, in its order: pods, cpu, memory, ephemeral-storage, then the others by name. */
export function fits(want: Resources, node: NodeUsage): Shortage[] {
  const out: Shortage[] = [];
  const allowed = node.allocatable.allowedPodNumber;
  if (node.podCount + 1 > allowed) out.push({ resourceName: "pods", reason: TOO_MANY_PODS, requested: 1, used: node.podCount, capacity: allowed, unresolvable: false });
  if (requestsNothing(want)) return out;
  const check = (name: string, requested: number, capacity: number, used: number) => {
    if (requested > 0 && requested > capacity - used) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested, used, capacity, unresolvable: requested > capacity });
  };
  check("cpu", want.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU);
  check("memory", want.memory, node.allocatable.memory, node.requested.memory);
  check("ephemeral-storage", want.ephemeralStorage, node.allocatable.ephemeralStorage, node.requested.ephemeralStorage);
  for (const name of Object.keys(want.scalar).sort()) {
    check(name, want.scalar[name], node.allocatable.scalar[name] ?? 0, node.requested.scalar[name] ?? 0);
  }
  return out;
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: "NodeResourcesFit",
  prepare(pod) {
    return {
      filter(node): Status | undefined {
        const short = fits(pod.requests, { allocatable: node.allocatable, requested: node.requested, podCount: node.pods.length });
        if (short.length === 0) return undefined;
        return { code: short.some((s) => s.unresolvable) ? "UnschedulableAndUnresolvable" : "Unschedulable", reasons: short.map((s) => s.reason) };
      },
    };
  },
};

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated with cpu and memory weighted 1 each; a resource the node lacks is left out. */
export const nodeResourcesFitScore: ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  score(pod, feasible) {
    return feasible.map((n) => {
      const parts = [
        [n.nonZeroRequested.milliCPU + pod.nonZero.milliCPU, n.allocatable.milliCPU],
        [n.nonZeroRequested.memory + pod.nonZero.memory, n.allocatable.memory],
      ].filter(([, capacity]) => capacity !== 0);
      if (parts.length === 0) return 0;
      return Math.trunc(parts.reduce((sum, [requested, capacity]) => sum + leastRequested(requested, capacity), 0) / parts.length);
    });
  },
};
