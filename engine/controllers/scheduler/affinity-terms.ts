/**
 * Pod affinity terms as the scheduler holds them (framework.AffinityTerm): which
 * namespaces a term looks in (its `namespaces`, those its `namespaceSelector` selects, or
 * else the namespace of the pod that declares it) and which pods' labels it selects.
 */
import type { PodAffinityTerm, WeightedPodAffinityTerm } from "kubernetes-types/core/v1";
import { labelSelectorMatches } from "./selectors";
import type { PodInfo, Snapshot } from "./types";

export interface AffinityTerm {
  readonly term: PodAffinityTerm;
  readonly namespaces: ReadonlySet<string>;
  readonly topologyKey: string;
}

export interface WeightedTerm extends AffinityTerm {
  readonly weight: number;
}

export interface PodAffinity {
  readonly required: readonly AffinityTerm[];
  readonly requiredAnti: readonly AffinityTerm[];
  readonly preferred: readonly WeightedTerm[];
  readonly preferredAnti: readonly WeightedTerm[];
}

const cache = new WeakMap<PodInfo, PodAffinity>();

function termOf(owner: PodInfo, term: PodAffinityTerm): AffinityTerm {
  const listed = term.namespaces ?? [];
  const namespaces = listed.length === 0 && !term.namespaceSelector ? new Set([owner.namespace]) : new Set(listed);
  return { term, namespaces, topologyKey: term.topologyKey };
}

const weighted = (owner: PodInfo, ts: readonly WeightedPodAffinityTerm[] | undefined): WeightedTerm[] =>
  (ts ?? []).map((t) => ({ ...termOf(owner, t.podAffinityTerm), weight: t.weight }));

export function podAffinityOf(pod: PodInfo): PodAffinity {
  const cached = cache.get(pod);
  if (cached) return cached;
  const a = pod.pod.spec?.affinity;
  const out: PodAffinity = {
    required: (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => termOf(pod, t)),
    requiredAnti: (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => termOf(pod, t)),
    preferred: weighted(pod, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAnti: weighted(pod, a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
  cache.set(pod, out);
  return out;
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels are selected. */
export function termMatchesPod(t: AffinityTerm, pod: PodInfo, snapshot: Snapshot): boolean {
  const inNamespace = t.namespaces.has(pod.namespace) || (t.term.namespaceSelector !== undefined && labelSelectorMatches(t.term.namespaceSelector, snapshot.namespaceLabels.get(pod.namespace) ?? {}));
  return inNamespace && labelSelectorMatches(t.term.labelSelector, pod.labels);
}
