/**
 * What the scheduler needs to know cheaply on every pass, derived from the store and kept
 * beside it (like the event recorder's index): each pod's FailedScheduling attempts, and
 * when a pod was last removed, which changes no resourceVersion but may free a node.
 * Nothing here decides anything: it only lets the scheduler skip work whose result could
 * not have changed. A store seen for the first time (after a restore) is indexed from
 * scratch and counts as having just lost a pod, so at worst work is redone once.
 */
import { parseTimestamp } from "../../api/object";
import type { Store } from "../../api/store";
import type { KubeObject } from "../../api/object";
import type { Attempts } from "./attempts";
import { SCHEDULER_NAME } from "./attempts";

interface EventInfo {
  readonly last: number;
  readonly count: number;
  readonly resourceVersion: number;
}

interface Tracker {
  /** store resourceVersion at the latest pod removal */
  lastRemoval: number;
  /** pod uid → FailedScheduling event name → what it says */
  readonly failures: Map<string, Map<string, EventInfo>>;
}

const trackers = new WeakMap<Store, Tracker>();

type Obj = Record<string, unknown>;

const isFailure = (e: KubeObject) => e.reason === "FailedScheduling" && (e.source as Obj | undefined)?.component === SCHEDULER_NAME;
const podUid = (e: KubeObject) => String((e.involvedObject as Obj | undefined)?.uid ?? "");

function note(t: Tracker, e: KubeObject): void {
  const uid = podUid(e);
  const byName = t.failures.get(uid) ?? new Map<string, EventInfo>();
  t.failures.set(uid, byName);
  byName.set(e.metadata.name ?? "", {
    last: parseTimestamp(String(e.lastTimestamp ?? "")) ?? 0,
    count: Number(e.count ?? 1),
    resourceVersion: Number(e.metadata.resourceVersion ?? 0),
  });
}

function trackerOf(store: Store): Tracker {
  const known = trackers.get(store);
  if (known) return known;
  const t: Tracker = { lastRemoval: store.resourceVersion, failures: new Map() };
  for (const e of store.list("events")) if (isFailure(e)) note(t, e);
  store.watch((w) => {
    if (w.resource === "pods" && w.type === "DELETED") t.lastRemoval = store.resourceVersion;
    if (w.resource !== "events" || !isFailure(w.object)) return;
    if (w.type === "DELETED") t.failures.get(podUid(w.object))?.delete(w.object.metadata.name ?? "");
    else note(t, w.object);
  });
  trackers.set(store, t);
  return t;
}

/** The pod's failed attempts: when the latest was, how many there were, and the resourceVersion it was written at. */
export function attemptsOf(store: Store, uid: string): Attempts | undefined {
  const events = [...(trackerOf(store).failures.get(uid)?.values() ?? [])];
  if (events.length === 0) return undefined;
  const latest = events.reduce((a, b) => (b.last > a.last || (b.last === a.last && b.resourceVersion > a.resourceVersion) ? b : a));
  return { last: latest.last, count: events.reduce((n, e) => n + e.count, 0), resourceVersion: latest.resourceVersion };
}

/** The store resourceVersion at which the latest pod was removed. */
export function lastPodRemoval(store: Store): number {
  return trackerOf(store).lastRemoval;
}
