/**
 * NodeResourcesBalancedAllocation: prefers the node where the pod leaves cpu and memory
 * equally used, by their actual requests. Pods that request neither are not scored by it
 * (so best-effort pods do not pile onto one node).
 */
import { MAX_NODE_SCORE } from "../normalize";
import type { ScorePlugin } from "../types";

export const balancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  score(pod, feasible) {
    if (pod.requests.milliCPU === 0 && pod.requests.memory === 0) return undefined;
    return feasible.map((n) => {
      const fractions = [
        [n.requested.milliCPU + pod.requests.milliCPU, n.allocatable.milliCPU],
        [n.requested.memory + pod.requests.memory, n.allocatable.memory],
      ]
        .filter(([, capacity]) => capacity !== 0)
        .map(([requested, capacity]) => Math.min(1, requested / capacity));
      const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
      return Math.trunc((1 - std) * MAX_NODE_SCORE);
    });
  },
};
