/** describe.go's describeCronJob (kubectl 1.35: no `Time Zone:` line yet). */
import type { CronJob, JobTemplateSpec } from "kubernetes-types/batch/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { describePodTemplate } from "./pod-template";
import { DescribeWriter, LEVEL_0, type PrefixWriter } from "./prefix-writer";
import { parseLabelSelector } from "./selector-string";
import { rfc1123z } from "./time-format";

const orUnset = (v: number | undefined | null, suffix = "") => (v === undefined || v === null ? "<unset>" : `${v}${suffix}`);

function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  if (spec?.selector) {
    const selector = parseLabelSelector(spec.selector);
    w.write(LEVEL_0, selector.ok ? `Selector:\t${selector.requirements.map((r) => r.text).join(",")}\n` : `Selector:\tFailed to get selector: ${selector.error}\n`);
  } else {
    w.write(LEVEL_0, "Selector:\t<unset>\n");
  }
  w.write(LEVEL_0, `Parallelism:\t${orUnset(spec?.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(spec?.completions)}\n`);
  if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

export function describeCronJob(obj: KubeObject, ctx: DescribeContext): string {
  const cj = obj as unknown as CronJob;
  const spec = cj.spec;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ""}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ""}\n`);
  w.write(LEVEL_0, `Suspend:\t${spec?.suspend === undefined || spec.suspend === null ? "<unset>" : spec.suspend ? "True" : "False"}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec?.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec?.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec?.startingDeadlineSeconds, "s")}\n`);
  describeJobTemplate(spec?.jobTemplate, w);
  const last = cj.status?.lastScheduleTime;
  w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : "<unset>"}\n`);
  w.write(LEVEL_0, "Active Jobs:\t");
  const active = cj.status?.active ?? [];
  w.writeLine(active.length === 0 ? "<none>" : active.map((j) => j.name ?? "").join(", "));
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
