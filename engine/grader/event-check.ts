/** `event:` an event with this reason (and message text) about an object, as `kubectl get events` lists. */
import type { Outcome } from "./compare";
import { shown } from "./compare";
import type { GradeTarget } from "./target";

interface EventObject {
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string };
}

export function eventCheck(target: GradeTarget, spec: { namespace?: string; kind?: string; name?: string; reason: string; message?: string }, cluster?: string): Outcome {
  const store = target.store(cluster);
  if (!store) return { ok: false, detail: `no cluster "${cluster ?? ""}"` };
  const events = store.list("events", spec.namespace ?? "default") as unknown as EventObject[];
  const about = events.filter((e) => (!spec.kind || e.involvedObject?.kind?.toLowerCase() === spec.kind.toLowerCase()) && (!spec.name || e.involvedObject?.name === spec.name));
  const hit = about.find((e) => e.reason === spec.reason && (!spec.message || (e.message ?? "").includes(spec.message)));
  const subject = spec.name ? `${spec.kind ?? "object"} "${spec.name}"` : "any object";
  if (hit) return { ok: true, detail: `${spec.reason} event for ${subject}: ${shown(hit.message ?? "")}` };
  const reasons = [...new Set(about.map((e) => e.reason ?? ""))];
  return { ok: false, detail: `no ${spec.reason} event${spec.message ? ` mentioning ${shown(spec.message)}` : ""} for ${subject}; found ${reasons.length ? reasons.join(", ") : "no events"}` };
}
