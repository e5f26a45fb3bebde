/**
 * The Job controller (pkg/controller/job): runs pods until `completions` succeed (or one
 * does, without completions), at most `parallelism` at a time, waits out the pod failure
 * back-off before replacing failures, and ends with SuccessCriteriaMet then Complete, or
 * FailureTarget then Failed (BackoffLimitExceeded, DeadlineExceeded) once no pod is left
 * terminating. Finished pods are counted through the batch.kubernetes.io/job-tracking
 * finalizer, as the real controller tracks them.
 */
import type { KubeObject } from "../api/object";
import { parseTimestamp, timestamp } from "../api/object";
import type { LabelSelectorSpec } from "../api/label-selector";
import { selectorFromSpec } from "../api/label-selector";
import type { Controller, ControllerContext } from "./controller";
import type { Obj } from "./pod-control";
import { claim, controllerRefOf, createPod, deletePod, deletionOrder, isObj, isPodActive, isPodReady, isPodTerminating, PodIndex, retryDueAt, specOf, statusOf, typeOf, updateMeta, writeStatus } from "./pod-control";
import {
  COMPLETION_INDEX,
  completionIndex,
  formatIndexes,
  hasTrackingFinalizer,
  isPodFailed,
  JOB_TRACKING_FINALIZER,
  onlyReplaceFailedPods,
  parseIndexes,
  pastBackoffLimitOnFailure,
  pendingIndexes,
  podCreationDueAt,
} from "./job-pods";

const COMPONENT = "job-controller";
const JOB = typeOf("Job");
const POD = typeOf("Pod");
/** MaxPodCreateDeletePerSync. */
const MAX_POD_CHANGES = 500;

const phase = (p: KubeObject): unknown => statusOf(p).phase;
const conditions = (o: KubeObject | Obj): Obj[] => (((isObj((o as KubeObject).status) ? (o as KubeObject).status : o) as Obj).conditions as Obj[] | undefined) ?? [];
const holds = (o: KubeObject | Obj, type: string): Obj | undefined => conditions(o).find((c) => c.type === type && c.status === "True");

export const isJobFinished = (job: KubeObject): boolean => !!(holds(job, "Complete") ?? holds(job, "Failed"));

function newCondition(ctx: ControllerContext, type: string, reason: string, message: string, status = "True"): Obj {
  const now = timestamp(ctx.now());
  return { lastProbeTime: now, lastTransitionTime: now, message, reason, status, type };
}

/** ensureJobConditionStatus: replaced when it differs, appended unless it would be a new False. */
function ensureCondition(ctx: ControllerContext, status: Obj, type: string, value: string, reason: string, message: string): boolean {
  const list = conditions(status);
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === value && c.reason === reason && c.message === message) return false;
    status.conditions = list.map((x, j) => (j === i ? newCondition(ctx, type, reason, message, value) : x));
    return true;
  }
  if (value === "False") return false;
  status.conditions = [...list, newCondition(ctx, type, reason, message, value)];
  return true;
}

interface JobSync {
  readonly ctx: ControllerContext;
  readonly job: KubeObject;
  readonly status: Obj;
  readonly pods: readonly KubeObject[];
  readonly active: readonly KubeObject[];
  succeeded: number;
  ready: number;
  terminating: number;
}

const key = (job: KubeObject): string => `${job.metadata.namespace}/${job.metadata.name}`;

/** deleteJobPods: the tracking finalizer removed first, then the pod deleted. */
function deleteJobPods(s: JobSync, pods: readonly KubeObject[]): number {
  let removed = 0;
  for (const p of pods) {
    const fresh = s.ctx.api.store.get("pods", p.metadata.namespace, p.metadata.name ?? "");
    if (fresh && hasTrackingFinalizer(fresh)) updateMeta(s.ctx, POD, fresh, { ...fresh.metadata, finalizers: (fresh.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER) });
    if (!deletePod(s.ctx, s.job, p, COMPONENT)) continue;
    removed++;
    s.terminating++;
    if (isPodReady(p)) s.ready--;
  }
  return removed;
}

function createJobPods(s: JobSync, count: number, completions: number | undefined, succeededIndexes: ReadonlySet<number>): number {
  const { ctx, job } = s;
  const template = structuredClone(specOf(job).template) as Obj;
  const indexed = specOf(job).completionMode === "Indexed";
  const indexes = indexed ? pendingIndexes(succeededIndexes, s.active, count, completions ?? 0) : [];
  if (indexed) {
    const spec = isObj(template.spec) ? template.spec : {};
    const env = { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
    for (const field of ["initContainers", "containers"]) {
      for (const c of ((spec[field] as Obj[] | undefined) ?? []).filter(isObj)) {
        if (!((c.env as Obj[] | undefined) ?? []).some((e) => e.name === env.name)) c.env = [...((c.env as Obj[] | undefined) ?? []), env];
      }
    }
  }
  let created = 0;
  const total = indexed ? indexes.length : count;
  for (let i = 0; i < total; i++) {
    const ix = indexes[i];
    const opts =
      ix === undefined
        ? { finalizers: [JOB_TRACKING_FINALIZER] }
        : { finalizers: [JOB_TRACKING_FINALIZER], generateName: `${job.metadata.name}-${ix}-`, annotations: { [COMPLETION_INDEX]: String(ix) }, labels: { [COMPLETION_INDEX]: String(ix) }, spec: { hostname: `${job.metadata.name}-${ix}` } };
    if (!createPod(ctx, job, JOB, template, COMPONENT, opts).ok) break;
    created++;
  }
  return created;
}

/** manageJob: the number of active pods after creating or deleting towards parallelism. */
function manageJob(s: JobSync, completions: number | undefined, succeededIndexes: ReadonlySet<number>): number {
  const { ctx, job } = s;
  const spec = specOf(job);
  let active = s.active.length;
  if (spec.suspend === true) return active - deleteJobPods(s, s.active);
  const parallelism = Number(spec.parallelism ?? 1);
  const wantActive = completions === undefined ? (s.succeeded > 0 ? active : parallelism) : Math.max(0, Math.min(completions - s.succeeded, parallelism));
  const rmAtLeast = Math.max(0, active - wantActive);
  if (rmAtLeast > 0) {
    const victims = [...s.active].sort(deletionOrder(ctx.now())).slice(0, Math.min(rmAtLeast, MAX_POD_CHANGES));
    return active - deleteJobPods(s, victims);
  }
  const diff = wantActive - (onlyReplaceFailedPods(job) ? s.terminating : 0) - active;
  if (diff <= 0) return active;
  const due = Math.max(podCreationDueAt(job, s.pods) ?? -Infinity, retryDueAt(ctx, job, "FailedCreate") ?? -Infinity);
  if (due > ctx.now()) {
    ctx.wakeAt(due, key(job));
    return 0;
  }
  active += createJobPods(s, Math.min(diff, MAX_POD_CHANGES), completions, succeededIndexes);
  return active;
}

/** The status counters and conditions once every finished pod has been counted and released. */
function trackPods(s: JobSync, finished: Obj | undefined, indexed: boolean): void {
  const { ctx, job, status } = s;
  const uncounted = (status.uncountedTerminatedPods as { succeeded?: string[]; failed?: string[] } | undefined) ?? {};
  const succeededUids = [...(uncounted.succeeded ?? [])];
  const failedUids = [...(uncounted.failed ?? [])];
  for (const p of s.pods) {
    if (!hasTrackingFinalizer(p)) continue;
    const failed = isPodFailed(p, job);
    const succeededPod = phase(p) === "Succeeded";
    if (!(job.metadata.deletionTimestamp || finished || succeededPod || failed)) continue;
    const uid = p.metadata.uid ?? "";
    if (succeededPod && !failedUids.includes(uid)) {
      if (!indexed && !succeededUids.includes(uid)) succeededUids.push(uid);
    } else if ((failed || (finished && finished.type !== "SuccessCriteriaMet")) && !failedUids.includes(uid)) {
      failedUids.push(uid);
    }
    const fresh = ctx.api.store.get("pods", p.metadata.namespace, p.metadata.name ?? "");
    if (fresh && hasTrackingFinalizer(fresh)) updateMeta(ctx, POD, fresh, { ...fresh.metadata, finalizers: (fresh.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER) });
  }
  if (!indexed) status.succeeded = Number(status.succeeded ?? 0) + succeededUids.length;
  status.failed = Number(status.failed ?? 0) + failedUids.length;
  status.uncountedTerminatedPods = {};
}

function syncJob(ctx: ControllerContext, stored: KubeObject, index: PodIndex): boolean {
  if (isJobFinished(stored)) return false;
  const job = structuredClone(stored);
  const spec = specOf(job);
  const selectorSpec = spec.selector as LabelSelectorSpec | undefined;
  if (!selectorSpec?.matchLabels && !selectorSpec?.matchExpressions) return false;
  const before = ctx.api.store.resourceVersion;
  const now = ctx.now();
  const status = structuredClone(statusOf(job));
  const claimed = claim(ctx, POD, { owner: job, ownerType: JOB, selector: selectorFromSpec(selectorSpec), finalizers: [JOB_TRACKING_FINALIZER] }, index.candidates(job));
  const pods = claimed.claimed;
  const active = pods.filter(isPodActive);
  const indexed = spec.completionMode === "Indexed";
  const completions = typeof spec.completions === "number" ? spec.completions : undefined;
  const uncounted = (status.uncountedTerminatedPods as { succeeded?: string[]; failed?: string[] } | undefined) ?? {};
  const isNew = (p: KubeObject) => hasTrackingFinalizer(p) && !(uncounted.succeeded ?? []).includes(p.metadata.uid ?? "") && !(uncounted.failed ?? []).includes(p.metadata.uid ?? "");
  const s: JobSync = {
    ctx,
    job,
    status,
    pods,
    active,
    succeeded: Number(status.succeeded ?? 0) + pods.filter((p) => isNew(p) && phase(p) === "Succeeded").length + (uncounted.succeeded ?? []).length,
    ready: active.filter(isPodReady).length,
    terminating: pods.filter(isPodTerminating).length,
  };
  const failed = Number(status.failed ?? 0) + pods.filter((p) => isNew(p) && isPodFailed(p, job)).length + (uncounted.failed ?? []).length;
  const suspended = spec.suspend === true;
  if (!status.startTime && !suspended) status.startTime = timestamp(now);
  let finished: Obj | undefined = holds(status, "SuccessCriteriaMet");
  const failureTarget = holds(status, "FailureTarget");
  if (!finished && failureTarget) finished = newCondition(ctx, "Failed", String(failureTarget.reason), String(failureTarget.message));
  const deadline = typeof spec.activeDeadlineSeconds === "number" && status.startTime ? (parseTimestamp(String(status.startTime)) ?? now) + spec.activeDeadlineSeconds * 1000 : undefined;
  if (!finished) {
    if (failed > Number(spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) finished = newCondition(ctx, "FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    else if (deadline !== undefined && !suspended && now >= deadline) finished = newCondition(ctx, "FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline");
    else if (deadline !== undefined && !suspended) ctx.wakeAt(deadline, key(job));
  }
  const succeededIndexes = new Set<number>(indexed ? [...parseIndexes(status.completedIndexes as string | undefined, completions ?? 0), ...pods.filter((p) => phase(p) === "Succeeded").map(completionIndex).filter((i): i is number => i !== undefined && i < (completions ?? 0))] : []);
  if (indexed) s.succeeded = succeededIndexes.size;
  let activeCount = active.length;
  if (finished) {
    for (const p of active) {
      if (!deletePod(ctx, job, p, COMPONENT)) continue;
      activeCount--;
      s.terminating++;
      if (isPodReady(p)) s.ready--;
    }
  } else {
    if (!job.metadata.deletionTimestamp) {
      activeCount = manageJob(s, completions, succeededIndexes);
      if (suspended && ensureCondition(ctx, status, "Suspended", "True", "JobSuspended", "Job suspended")) ctx.events.record(job, "Normal", "Suspended", "Job suspended", { component: COMPONENT });
      if (!suspended && ensureCondition(ctx, status, "Suspended", "False", "JobResumed", "Job resumed")) {
        ctx.events.record(job, "Normal", "Resumed", "Job resumed", { component: COMPONENT });
        status.startTime = timestamp(now);
      }
    }
    const complete = s.succeeded >= (completions ?? 1) && (completions !== undefined || s.succeeded > 0) && activeCount === 0;
    if (complete) finished = newCondition(ctx, "SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods");
  }
  if (activeCount) status.active = activeCount;
  else delete status.active;
  status.ready = s.ready;
  status.terminating = s.terminating;
  trackPods(s, finished, indexed);
  if (indexed) {
    status.succeeded = succeededIndexes.size;
    status.completedIndexes = formatIndexes([...succeededIndexes]);
    if (!status.completedIndexes) delete status.completedIndexes;
  }
  if (!status.succeeded) delete status.succeeded;
  if (!status.failed) delete status.failed;
  if (finished?.type === "FailureTarget") {
    status.conditions = [...conditions(status), finished];
    finished = newCondition(ctx, "Failed", String(finished.reason), String(finished.message));
  } else if (finished?.type === "SuccessCriteriaMet") {
    if (!holds(status, "SuccessCriteriaMet")) status.conditions = [...conditions(status), finished];
    finished = newCondition(ctx, "Complete", String(finished.reason), String(finished.message));
  }
  const enacted = finished !== undefined && s.terminating === 0;
  if (enacted && finished) {
    ensureCondition(ctx, status, String(finished.type), "True", String(finished.reason), String(finished.message));
    if (finished.type === "Complete") status.completionTime = timestamp(now);
  }
  const wrote = writeStatus(ctx, JOB, job, status);
  if (enacted && finished && wrote) {
    if (finished.type === "Complete") ctx.events.record(job, "Normal", "Completed", "Job completed", { component: COMPONENT });
    else ctx.events.record(job, "Warning", String(finished.reason), String(finished.message), { component: COMPONENT });
  }
  return claimed.wrote || ctx.api.store.resourceVersion !== before;
}

/** syncOrphanPod: a pod whose Job is gone or finished keeps no tracking finalizer. */
function releaseOrphans(ctx: ControllerContext): boolean {
  let wrote = false;
  for (const p of ctx.api.store.list("pods")) {
    if (!hasTrackingFinalizer(p)) continue;
    const ref = controllerRefOf(p);
    const job = ref?.kind === "Job" ? ctx.api.store.get("jobs", p.metadata.namespace, ref.name) : undefined;
    if (job && job.metadata.uid === ref?.uid && !isJobFinished(job)) continue;
    updateMeta(ctx, POD, p, { ...p.metadata, finalizers: (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER) });
    wrote = true;
  }
  return wrote;
}

export const jobController: Controller = {
  name: "job-controller",
  reconcile(ctx) {
    let wrote = false;
    const index = new PodIndex(ctx);
    for (const job of ctx.api.store.list("jobs")) wrote = syncJob(ctx, job, index) || wrote;
    return releaseOrphans(ctx) || wrote;
  },
};
