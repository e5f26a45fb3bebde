/**
 * The ReplicaSet controller (pkg/controller/replicaset): claims the pods its selector
 * matches, creates or deletes pods until the active ones equal spec.replicas — deleting
 * first the pods the real controller ranks first — and reports replicas,
 * fullyLabeledReplicas, readyReplicas, availableReplicas and terminatingReplicas.
 */
import type { KubeObject } from "../api/object";
import { timestamp } from "../api/object";
import type { LabelSelectorSpec } from "../api/label-selector";
import { matchesSelector, selectorFromSpec } from "../api/label-selector";
import type { Controller, ControllerContext } from "./controller";
import type { Obj } from "./pod-control";
import {
  claim,
  controllerRefOf,
  createPod,
  deletePod,
  deletionOrder,
  isControlledBy,
  isPodActive,
  isPodAvailable,
  isPodReady,
  isPodTerminating,
  podAvailableAt,
  PodIndex,
  retryDueAt,
  specOf,
  statusOf,
  typeOf,
  writeStatus,
} from "./pod-control";

const COMPONENT = "replicaset-controller";
const RS = typeOf("ReplicaSet");
const POD = typeOf("Pod");
/** controller.BurstReplicas: at most this many creations or deletions per sync. */
const BURST_REPLICAS = 500;

const replicasOf = (rs: KubeObject): number => Number(specOf(rs).replicas ?? 1);

/** The pods of every ReplicaSet sharing this one's controller: they rank deletions together. */
function relatedPods(ctx: ControllerContext, rs: KubeObject, index: PodIndex): KubeObject[] {
  const owner = controllerRefOf(rs);
  const siblings = owner ? ctx.api.store.list("replicasets", rs.metadata.namespace).filter((x) => controllerRefOf(x)?.uid === owner.uid) : [rs];
  return siblings.flatMap((x) => index.ownedBy(x.metadata.uid));
}

/** getPodsToDelete: the first `diff` pods in deletion order, ranked by co-located related pods. */
function podsToDelete(ctx: ControllerContext, rs: KubeObject, active: readonly KubeObject[], index: PodIndex, diff: number): KubeObject[] {
  if (diff >= active.length) return [...active];
  const onNode = new Map<string, number>();
  for (const p of relatedPods(ctx, rs, index)) {
    if (!isPodActive(p)) continue;
    const node = String(specOf(p).nodeName ?? "");
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const rank = (p: KubeObject) => onNode.get(String(specOf(p).nodeName ?? "")) ?? 0;
  return [...active].sort(deletionOrder(ctx.now(), rank)).slice(0, diff);
}

/** manageReplicas: the error of a failed creation, if any. */
function manageReplicas(ctx: ControllerContext, rs: KubeObject, active: readonly KubeObject[], index: PodIndex): string | undefined {
  const diff = active.length - replicasOf(rs);
  if (diff < 0) {
    const due = retryDueAt(ctx, rs, "FailedCreate");
    if (due !== undefined) {
      // The sync waits out its back-off, so the last failure still stands.
      ctx.wakeAt(due, `${rs.metadata.namespace}/${rs.metadata.name}`);
      const failure = ((statusOf(rs).conditions as Obj[] | undefined) ?? []).find((c) => c.type === "ReplicaFailure");
      return failure ? String(failure.message) : undefined;
    }
    for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
      const created = createPod(ctx, rs, RS, specOf(rs).template as Obj, COMPONENT);
      if (!created.ok) return created.message;
    }
    return undefined;
  }
  if (diff > 0) for (const p of podsToDelete(ctx, rs, active, index, Math.min(diff, BURST_REPLICAS))) deletePod(ctx, rs, p, COMPONENT);
  return undefined;
}

/** calculateStatus, from the pods as they were when the sync began. */
function calculateStatus(ctx: ControllerContext, rs: KubeObject, active: readonly KubeObject[], terminating: readonly KubeObject[], failure: string | undefined): Obj {
  const templateLabels = ((specOf(rs).template as Obj | undefined)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
  const template = selectorFromSpec({ matchLabels: templateLabels ?? {} });
  const minReady = Number(specOf(rs).minReadySeconds ?? 0);
  const now = ctx.now();
  const prev = statusOf(rs);
  let conditions = ((prev.conditions as Obj[] | undefined) ?? []).filter((c) => c.type !== "ReplicaFailure" || failure !== undefined);
  if (failure !== undefined && !conditions.some((c) => c.type === "ReplicaFailure")) {
    const reason = active.length < replicasOf(rs) ? "FailedCreate" : active.length > replicasOf(rs) ? "FailedDelete" : "";
    conditions = [...conditions, { lastTransitionTime: timestamp(now), message: failure, reason, status: "True", type: "ReplicaFailure" }];
  }
  const count = (f: (p: KubeObject) => boolean) => active.filter(f).length;
  const status: Obj = { replicas: active.length };
  const fully = count((p) => matchesSelector(template, p.metadata.labels));
  const ready = count(isPodReady);
  const available = count((p) => isPodAvailable(p, minReady, now));
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.terminatingReplicas = terminating.length;
  status.observedGeneration = rs.metadata.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}

function syncReplicaSet(ctx: ControllerContext, rs: KubeObject, index: PodIndex): boolean {
  const selectorSpec = specOf(rs).selector as LabelSelectorSpec | undefined;
  if (!selectorSpec?.matchLabels && !selectorSpec?.matchExpressions) return false;
  const selector = selectorFromSpec(selectorSpec);
  const all = index.candidates(rs);
  const claimed = claim(ctx, POD, { owner: rs, ownerType: RS, selector }, all.filter(isPodActive));
  const terminating = all.filter((p) => isPodTerminating(p) && isControlledBy(p, rs) && matchesSelector(selector, p.metadata.labels));
  const before = ctx.api.store.resourceVersion;
  const failure = rs.metadata.deletionTimestamp ? undefined : manageReplicas(ctx, rs, claimed.claimed, index);
  const status = calculateStatus(ctx, rs, claimed.claimed, terminating, failure);
  const wroteStatus = writeStatus(ctx, RS, rs, status);
  const minReady = Number(specOf(rs).minReadySeconds ?? 0);
  for (const p of claimed.claimed) {
    if (minReady > 0 && isPodReady(p) && !isPodAvailable(p, minReady, ctx.now())) {
      ctx.wakeAt(podAvailableAt(p, minReady) ?? ctx.now(), `${rs.metadata.namespace}/${rs.metadata.name}`);
    }
  }
  return claimed.wrote || wroteStatus || ctx.api.store.resourceVersion !== before;
}

export const replicaSetController: Controller = {
  name: "replicaset-controller",
  reconcile(ctx) {
    let wrote = false;
    const index = new PodIndex(ctx);
    for (const rs of ctx.api.store.list("replicasets")) wrote = syncReplicaSet(ctx, rs, index) || wrote;
    return wrote;
  },
};
