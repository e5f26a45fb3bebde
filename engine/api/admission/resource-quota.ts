/**
 * The ResourceQuota admission plugin (apiserver pkg/admission/plugin/resourcequota,
 * CheckRequest) for an object being created: every quota of the namespace that limits
 * something the object uses, and whose scopes it is in, must have room for it. A quota
 * whose status the controller has not filled yet refuses what it would count. The
 * quotas that admit the object come back with their new usage, to be written with it.
 */
import type { KubeObject } from "../object";
import type { ResourceType } from "../resources";
import {
  addResourceLists,
  exceededResources,
  maskResourceList,
  prettyPrintResourceList,
  removeZeros,
  resourceListJson,
  resourceListOf,
  type ResourceList,
} from "../resource-list";
import type { Store } from "../store";
import type { Obj } from "../quota/evaluator";
import { isObj, quotaMatches } from "../quota/evaluator";
import { evaluatorFor } from "../quota/evaluators";

type QuotaCheck = { ok: true; quotas: KubeObject[] } | { ok: false; reason: string };

const statusList = (quota: KubeObject, key: "hard" | "used"): ResourceList => resourceListOf(isObj(quota.status) ? quota.status[key] : undefined);

const byName = (a: KubeObject, b: KubeObject) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);

/** hasUsageStats: every limited resource the object would count has a used value. */
function hasUsageStats(quota: KubeObject, restricted: readonly string[]): boolean {
  const used = statusList(quota, "used");
  return [...statusList(quota, "hard").keys()].every((name) => !restricted.includes(name) || used.has(name));
}

/** The quotas charged by creating `obj`, or why they refuse it. */
export function checkQuotas(store: Store, type: ResourceType, namespace: string, obj: Obj, now: number): QuotaCheck {
  const evaluator = evaluatorFor(type);
  if (!evaluator) return { ok: true, quotas: [] };
  const interesting: KubeObject[] = [];
  for (const quota of [...store.list("resourcequotas", namespace)].sort(byName)) {
    if (!quotaMatches(evaluator, quota, obj)) continue;
    const name = quota.metadata.name ?? "";
    const restricted = evaluator.matchingResources([...statusList(quota, "hard").keys()]);
    const missing = evaluator.constraints(restricted, obj);
    if (missing) return { ok: false, reason: `failed quota: ${name}: ${missing}` };
    if (!hasUsageStats(quota, restricted)) return { ok: false, reason: `status unknown for quota: ${name}, resources: ${[...restricted].sort().join(",")}` };
    interesting.push(quota);
  }
  const usage = evaluator.usage(obj, now);
  const negative = [...usage].filter(([, q]) => q.nanos < 0n).map(([n]) => n);
  if (negative.length) return { ok: false, reason: `quota usage is negative for resource(s): ${negative.sort().join(",")}` };
  const delta = removeZeros(usage);
  if (delta.size === 0) return { ok: true, quotas: [] };
  const charged: KubeObject[] = [];
  for (const quota of interesting) {
    const hard = statusList(quota, "hard");
    const used = statusList(quota, "used");
    const requested = maskResourceList(delta, hard.keys());
    const next = addResourceLists(used, requested);
    const exceeded = exceededResources(maskResourceList(next, requested.keys()), hard);
    if (exceeded.length) {
      const show = (list: ResourceList) => prettyPrintResourceList(maskResourceList(list, exceeded));
      return { ok: false, reason: `exceeded quota: ${quota.metadata.name}, requested: ${show(requested)}, used: ${show(used)}, limited: ${show(hard)}` };
    }
    charged.push({ ...quota, status: { ...(quota.status as Obj), used: resourceListJson(next) } });
  }
  return { ok: true, quotas: charged };
}
