/** `kubectl get cronjobs`: printCronJob of printers.go. */

import type { CronJob } from "kubernetes-types/batch/v1";
import { age } from "../duration";
import { AGE, containerImages, containerNames, defineColumns, NAME } from "./column";
import { formatLabelSelector } from "./label-format";

/** printBoolPtr. */
function suspend(cj: CronJob): string {
  const s = cj.spec?.suspend;
  return s === undefined || s === null ? "<unset>" : s ? "True" : "False";
}

export const CRON_JOB_COLUMNS = defineColumns<CronJob>([
  NAME,
  { name: "Schedule", priority: 0, cell: (cj) => cj.spec?.schedule ?? "" },
  { name: "Timezone", priority: 0, cell: (cj) => cj.spec?.timeZone ?? "<none>" },
  { name: "Suspend", priority: 0, cell: suspend },
  { name: "Active", priority: 0, cell: (cj) => String(cj.status?.active?.length ?? 0) },
  { name: "Last Schedule", priority: 0, cell: (cj, now) => (cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : "<none>") },
  AGE,
  { name: "Containers", priority: 1, cell: (cj) => containerNames(cj.spec?.jobTemplate?.spec?.template?.spec?.containers) },
  { name: "Images", priority: 1, cell: (cj) => containerImages(cj.spec?.jobTemplate?.spec?.template?.spec?.containers) },
  { name: "Selector", priority: 1, cell: (cj) => formatLabelSelector(cj.spec?.jobTemplate?.spec?.selector) },
]);
