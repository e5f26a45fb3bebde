/**
 * The CronJob controller (pkg/controller/cronjob, v2): at each scheduled time it creates a
 * Job named `<cronjob>-<minutes since the epoch>` from the job template, honouring
 * suspend, startingDeadlineSeconds and the concurrency policy; it tracks active Jobs,
 * lastScheduleTime and lastSuccessfulTime, and keeps only the newest finished Jobs.
 */
import type { KubeObject } from "../api/object";
import { parseTimestamp, timestamp } from "../api/object";
import type { Controller, ControllerContext } from "./controller";
import type { Schedule } from "./cron-schedule";
import { nextAfter, parseSchedule, zoneOffset } from "./cron-schedule";
import type { Obj } from "./pod-control";
import { controllerRefOf, isObj, newControllerRef, recordOnce, retryDueAt, sameJson, specOf, statusOf, typeOf, writeStatus } from "./pod-control";

const COMPONENT = "cronjob-controller";
const CRONJOB = typeOf("CronJob");
const JOB = typeOf("Job");
/** nextScheduleDelta: requeues land 100ms after the scheduled time. */
const NEXT_SCHEDULE_DELTA = 100;

interface JobRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion: string;
  uid: string;
}

function finishedType(job: KubeObject): string | undefined {
  const c = ((statusOf(job).conditions as Obj[] | undefined) ?? []).find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
  return c ? String(c.type) : undefined;
}

const key = (cj: KubeObject): string => `${cj.metadata.namespace}/${cj.metadata.name}`;

/** RFC3339 in the schedule's zone, as the cronjob-scheduled-timestamp annotation has it. */
function zonedTimestamp(ms: number, zone: string | undefined): string {
  const offset = zoneOffset(zone, ms) ?? 0;
  if (offset === 0) return timestamp(ms);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return timestamp(ms + offset).replace("Z", `${sign}${hh}:${mm}`);
}

/** RFC1123Z, as the MissSchedule event prints the missed time. */
function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/**
 * mostRecentScheduleTime: the latest schedule time in (earliest, now], where earliest is
 * the last schedule (or creation), moved up to the starting deadline when one is set.
 */
function mostRecent(cj: KubeObject, sched: Schedule, now: number, zone: string | undefined, withDeadline: boolean): { earliest: number; recent?: number; missed: number } {
  let earliest = parseTimestamp(statusOf(cj).lastScheduleTime as string | undefined) ?? parseTimestamp(cj.metadata.creationTimestamp) ?? now;
  const sds = specOf(cj).startingDeadlineSeconds;
  if (withDeadline && typeof sds === "number") earliest = Math.max(earliest, now - sds * 1000);
  const t1 = nextAfter(sched, earliest, zone);
  if (t1 === undefined || now < t1) return { earliest, missed: 0 };
  const t2 = nextAfter(sched, t1, zone);
  if (t2 === undefined || now < t2) return { earliest, recent: t1, missed: 0 };
  const between = Math.max(1, Math.round((t2 - t1) / 1000));
  const missed = Math.floor((now - t1) / 1000 / between) + 1;
  let recent: number | undefined;
  for (let t = nextAfter(sched, t1 + (missed - 2) * between * 1000, zone); t !== undefined && t <= now; t = nextAfter(sched, t, zone)) recent = t;
  return { earliest, recent, missed };
}

/** When to look again: the schedule time after the most recent one (or after earliest), plus the delta. */
function nextWake(cj: KubeObject, sched: Schedule, now: number, zone: string | undefined): number | undefined {
  const { earliest, recent, missed } = mostRecent(cj, sched, now, zone, false);
  const from = recent ?? (missed === 0 ? earliest : now);
  const next = nextAfter(sched, from, zone);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA;
}

function deleteJob(ctx: ControllerContext, cj: KubeObject, job: KubeObject, active: JobRef[]): JobRef[] {
  if (!ctx.api.delete(JOB, job.metadata.namespace, job.metadata.name ?? "", { propagationPolicy: "Background" }).ok) return active;
  ctx.events.record(cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`, { component: COMPONENT });
  return active.filter((r) => r.uid !== job.metadata.uid);
}

/** cleanupFinishedJobs: only the newest successfulJobsHistoryLimit / failedJobsHistoryLimit stay. */
function cleanupFinishedJobs(ctx: ControllerContext, cj: KubeObject, jobs: readonly KubeObject[], active: JobRef[]): JobRef[] {
  const byStart = (a: KubeObject, b: KubeObject) => {
    const sa = parseTimestamp(statusOf(a).startTime as string | undefined);
    const sb = parseTimestamp(statusOf(b).startTime as string | undefined);
    if (sa === undefined || sb === undefined) return sa === sb ? 0 : sa === undefined ? 1 : -1;
    return sa - sb || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);
  };
  for (const [type, limit] of [
    ["Complete", specOf(cj).successfulJobsHistoryLimit],
    ["Failed", specOf(cj).failedJobsHistoryLimit],
  ] as const) {
    if (typeof limit !== "number") continue;
    const finished = jobs.filter((j) => finishedType(j) === type).sort(byStart);
    for (const j of finished.slice(0, Math.max(0, finished.length - limit))) active = deleteJob(ctx, cj, j, active);
  }
  return active;
}

function jobRef(job: KubeObject): JobRef {
  return { apiVersion: "batch/v1", kind: "Job", name: job.metadata.name ?? "", namespace: job.metadata.namespace ?? "", resourceVersion: job.metadata.resourceVersion ?? "", uid: job.metadata.uid ?? "" };
}

function jobFromTemplate(cj: KubeObject, scheduled: number, zone: string | undefined): Obj {
  const template = isObj(specOf(cj).jobTemplate) ? (specOf(cj).jobTemplate as Obj) : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`,
      namespace: cj.metadata.namespace,
      ...(isObj(meta.labels) ? { labels: { ...meta.labels } } : {}),
      annotations: { ...((meta.annotations as Obj | undefined) ?? {}), "batch.kubernetes.io/cronjob-scheduled-timestamp": zonedTimestamp(scheduled, zone) },
      ownerReferences: [newControllerRef(cj, CRONJOB)],
    },
    spec: structuredClone(template.spec ?? {}),
  };
}

/** syncCronJob: the status changes; creates the Job of a due schedule time. */
function syncCronJob(ctx: ControllerContext, cj: KubeObject, jobs: readonly KubeObject[], status: Obj): void {
  const now = ctx.now();
  let active = [...((status.active as JobRef[] | undefined) ?? [])];
  const inActive = (uid: string | undefined) => active.some((r) => r.uid === uid);
  for (const j of jobs) {
    const finished = finishedType(j);
    if (!inActive(j.metadata.uid) && !finished) {
      recordOnce(ctx, cj, "Warning", "UnexpectedJob", `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, COMPONENT);
    } else if (inActive(j.metadata.uid) && finished) {
      active = active.filter((r) => r.uid !== j.metadata.uid);
      ctx.events.record(cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, status: ${finished}`, { component: COMPONENT });
    } else if (finished === "Complete") {
      const done = parseTimestamp(statusOf(j).completionTime as string | undefined);
      const last = parseTimestamp(status.lastSuccessfulTime as string | undefined);
      if (done !== undefined && (last === undefined || done > last)) status.lastSuccessfulTime = statusOf(j).completionTime;
    }
  }
  for (const ref of [...active]) {
    if (jobs.some((j) => j.metadata.uid === ref.uid) || ctx.api.store.get("jobs", ref.namespace, ref.name)) continue;
    ctx.events.record(cj, "Normal", "MissingJob", `Active job went missing: ${ref.name}`, { component: COMPONENT });
    active = active.filter((r) => r.uid !== ref.uid);
  }
  status.active = active;
  if (cj.metadata.deletionTimestamp) return;
  const spec = specOf(cj);
  const zone = typeof spec.timeZone === "string" ? spec.timeZone : undefined;
  if (zone !== undefined && zoneOffset(zone, now) === undefined) {
    recordOnce(ctx, cj, "Warning", "UnknownTimeZone", `invalid timeZone: ${JSON.stringify(zone)}: unknown time zone ${zone}`, COMPONENT);
    return;
  }
  if (spec.suspend === true) return;
  const parsed = parseSchedule(String(spec.schedule ?? ""));
  if (!parsed.ok) {
    recordOnce(ctx, cj, "Warning", "UnparseableSchedule", `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${parsed.error}`, COMPONENT);
    return;
  }
  const sched = parsed.value;
  const wake = () => {
    const at = nextWake({ ...cj, status }, sched, now, zone);
    if (at !== undefined) ctx.wakeAt(at, key(cj));
  };
  const { recent: scheduled, missed } = mostRecent({ ...cj, status }, sched, now, zone, true);
  if (scheduled === undefined || scheduled > now) return wake();
  if (missed > 100) recordOnce(ctx, cj, "Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew", COMPONENT, scheduled);
  const sds = spec.startingDeadlineSeconds;
  if (typeof sds === "number" && scheduled + sds * 1000 < now) {
    recordOnce(ctx, cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, COMPONENT);
    return wake();
  }
  const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
  if (active.some((r) => r.name === name) || parseTimestamp(status.lastScheduleTime as string | undefined) === scheduled) return wake();
  if (spec.concurrencyPolicy === "Forbid" && active.length > 0) {
    recordOnce(ctx, cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", COMPONENT, scheduled);
    return wake();
  }
  if (spec.concurrencyPolicy === "Replace") {
    for (const ref of [...active]) {
      const job = ctx.api.store.get("jobs", ref.namespace, ref.name);
      if (job) active = deleteJob(ctx, cj, job, active);
    }
    status.active = active;
  }
  const due = retryDueAt(ctx, cj, "FailedCreate");
  if (due !== undefined) {
    ctx.wakeAt(due, key(cj));
    return;
  }
  const created = ctx.api.create(JOB, cj.metadata.namespace, jobFromTemplate(cj, scheduled, zone), { fieldValidation: "Ignore" });
  let job: KubeObject;
  if (created.ok) {
    job = created.value.object;
    ctx.events.record(cj, "Normal", "SuccessfulCreate", `Created job ${job.metadata.name}`, { component: COMPONENT });
  } else {
    const existing = ctx.api.store.get("jobs", cj.metadata.namespace, name);
    if (created.error.reason !== "AlreadyExists" || !existing) {
      ctx.events.record(cj, "Warning", "FailedCreate", `Error creating job: ${created.error.message}`, { component: COMPONENT });
      return;
    }
    if (controllerRefOf(existing)?.uid !== cj.metadata.uid || inActive(existing.metadata.uid)) return;
    job = existing;
  }
  status.active = [...active, jobRef(job)];
  status.lastScheduleTime = timestamp(scheduled);
  wake();
}

function sync(ctx: ControllerContext, cj: KubeObject): boolean {
  const before = ctx.api.store.resourceVersion;
  const jobs = ctx.api.store.list("jobs", cj.metadata.namespace).filter((j) => controllerRefOf(j)?.name === cj.metadata.name);
  const status = structuredClone(statusOf(cj));
  status.active = cleanupFinishedJobs(ctx, cj, jobs, [...((status.active as JobRef[] | undefined) ?? [])]);
  syncCronJob(ctx, cj, jobs, status);
  if (Array.isArray(status.active) && status.active.length === 0) delete status.active;
  if (!sameJson(status, statusOf(cj))) writeStatus(ctx, CRONJOB, cj, status);
  return ctx.api.store.resourceVersion !== before;
}

export const cronJobController: Controller = {
  name: "cronjob-controller",
  reconcile(ctx) {
    let wrote = false;
    for (const cj of ctx.api.store.list("cronjobs")) wrote = sync(ctx, cj) || wrote;
    return wrote;
  },
};
