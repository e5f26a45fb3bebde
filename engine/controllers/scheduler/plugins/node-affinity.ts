/**
 * NodeAffinity: `nodeSelector` and the required node affinity terms must both match the
 * node. Terms that pin the pod to nodes by `metadata.name` (as DaemonSet pods are) narrow
 * the nodes tried at all, and the others then read `node(s) didn't satisfy plugin(s)
 * [NodeAffinity]`. Scoring adds the weights of the preferred terms a node matches.
 */
import type { NodeSelectorTerm } from "kubernetes-types/core/v1";
import { defaultNormalize } from "../normalize";
import { anyTermMatches, termMatches } from "../selectors";
import type { FilterPlugin, PodInfo, ScorePlugin } from "../types";
import { unresolvable } from "../types";

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

const requiredTerms = (pod: PodInfo): readonly NodeSelectorTerm[] | undefined =>
  pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;

/** The union over terms of the nodes each names with `metadata.name In`, or undefined when some term names none. */
function namedNodes(terms: readonly NodeSelectorTerm[]): Set<string> | undefined {
  const union = new Set<string>();
  for (const t of terms) {
    let named: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== "metadata.name" || r.operator !== "In") continue;
      const values = new Set(r.values ?? []);
      named = named ? new Set([...named].filter((n) => values.has(n))) : values;
    }
    if (!named) return undefined;
    for (const n of named) union.add(n);
  }
  return union;
}

export const nodeAffinityFilter: FilterPlugin = {
  name: "NodeAffinity",
  prepare(pod) {
    const selector = Object.entries(pod.pod.spec?.nodeSelector ?? {});
    const terms = requiredTerms(pod);
    const filter = (node: { labels: Readonly<Record<string, string>>; name: string }) => {
      const selected = selector.every(([k, v]) => node.labels[k] === v);
      return selected && (!terms || anyTermMatches(terms, node.labels, node.name)) ? undefined : unresolvable(ERR_REASON_POD);
    };
    if (!terms || terms.length === 0) return { filter };
    const nodes = namedNodes(terms);
    if (nodes && nodes.size === 0) return { reject: unresolvable(ERR_REASON_CONFLICT) };
    return nodes ? { nodes, filter } : { filter };
  },
};

export const nodeAffinityScore: ScorePlugin = {
  name: "NodeAffinity",
  weight: 2,
  score(pod, feasible) {
    const preferred = (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).filter((p) => p.weight !== 0);
    if (preferred.length === 0) return undefined;
    const raw = feasible.map((n) => preferred.reduce((sum, p) => sum + (termMatches(p.preference, n.labels, n.name) ? p.weight : 0), 0));
    return defaultNormalize(raw, false);
  },
};
