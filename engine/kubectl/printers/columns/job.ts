/**
 * `kubectl get jobs`: printJob of printers.go. STATUS is the first of Complete, Failed,
 * Terminating, Suspended, FailureTarget, SuccessCriteriaMet that holds, else Running;
 * COMPLETIONS is `succeeded/completions`, or `n/1 [of parallelism]` without completions;
 * DURATION is empty until the job starts, then runs until completionTime.
 */

import type { Job, JobCondition } from "kubernetes-types/batch/v1";
import { humanDuration } from "../duration";
import { AGE, containerImages, containerNames, defineColumns, NAME } from "./column";
import { formatLabelSelector } from "./label-format";

/** hasJobCondition: the first condition of that type decides. */
const holds = (conditions: readonly JobCondition[], type: string) => conditions.find((c) => c.type === type)?.status === "True";

function jobStatus(job: Job): string {
  const conditions = job.status?.conditions ?? [];
  if (holds(conditions, "Complete")) return "Complete";
  if (holds(conditions, "Failed")) return "Failed";
  if (job.metadata?.deletionTimestamp) return "Terminating";
  if (holds(conditions, "Suspended")) return "Suspended";
  if (holds(conditions, "FailureTarget")) return "FailureTarget";
  if (holds(conditions, "SuccessCriteriaMet")) return "SuccessCriteriaMet";
  return "Running";
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return "";
  const end = job.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

export const JOB_COLUMNS = defineColumns<Job>([
  NAME,
  { name: "Status", priority: 0, cell: jobStatus },
  { name: "Completions", priority: 0, cell: completions },
  { name: "Duration", priority: 0, cell: jobDuration },
  AGE,
  { name: "Containers", priority: 1, cell: (j) => containerNames(j.spec?.template?.spec?.containers) },
  { name: "Images", priority: 1, cell: (j) => containerImages(j.spec?.template?.spec?.containers) },
  { name: "Selector", priority: 1, cell: (j) => formatLabelSelector(j.spec?.selector) },
]);
