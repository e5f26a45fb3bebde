/** Defaults of apps/v1 and batch/v1 kinds (`pkg/apis/{apps,batch}/v1/defaults.go`). */
import { defaultPodSpec } from "./pod-spec";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const setDefault = (o: Obj, k: string, v: unknown) => {
  if (o[k] === undefined) o[k] = v;
};
const specOf = (o: Obj): Obj => (isObj(o.spec) ? o.spec : (o.spec = {}));

function defaultTemplate(spec: Obj): void {
  const t = isObj(spec.template) ? spec.template : undefined;
  if (!t) return;
  defaultPodSpec(t.spec);
}

export function defaultDeployment(d: Obj): void {
  const spec = specOf(d);
  setDefault(spec, "replicas", 1);
  const strategy = isObj(spec.strategy) ? spec.strategy : (spec.strategy = {});
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const ru = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
    setDefault(ru, "maxSurge", "25%");
    setDefault(ru, "maxUnavailable", "25%");
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  defaultTemplate(spec);
  setDefault(d, "status", {});
}

export function defaultReplicaSet(rs: Obj): void {
  const spec = specOf(rs);
  setDefault(spec, "replicas", 1);
  defaultTemplate(spec);
  setDefault(rs, "status", { replicas: 0 });
}

export function defaultDaemonSet(ds: Obj): void {
  const spec = specOf(ds);
  const us = isObj(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  setDefault(us, "type", "RollingUpdate");
  if (us.type === "RollingUpdate") {
    const ru = isObj(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {});
    setDefault(ru, "maxSurge", 0);
    setDefault(ru, "maxUnavailable", 1);
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  defaultTemplate(spec);
  setDefault(ds, "status", { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
}

function defaultJobSpec(spec: Obj): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, "parallelism", 1);
  setDefault(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  setDefault(spec, "completionMode", "NonIndexed");
  setDefault(spec, "suspend", false);
  setDefault(spec, "podReplacementPolicy", spec.podFailurePolicy !== undefined ? "Failed" : "TerminatingOrFailed");
  setDefault(spec, "manualSelector", false);
  defaultTemplate(spec);
}

/** Job defaults, including the controller-uid selector and labels, which need the uid. */
export function defaultJob(job: Obj, uid: string): void {
  const spec = specOf(job);
  defaultJobSpec(spec);
  const meta = job.metadata as Obj;
  const name = String(meta.name ?? "");
  if (spec.manualSelector !== true) {
    const labels = {
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": name,
      "controller-uid": uid,
      "job-name": name,
    };
    if (spec.selector === undefined) spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
    const t = isObj(spec.template) ? spec.template : (spec.template = {});
    const tm = isObj(t.metadata) ? t.metadata : (t.metadata = {});
    tm.labels = { ...(isObj(tm.labels) ? tm.labels : {}), ...labels };
    meta.labels = { ...labels, ...(isObj(meta.labels) ? meta.labels : {}) };
  }
  setDefault(job, "status", {});
}

export function defaultCronJob(cj: Obj): void {
  const spec = specOf(cj);
  setDefault(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jt = isObj(spec.jobTemplate) ? spec.jobTemplate : undefined;
  if (jt && isObj(jt.spec)) defaultTemplate(jt.spec);
  setDefault(cj, "status", {});
}
