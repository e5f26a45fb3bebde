/** Validation of Deployment, ReplicaSet, DaemonSet, Job and CronJob. */
import type { StatusCause } from "../errors";
import { fieldError } from "../field-errors";
import { matchesSelector, selectorFromSpec } from "../label-selector";
import type { LabelSelectorSpec } from "../label-selector";
import { validateLabels, validateObjectMeta } from "./metadata";
import { validatePodSpec } from "./pod-spec";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function validateTemplate(spec: Obj, path: string, restartPolicies: readonly string[], selectorRequired: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = spec.selector as LabelSelectorSpec | undefined;
  if (selectorRequired && !isObj(selector)) causes.push(fieldError.required(`${path}.selector`));
  else if (isObj(selector) && !selector.matchLabels && !selector.matchExpressions) {
    causes.push(fieldError.invalid(`${path}.selector`, "null", "empty selector is invalid for deployment"));
  }
  const t = isObj(spec.template) ? spec.template : undefined;
  if (!t) return [...causes, fieldError.required(`${path}.template`)];
  const tm = isObj(t.metadata) ? t.metadata : {};
  causes.push(...validateLabels(tm.labels, `${path}.template.metadata.labels`));
  if (isObj(selector) && (selector.matchLabels || selector.matchExpressions)) {
    if (!matchesSelector(selectorFromSpec(selector), tm.labels as Record<string, string> | undefined)) {
      const shown = Object.entries((tm.labels as Record<string, string>) ?? {})
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(", ");
      causes.push(fieldError.invalid(`${path}.template.metadata.labels`, `map[string]string{${shown}}`, "`selector` does not match template `labels`"));
    }
  }
  causes.push(...validatePodSpec(t.spec, `${path}.template.spec`, { restartPolicies }));
  return causes;
}

function replicas(spec: Obj, path: string): StatusCause[] {
  return typeof spec.replicas === "number" && spec.replicas < 0 ? [fieldError.invalid(`${path}.replicas`, spec.replicas, "must be greater than or equal to 0")] : [];
}

export function validateDeployment(d: Obj): StatusCause[] {
  const spec = isObj(d.spec) ? d.spec : {};
  const causes = [...validateObjectMeta(d.metadata as Obj, "subdomain"), ...replicas(spec, "spec"), ...validateTemplate(spec, "spec", ["Always"], true)];
  const strategy = isObj(spec.strategy) ? spec.strategy : {};
  if (strategy.type !== undefined && !["Recreate", "RollingUpdate"].includes(String(strategy.type))) {
    causes.push(fieldError.unsupported("spec.strategy.type", strategy.type, ["Recreate", "RollingUpdate"]));
  }
  if (strategy.type === "Recreate" && strategy.rollingUpdate !== undefined) {
    causes.push(fieldError.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
  }
  return causes;
}

export function validateReplicaSet(rs: Obj): StatusCause[] {
  const spec = isObj(rs.spec) ? rs.spec : {};
  return [...validateObjectMeta(rs.metadata as Obj, "subdomain"), ...replicas(spec, "spec"), ...validateTemplate(spec, "spec", ["Always"], true)];
}

export function validateDaemonSet(ds: Obj): StatusCause[] {
  const spec = isObj(ds.spec) ? ds.spec : {};
  return [...validateObjectMeta(ds.metadata as Obj, "subdomain"), ...validateTemplate(spec, "spec", ["Always"], true)];
}

export function validateJob(job: Obj): StatusCause[] {
  const spec = isObj(job.spec) ? job.spec : {};
  const causes = [...validateObjectMeta(job.metadata as Obj, "subdomain"), ...validateTemplate(spec, "spec", ["OnFailure", "Never"], false)];
  const t = isObj(spec.template) ? spec.template : {};
  const ts = isObj(t.spec) ? t.spec : {};
  if (ts.restartPolicy === undefined || ts.restartPolicy === "Always") {
    causes.push(fieldError.required("spec.template.spec.restartPolicy", "valid values: \"OnFailure\", \"Never\""));
  }
  for (const f of ["parallelism", "completions", "backoffLimit"]) {
    if (typeof spec[f] === "number" && (spec[f] as number) < 0) causes.push(fieldError.invalid(`spec.${f}`, spec[f], "must be greater than or equal to 0"));
  }
  return causes.filter((c) => !c.message.startsWith("spec.template.spec.restartPolicy: Unsupported value: \"Always\""));
}

const CRON = /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every\s+\S+|(\S+\s+){4}\S+)$/;

export function validateCronJob(cj: Obj): StatusCause[] {
  const spec = isObj(cj.spec) ? cj.spec : {};
  const causes = [...validateObjectMeta(cj.metadata as Obj, "subdomain")];
  if (typeof cj.metadata === "object" && String((cj.metadata as Obj).name ?? "").length > 52) {
    causes.push(fieldError.invalid("metadata.name", (cj.metadata as Obj).name, "must be no more than 52 characters"));
  }
  if (typeof spec.schedule !== "string" || spec.schedule === "") causes.push(fieldError.required("spec.schedule"));
  else if (!CRON.test(spec.schedule.trim())) causes.push(fieldError.invalid("spec.schedule", spec.schedule, `unparseable schedule: ${spec.schedule}`));
  if (spec.concurrencyPolicy !== undefined && !["Allow", "Forbid", "Replace"].includes(String(spec.concurrencyPolicy))) {
    causes.push(fieldError.unsupported("spec.concurrencyPolicy", spec.concurrencyPolicy, ["Allow", "Forbid", "Replace"]));
  }
  const jt = isObj(spec.jobTemplate) ? spec.jobTemplate : undefined;
  if (!jt) causes.push(fieldError.required("spec.jobTemplate"));
  else {
    const js = isObj(jt.spec) ? jt.spec : {};
    const t = isObj(js.template) ? js.template : {};
    const ts = isObj(t.spec) ? t.spec : {};
    causes.push(...validatePodSpec(ts, "spec.jobTemplate.spec.template.spec", { restartPolicies: ["OnFailure", "Never"] }).filter((c) => !c.message.includes("restartPolicy: Unsupported value: \"Always\"")));
    if (ts.restartPolicy === undefined || ts.restartPolicy === "Always") {
      causes.push(fieldError.required("spec.jobTemplate.spec.template.spec.restartPolicy", "valid values: \"OnFailure\", \"Never\""));
    }
  }
  return causes;
}

/** Fields a workload may not change after create. */
export function validateSelectorUnchanged(next: Obj, prev: Obj): StatusCause[] {
  const ns = isObj(next.spec) ? next.spec.selector : undefined;
  const os = isObj(prev.spec) ? prev.spec.selector : undefined;
  if (JSON.stringify(ns) === JSON.stringify(os)) return [];
  return [fieldError.invalid("spec.selector", `v1.LabelSelector{MatchLabels:map[string]string{${Object.entries((ns as LabelSelectorSpec | undefined)?.matchLabels ?? {}).map(([k, v]) => `"${k}":"${v}"`).join(", ")}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`, "field is immutable")];
}
