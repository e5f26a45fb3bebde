/**
 * NodeUnschedulable: a cordoned node (`spec.unschedulable`) takes only pods that tolerate
 * the `node.kubernetes.io/unschedulable:NoSchedule` taint, as DaemonSet pods do.
 */
import { tolerates, UNSCHEDULABLE_TAINT_KEY } from "../taints";
import type { FilterPlugin } from "../types";
import { unresolvable } from "../types";

export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

export const nodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  prepare(pod) {
    const tolerated = tolerates(pod.pod.spec?.tolerations, { key: UNSCHEDULABLE_TAINT_KEY, effect: "NoSchedule" });
    return { filter: (node) => (node.unschedulable && !tolerated ? unresolvable(ERR_REASON_UNSCHEDULABLE) : undefined) };
  },
};
