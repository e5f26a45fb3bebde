/**
 * TaintToleration: a node with a NoSchedule or NoExecute taint the pod does not tolerate is
 * filtered out (since 1.35 the reason no longer names the taint); when scoring, fewer
 * untolerated PreferNoSchedule taints is better.
 */
import type { Toleration } from "kubernetes-types/core/v1";
import { defaultNormalize } from "../normalize";
import { doNotSchedule, tolerates, untoleratedTaint } from "../taints";
import type { FilterPlugin, ScorePlugin } from "../types";
import { unresolvable } from "../types";

export const ERR_REASON_UNTOLERATED = "node(s) had untolerated taint(s)";

export const taintTolerationFilter: FilterPlugin = {
  name: "TaintToleration",
  prepare(pod) {
    const tolerations = pod.pod.spec?.tolerations;
    return { filter: (node) => (untoleratedTaint(node.taints, tolerations, doNotSchedule) ? unresolvable(ERR_REASON_UNTOLERATED) : undefined) };
  },
};

/** Tolerations without an effect cover PreferNoSchedule too. */
const preferNoScheduleTolerations = (ts: readonly Toleration[] | undefined) => (ts ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");

export const taintTolerationScore: ScorePlugin = {
  name: "TaintToleration",
  weight: 3,
  score(pod, feasible) {
    const tolerations = preferNoScheduleTolerations(pod.pod.spec?.tolerations);
    const counts = feasible.map((n) => n.taints.filter((t) => t.effect === "PreferNoSchedule" && !tolerates(tolerations, t)).length);
    return defaultNormalize(counts, true);
  },
};
