/**
 * Rollout progress (deployment progress.go): the Progressing condition moves through
 * NewReplicaSetCreated / ReplicaSetUpdated to NewReplicaSetAvailable, or to
 * ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds; paused and
 * resumed Deployments get their own Unknown conditions.
 */
import type { KubeObject } from "../../api/object";
import { parseTimestamp } from "../../api/object";
import type { Obj } from "../pod-control";
import { specOf, statusOf } from "../pod-control";
import { replicasOf } from "./fenceposts";
import type { DeploymentSync } from "./sync";
import { calculateStatus, conditionOf, hasProgressDeadline, newCondition, removeCondition, setCondition, writeDeployment } from "./sync";

const num = (status: Obj, field: string): number => Number(status[field] ?? 0);

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: KubeObject, status: Obj): boolean {
  const desired = replicasOf(d);
  return num(status, "updatedReplicas") === desired && num(status, "replicas") === desired && num(status, "availableReplicas") === desired && num(status, "observedGeneration") >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: any count moved the right way since the stored status. */
function deploymentProgressing(d: KubeObject, status: Obj): boolean {
  const old = statusOf(d);
  const oldOld = num(old, "replicas") - num(old, "updatedReplicas");
  const newOld = num(status, "replicas") - num(status, "updatedReplicas");
  return num(status, "updatedReplicas") > num(old, "updatedReplicas") || newOld < oldOld || num(status, "readyReplicas") > num(old, "readyReplicas") || num(status, "availableReplicas") > num(old, "availableReplicas");
}

const deadlineMs = (d: KubeObject): number => Number(specOf(d).progressDeadlineSeconds ?? 0) * 1000;

function deploymentTimedOut(d: KubeObject, status: Obj, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = conditionOf(status, "Progressing");
  if (!c || c.reason === "NewReplicaSetAvailable") return false;
  if (c.reason === "ProgressDeadlineExceeded") return true;
  const from = parseTimestamp(c.lastUpdateTime as string | undefined) ?? now;
  return from + deadlineMs(d) < now;
}

function replicaFailure(allRSs: readonly KubeObject[], newRS: KubeObject | undefined): Obj | undefined {
  const failureOf = (rs: KubeObject | undefined) => (rs ? conditionOf(statusOf(rs), "ReplicaFailure") : undefined);
  const c = failureOf(newRS) ?? allRSs.map(failureOf).find((x) => x && x.status === "True");
  if (!c) return undefined;
  return { lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, message: c.message, reason: c.reason, status: c.status, type: "ReplicaFailure" };
}

/** requeueStuckDeployment: wake when the deadline of an unfinished rollout passes. */
function requeueStuck(s: DeploymentSync, status: Obj): void {
  const c = conditionOf(statusOf(s.d), "Progressing");
  if (!hasProgressDeadline(s.d) || !c || deploymentComplete(s.d, status) || c.reason === "ProgressDeadlineExceeded") return;
  const from = parseTimestamp(c.lastUpdateTime as string | undefined);
  if (from === undefined) return;
  s.ctx.wakeAt(Math.max(s.ctx.now(), from + deadlineMs(s.d)) + 1000, `${s.d.metadata.namespace}/${s.d.metadata.name}`);
}

export function syncRolloutStatus(s: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): void {
  const { ctx, d } = s;
  const status = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const current = conditionOf(statusOf(d), "Progressing");
  const isComplete = num(status, "replicas") === num(status, "updatedReplicas") && current?.reason === "NewReplicaSetAvailable";
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition(ctx, "Progressing", "True", "NewReplicaSetAvailable", `${subject} has successfully progressed.`));
    } else if (deploymentProgressing(d, status)) {
      const c = newCondition(ctx, "Progressing", "True", "ReplicaSetUpdated", `${subject} is progressing.`);
      if (current) {
        if (current.status === "True") c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, "Progressing");
      }
      setCondition(status, c);
    } else if (deploymentTimedOut(d, status, ctx.now())) {
      setCondition(status, newCondition(ctx, "Progressing", "False", "ProgressDeadlineExceeded", `${subject} has timed out progressing.`));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, "ReplicaFailure");
  requeueStuck(s, status);
  writeDeployment(s, status);
}

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(s: DeploymentSync): void {
  const { ctx, d } = s;
  if (!hasProgressDeadline(d)) return;
  const c = conditionOf(statusOf(d), "Progressing");
  if (c?.reason === "ProgressDeadlineExceeded") return;
  const pausedCond = c?.reason === "DeploymentPaused";
  const paused = specOf(d).paused === true;
  const status = structuredClone(statusOf(d));
  if (paused && !pausedCond) setCondition(status, newCondition(ctx, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused"));
  else if (!paused && pausedCond) setCondition(status, newCondition(ctx, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed"));
  else return;
  writeDeployment(s, status);
}
