/**
 * PodTopologySpread, for the constraints that say `DoNotSchedule`: placing the pod on a
 * node must not make its domain hold more than `maxSkew` matching pods above the emptiest
 * domain. Domains are the values of `topologyKey` on the nodes that qualify (by the pod's
 * node selector and affinity unless `nodeAffinityPolicy: Ignore`, by taints only with
 * `nodeTaintsPolicy: Honor`); pods on their way out do not count. `ScheduleAnyway`
 * constraints (a scoring matter) are not modelled.
 */
import type { TopologySpreadConstraint } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { labelSelectorMatches } from "../selectors";
import { doNotSchedule, untoleratedTaint } from "../taints";
import type { FilterPlugin, NodeInfo, PodInfo } from "../types";
import { unresolvable, unschedulable } from "../types";
import { nodeAffinityFilter } from "./node-affinity";

export const ERR_REASON_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_LABEL = `${ERR_REASON_CONSTRAINTS} (missing required label)`;

/** matchLabelKeys add the pod's own values of those labels to the selector. */
function selectorOf(c: TopologySpreadConstraint, pod: PodInfo): LabelSelector | undefined {
  const keys = (c.matchLabelKeys ?? []).filter((k) => Object.hasOwn(pod.labels, k));
  if (!c.labelSelector || keys.length === 0) return c.labelSelector;
  const extra = keys.map((k) => ({ key: k, operator: "In", values: [pod.labels[k]] }));
  return { ...c.labelSelector, matchExpressions: [...(c.labelSelector.matchExpressions ?? []), ...extra] };
}

export const podTopologySpread: FilterPlugin = {
  name: "PodTopologySpread",
  prepare(pod, snapshot) {
    const constraints = (pod.pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === "DoNotSchedule");
    if (constraints.length === 0) return { filter: () => undefined };
    const affinity = nodeAffinityFilter.prepare(pod, snapshot);
    const qualifies = (c: TopologySpreadConstraint, n: NodeInfo) => {
      if (c.nodeAffinityPolicy !== "Ignore" && ("reject" in affinity || (affinity.nodes && !affinity.nodes.has(n.name)) || affinity.filter(n))) return false;
      if (c.nodeTaintsPolicy === "Honor" && untoleratedTaint(n.taints, pod.pod.spec?.tolerations, doNotSchedule)) return false;
      return constraints.every((k) => Object.hasOwn(n.labels, k.topologyKey));
    };
    const prepared = constraints.map((c) => {
      const selector = selectorOf(c, pod);
      const counts = new Map<string, number>();
      for (const n of snapshot.nodes) {
        if (!qualifies(c, n)) continue;
        const matching = n.pods.filter((p) => p.namespace === pod.namespace && !p.object.metadata.deletionTimestamp && labelSelectorMatches(selector, p.labels)).length;
        const domain = n.labels[c.topologyKey];
        counts.set(domain, (counts.get(domain) ?? 0) + matching);
      }
      const minMatch = counts.size < (c.minDomains ?? 1) ? 0 : Math.min(...counts.values());
      return { c, counts, minMatch, self: labelSelectorMatches(selector, pod.labels) ? 1 : 0 };
    });
    return {
      filter(node) {
        for (const { c, counts, minMatch, self } of prepared) {
          if (!Object.hasOwn(node.labels, c.topologyKey)) return unresolvable(ERR_REASON_LABEL);
          const skew = (counts.get(node.labels[c.topologyKey]) ?? 0) + self - minMatch;
          if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS);
        }
        return undefined;
      },
    };
  },
};
