/**
 * `kubectl get events`: printEvent of printers.go. LAST SEEN falls back to FIRST SEEN, which
 * falls back to eventTime; a series overrides both LAST SEEN and COUNT; OBJECT is the
 * lower-case `kind/name` of the involved object.
 */

import type { Event } from "kubernetes-types/core/v1";
import { age } from "../duration";
import { defineColumns } from "./column";

function firstSeen(e: Event, now: number): string {
  return e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
}

function lastSeen(e: Event, now: number): string {
  if (e.series) return age(e.series.lastObservedTime, now);
  return e.lastTimestamp ? age(e.lastTimestamp, now) : firstSeen(e, now);
}

function count(e: Event): string {
  if (e.series) return String(e.series.count ?? 0);
  return String(e.count || 1);
}

function target(e: Event): string {
  const kind = (e.involvedObject?.kind ?? "").toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** formatEventSource: component (or reportingComponent), then `, host` (or reportingInstance) when known. */
function source(e: Event): string {
  const component = e.source?.component || e.reportingComponent || "";
  const host = e.source?.host || e.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

export const EVENT_COLUMNS = defineColumns<Event>([
  { name: "Last Seen", priority: 0, cell: lastSeen },
  { name: "Type", priority: 0, cell: (e) => e.type ?? "" },
  { name: "Reason", priority: 0, cell: (e) => e.reason ?? "" },
  { name: "Object", priority: 0, cell: target },
  { name: "Subobject", priority: 1, cell: (e) => e.involvedObject?.fieldPath ?? "" },
  { name: "Source", priority: 1, cell: source },
  { name: "Message", priority: 0, cell: (e) => (e.message ?? "").trim() },
  { name: "First Seen", priority: 1, cell: firstSeen },
  { name: "Count", priority: 1, cell: count },
  { name: "Name", priority: 1, isName: true, cell: (e) => e.metadata?.name ?? "" },
]);
