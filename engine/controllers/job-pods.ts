/**
 * What the Job controller reads from its pods (job_controller.go, indexed_job_utils.go,
 * backoff_utils.go): which count as failed, when they finished, the pod failure back-off
 * (10 s doubling to 10 min after consecutive failures) and completion indexes.
 */
import type { KubeObject } from "../api/object";
import { parseTimestamp } from "../api/object";
import type { Obj } from "./pod-control";
import { isObj, specOf, statusOf } from "./pod-control";

export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

export const hasTrackingFinalizer = (p: KubeObject): boolean => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);

export const onlyReplaceFailedPods = (job: KubeObject): boolean => specOf(job).podReplacementPolicy === "Failed" || specOf(job).podFailurePolicy !== undefined;

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(p: KubeObject, job: KubeObject): boolean {
  const phase = statusOf(p).phase;
  if (phase === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata.deletionTimestamp && phase !== "Succeeded";
}

/** getFinishedTime: the last container's finish, else Ready=False, else the deletion, else creation. */
export function finishedTime(p: KubeObject): number {
  const statuses = ((statusOf(p).containerStatuses as Obj[] | undefined) ?? []).filter(isObj);
  const finished = statuses.map((s) => parseTimestamp(((s.state as Obj | undefined)?.terminated as Obj | undefined)?.finishedAt as string | undefined));
  if (statuses.length && finished.every((t) => t !== undefined)) return Math.max(...(finished as number[]));
  const notReady = ((statusOf(p).conditions as Obj[] | undefined) ?? []).find((c) => c.type === "Ready" && c.status === "False");
  const readyFalse = parseTimestamp(notReady?.lastTransitionTime as string | undefined);
  if (readyFalse !== undefined) return readyFalse;
  const deleted = parseTimestamp(p.metadata.deletionTimestamp);
  if (deleted !== undefined) return deleted - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTimestamp(p.metadata.creationTimestamp) ?? 0;
}

/**
 * The back-off before the next pod may be created: consecutive failures since the last
 * success, counted from the job's finished pods (the real controller keeps this record in
 * memory; the pods carry the same facts).
 */
export function podCreationDueAt(job: KubeObject, pods: readonly KubeObject[]): number | undefined {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => statusOf(p).phase === "Succeeded").map(finishedTime));
  const failures = pods.filter((p) => isPodFailed(p, job)).map(finishedTime).filter((t) => t > lastSuccess);
  if (failures.length === 0) return undefined;
  const backoff = Math.min(DEFAULT_POD_FAILURE_BACKOFF_MS * 2 ** (failures.length - 1), MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(...failures) + backoff;
}

/** The completion index a pod of an Indexed Job runs, from its annotation. */
export function completionIndex(p: KubeObject): number | undefined {
  const v = p.metadata.annotations?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** `0-2,4`: the succeeded indexes as status.completedIndexes spells them. */
export function formatIndexes(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

export function parseIndexes(s: string | undefined, completions: number): number[] {
  const out: number[] = [];
  for (const part of (s ?? "").split(",").filter(Boolean)) {
    const [a, b] = part.split("-").map(Number);
    for (let i = a; i <= (b ?? a) && i < completions; i++) out.push(i);
  }
  return out;
}

/** firstPendingIndexes: the lowest indexes neither succeeded nor running. */
export function pendingIndexes(succeeded: ReadonlySet<number>, active: readonly KubeObject[], count: number, completions: number): number[] {
  const running = new Set(active.map(completionIndex));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !running.has(i)) out.push(i);
  return out;
}

/** pastBackoffLimitOnFailure: container restarts of running pods count against the limit too. */
export function pastBackoffLimitOnFailure(job: KubeObject, pods: readonly KubeObject[]): boolean {
  const template = specOf(job).template as Obj | undefined;
  if ((template?.spec as Obj | undefined)?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (statusOf(p).phase !== "Running" && statusOf(p).phase !== "Pending") continue;
    for (const field of ["initContainerStatuses", "containerStatuses"]) {
      for (const s of ((statusOf(p)[field] as Obj[] | undefined) ?? []).filter(isObj)) restarts += Number(s.restartCount ?? 0);
    }
  }
  const limit = Number(specOf(job).backoffLimit ?? 6);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
