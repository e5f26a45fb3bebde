/**
 * InterPodAffinity: the pod's required affinity needs a matching pod in the node's
 * topology domain (the first pod of a group that selects itself may go anywhere the
 * topology labels exist), its required anti-affinity needs none there, and no pod already
 * placed may have an anti-affinity term the pod falls under in that domain. Scoring
 * weighs preferred terms both ways, plus existing pods' required affinity at weight 1.
 */
import type { AffinityTerm } from "../affinity-terms";
import { podAffinityOf, termMatchesPod } from "../affinity-terms";
import { MAX_NODE_SCORE } from "../normalize";
import type { FilterPlugin, NodeInfo, PodInfo, ScorePlugin, Snapshot } from "../types";
import { unresolvable, unschedulable } from "../types";

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** topologyKey → value → count */
type TopologyCounts = Map<string, Map<string, number>>;

function bump(counts: TopologyCounts, key: string, node: NodeInfo, by: number): void {
  if (!Object.hasOwn(node.labels, key)) return;
  const values = counts.get(key) ?? new Map<string, number>();
  counts.set(key, values);
  const value = node.labels[key];
  values.set(value, (values.get(value) ?? 0) + by);
}

const countAt = (counts: TopologyCounts, key: string, node: NodeInfo) => (Object.hasOwn(node.labels, key) ? (counts.get(key)?.get(node.labels[key]) ?? 0) : 0);

const everyPod = (snapshot: Snapshot) => snapshot.nodes.flatMap((node) => node.pods.map((pod) => ({ pod, node })));

export const interPodAffinityFilter: FilterPlugin = {
  name: "InterPodAffinity",
  prepare(pod, snapshot) {
    const own = podAffinityOf(pod);
    const existingAnti: TopologyCounts = new Map();
    for (const { pod: other, node } of snapshot.affinityPods) {
      for (const t of podAffinityOf(other).requiredAnti) if (termMatchesPod(t, pod, snapshot)) bump(existingAnti, t.topologyKey, node, 1);
    }
    const affinity: TopologyCounts = new Map();
    const anti: TopologyCounts = new Map();
    if (own.required.length > 0 || own.requiredAnti.length > 0) {
      for (const { pod: other, node } of everyPod(snapshot)) {
        if (own.required.length > 0 && own.required.every((t) => termMatchesPod(t, other, snapshot))) {
          for (const t of own.required) bump(affinity, t.topologyKey, node, 1);
        }
        for (const t of own.requiredAnti) if (termMatchesPod(t, other, snapshot)) bump(anti, t.topologyKey, node, 1);
      }
    }
    const selfMatching = own.required.length > 0 && own.required.every((t) => termMatchesPod(t, pod, snapshot));
    const satisfiesAffinity = (node: NodeInfo) => {
      if (own.required.some((t) => !Object.hasOwn(node.labels, t.topologyKey))) return false;
      if (own.required.every((t) => countAt(affinity, t.topologyKey, node) > 0)) return true;
      return affinity.size === 0 && selfMatching;
    };
    const conflictsAnti = (node: NodeInfo) => own.requiredAnti.some((t: AffinityTerm) => countAt(anti, t.topologyKey, node) > 0);
    const breaksExisting = (node: NodeInfo) => Object.keys(node.labels).some((k) => countAt(existingAnti, k, node) > 0);
    return {
      filter(node) {
        if (!satisfiesAffinity(node)) return unresolvable(ERR_REASON_AFFINITY);
        if (conflictsAnti(node)) return unschedulable(ERR_REASON_ANTI_AFFINITY);
        if (breaksExisting(node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
        return undefined;
      },
    };
  },
};

/** The raw topology scores: every term that matches adds its weight to the domain of the matched pod's node. */
function topologyScores(pod: PodInfo, snapshot: Snapshot): TopologyCounts {
  const own = podAffinityOf(pod);
  const scores: TopologyCounts = new Map();
  const incomingHasTerms = own.preferred.length > 0 || own.preferredAnti.length > 0;
  const candidates = incomingHasTerms ? everyPod(snapshot) : snapshot.affinityPods;
  for (const { pod: other, node } of candidates) {
    for (const t of own.preferred) if (termMatchesPod(t, other, snapshot)) bump(scores, t.topologyKey, node, t.weight);
    for (const t of own.preferredAnti) if (termMatchesPod(t, other, snapshot)) bump(scores, t.topologyKey, node, -t.weight);
    const theirs = podAffinityOf(other);
    for (const t of theirs.required) if (termMatchesPod(t, pod, snapshot)) bump(scores, t.topologyKey, node, 1);
    for (const t of theirs.preferred) if (termMatchesPod(t, pod, snapshot)) bump(scores, t.topologyKey, node, t.weight);
    for (const t of theirs.preferredAnti) if (termMatchesPod(t, pod, snapshot)) bump(scores, t.topologyKey, node, -t.weight);
  }
  return scores;
}

export const interPodAffinityScore: ScorePlugin = {
  name: "InterPodAffinity",
  weight: 2,
  score(pod, feasible, snapshot) {
    const scores = topologyScores(pod, snapshot);
    if (scores.size === 0) return undefined;
    const raw = feasible.map((n) => [...scores.keys()].reduce((sum, key) => sum + countAt(scores, key, n), 0));
    const min = Math.min(...raw);
    const spread = Math.max(...raw) - min;
    return raw.map((s) => (spread > 0 ? Math.trunc((MAX_NODE_SCORE * (s - min)) / spread) : 0));
  },
};
