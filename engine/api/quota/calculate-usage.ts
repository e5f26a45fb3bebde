/**
 * What a quota's namespace uses of the resources it limits (quota.CalculateUsage with
 * each evaluator's UsageStats): every limited resource an evaluator measures starts at
 * zero, and each object inside all of the quota's scopes adds its usage.
 */
import type { Store } from "../store";
import { addResourceLists, maskResourceList } from "../resource-list";
import { ZERO_QUANTITY, type Quantity } from "../resource-quantity";
import type { Obj } from "./evaluator";
import { intersection, isObj, quotaScopes } from "./evaluator";
import { allEvaluators } from "./evaluators";

export function calculateUsage(store: Store, quota: Obj, now: number): Map<string, Quantity> {
  const spec = isObj(quota.spec) ? quota.spec : {};
  const hard = Object.keys(isObj(spec.hard) ? spec.hard : {});
  const meta = isObj(quota.metadata) ? quota.metadata : {};
  const namespace = String(meta.namespace ?? "");
  const scopes = quotaScopes(quota);
  const evaluators = allEvaluators();
  const matched = intersection(hard, evaluators.flatMap((e) => e.evaluator.matchingResources(hard)));
  let used = new Map<string, Quantity>();
  for (const { resource, evaluator } of evaluators) {
    const tracked = evaluator.matchingResources(matched);
    if (tracked.length === 0) continue;
    let stats = new Map<string, Quantity>(tracked.map((name) => [name, ZERO_QUANTITY]));
    for (const o of resource ? store.list(resource, namespace) : []) {
      if (scopes.every((s) => evaluator.matchesScope(s, o))) stats = addResourceLists(stats, evaluator.usage(o, now));
    }
    used = addResourceLists(used, stats);
  }
  return maskResourceList(used, matched);
}
