/**
 * The Deployment controller (pkg/controller/deployment): for each Deployment, claim its
 * ReplicaSets, then — in the order syncDeployment checks them — only update the status
 * of one being deleted, note pause and resume, scale proportionally when paused or
 * resized, or roll out with the Recreate or RollingUpdate strategy.
 */
import type { KubeObject } from "../../api/object";
import type { LabelSelectorSpec } from "../../api/label-selector";
import { matchesSelector, selectorFromSpec } from "../../api/label-selector";
import type { Controller, ControllerContext } from "../controller";
import { claim, isObj, PodIndex, specOf, statusOf, typeOf, writeStatus } from "../pod-control";
import { checkPausedConditions } from "./progress";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import type { DeploymentSync } from "./sync";
import { cleanupDeployment, COMPONENT, isScalingEvent, newAndOld, scale, syncDeploymentStatus } from "./sync";

const DEPLOYMENT = typeOf("Deployment");
const RS = typeOf("ReplicaSet");

function selectsEverything(selector: unknown): boolean {
  if (!isObj(selector)) return true;
  const labels = isObj(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels + exprs === 0;
}

/** sync: scale and, when paused, clean up history; then the status. */
function syncScaling(s: DeploymentSync): void {
  const { newRS, oldRSs } = newAndOld(s, false);
  scale(s, newRS, oldRSs);
  if (specOf(s.d).paused === true) cleanupDeployment(s, oldRSs);
  syncDeploymentStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
}

function syncDeployment(ctx: ControllerContext, stored: KubeObject, index: PodIndex): boolean {
  const d = structuredClone(stored);
  const spec = specOf(d);
  if (selectsEverything(spec.selector)) {
    ctx.events.record(d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.", { component: COMPONENT });
    const observed = Number(statusOf(d).observedGeneration ?? 0);
    return observed < (d.metadata.generation ?? 0) && writeStatus(ctx, DEPLOYMENT, d, { ...statusOf(d), observedGeneration: d.metadata.generation });
  }
  const selector = selectorFromSpec(spec.selector as LabelSelectorSpec);
  const ns = d.metadata.namespace;
  const claimed = claim(ctx, RS, { owner: d, ownerType: DEPLOYMENT, selector }, ctx.api.store.list("replicasets", ns));
  const owned = new Set(claimed.claimed.map((rs) => rs.metadata.uid));
  const podMap = new Map<string, KubeObject[]>();
  for (const uid of owned) {
    const pods = index.ownedBy(uid).filter((p) => matchesSelector(selector, p.metadata.labels));
    if (uid && pods.length) podMap.set(uid, pods);
  }
  const s: DeploymentSync = { ctx, d, rsList: claimed.claimed, podMap, wrote: claimed.wrote };
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = newAndOld(s, false);
    syncDeploymentStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
    return s.wrote;
  }
  checkPausedConditions(s);
  if (specOf(s.d).paused === true || isScalingEvent(s)) syncScaling(s);
  else if (isObj(spec.strategy) && spec.strategy.type === "Recreate") rolloutRecreate(s);
  else rolloutRolling(s);
  return s.wrote;
}

export const deploymentController: Controller = {
  name: "deployment-controller",
  reconcile(ctx) {
    let wrote = false;
    const index = new PodIndex(ctx);
    for (const d of ctx.api.store.list("deployments")) wrote = syncDeployment(ctx, d, index) || wrote;
    return wrote;
  },
};
