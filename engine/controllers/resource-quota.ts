/**
 * The resource quota controller (pkg/controller/resourcequota, syncResourceQuota): each
 * quota's status.hard follows spec.hard, and status.used is recounted from the objects
 * of its namespace, so finished pods and deleted objects give their share back. The real
 * controller recounts when quotas change, when pods end or go, and every five minutes;
 * recounting on every pass that saw a change reaches the same state, only sooner.
 */
import { calculateUsage } from "../api/quota/calculate-usage";
import { resourceListJson, resourceListOf, resourceListsEqual } from "../api/resource-list";
import type { Controller } from "./controller";
import type { Obj } from "./pod-control";
import { isObj, specOf, statusOf, typeOf, writeStatus } from "./pod-control";

const QUOTA = typeOf("ResourceQuota");

export const resourceQuotaController: Controller = {
  name: "resourcequota-controller",
  reconcile(ctx) {
    let wrote = false;
    for (const quota of ctx.api.store.list("resourcequotas")) {
      const hard = resourceListOf(specOf(quota).hard);
      const used = calculateUsage(ctx.api.store, quota as Obj, ctx.now());
      const status = statusOf(quota);
      const previous = resourceListOf(status.used);
      // An unchanged usage keeps the stored text, as the controller only writes when a value differs.
      const usedJson = isObj(status.used) && resourceListsEqual(previous, used) ? status.used : resourceListJson(used);
      wrote = writeStatus(ctx, QUOTA, quota, { hard: resourceListJson(hard), used: usedJson }) || wrote;
    }
    return wrote;
  },
};
