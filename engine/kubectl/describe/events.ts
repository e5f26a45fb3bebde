/** describe.go's DescribeEvents: the table every describer ends with. */
import type { Event } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { age } from "../printers/duration";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";

/** kubectl's event.SortableEvents key: the last time the event was seen. */
function sortTime(e: Event): number {
  const t = e.series ? e.series.lastObservedTime : e.lastTimestamp || e.eventTime;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

function interval(e: Event, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

export function describeEvents(objects: readonly KubeObject[], now: number, w: PrefixWriter): void {
  if (objects.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  // Go sorts with sort.Sort, which is an insertion sort (so stable) for short lists.
  const events = (objects as unknown as Event[]).map((e, i) => ({ e, i, t: sortTime(e) })).sort((a, b) => a.t - b.t || a.i - b.i);
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const { e } of events) {
    const from = e.source?.component || e.reportingComponent || "";
    let message = (e.message ?? "").trim();
    // kubectl ≥1.35 names the container the event is about.
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval(e, now)}\t${from}\t${message}\n`);
  }
}
