/** describe.go's describeJob. */
import type { Job } from "kubernetes-types/batch/v1";
import type { KubeObject } from "../../api/object";
import { humanDuration } from "../printers/duration";
import { printController } from "./controller-ref";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { describePodTemplate } from "./pod-template";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";
import { parseLabelSelector } from "./selector-string";
import { rfc1123z } from "./time-format";

const isSet = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null;

/** capIndexesListOrNone: long index lists are cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return "<none>";
  const comma = indexes.indexOf(",", softLimit);
  return comma === -1 ? indexes : indexes.slice(0, comma + 1) + "...";
}

export function describeJob(obj: KubeObject, ctx: DescribeContext): string {
  const job = obj as unknown as Job;
  const spec = job.spec;
  const status = job.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  const selector = parseLabelSelector(spec?.selector);
  w.write(LEVEL_0, selector.ok ? `Selector:\t${selector.requirements.map((r) => r.text).join(",")}\n` : `Selector:\tFailed to get selector: ${selector.error}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  const controlledBy = printController(obj.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (isSet(spec?.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec?.completions) ? spec.completions : "<unset>"}\n`);
  if (isSet(spec?.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (isSet(spec?.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (isSet(spec?.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (isSet(spec?.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
  if (isSet(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(LEVEL_0, isSet(status.ready) ? `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n` : `Pods Statuses:\t${status.active ?? 0} Active / ${counts}\n`);
  if (spec?.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes, 50)}\n`);
  describePodTemplate(spec?.template, w);
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
