/**
 * Taints and tolerations as component-helpers' scheduling/corev1 and api/core/v1 match
 * them: an empty toleration effect matches every effect, an empty key with `Exists`
 * matches every key, `Equal` (or no operator) compares values.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";

export const UNSCHEDULABLE_TAINT_KEY = "node.kubernetes.io/unschedulable";

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerates(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** FindMatchingUntoleratedTaint: the first taint passing `inScope` that no toleration covers. */
export function untoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, inScope: (t: Taint) => boolean): Taint | undefined {
  return (taints ?? []).find((t) => inScope(t) && !tolerates(tolerations, t));
}

/** helper.DoNotScheduleTaintsFilterFunc: the effects that keep a pod off a node. */
export const doNotSchedule = (t: Taint): boolean => t.effect === "NoSchedule" || t.effect === "NoExecute";
