/**
 * NodeName: a pod that names its node fits only there. Pods created with `spec.nodeName`
 * never reach the scheduler; this matters when a pod is scheduled through another path.
 */
import type { FilterPlugin } from "../types";
import { unresolvable } from "../types";

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: "NodeName",
  prepare(pod) {
    const wanted = pod.pod.spec?.nodeName ?? "";
    return { filter: (node) => (wanted && wanted !== node.name ? unresolvable(ERR_REASON_NODE_NAME) : undefined) };
  },
};
