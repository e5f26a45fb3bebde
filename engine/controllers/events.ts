/**
 * Event recording as client-go's EventRecorder does it: one Event object per
 * (source, object, reason, message, type), whose count and lastTimestamp grow on repeats.
 * Names are `<object>.<hex nanoseconds>`, so listing by name groups them per object.
 */
import type { ApiServer } from "../api/server";
import type { KubeObject } from "../api/object";
import { timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";

export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

export interface EventRecorder {
  record(object: KubeObject, type: "Normal" | "Warning", reason: string, message: string, source: EventSource, fieldPath?: string): void;
}

/** Per store, the event each (object, fieldPath, reason, message, type) was recorded as, so a repeat is found without a scan. */
const recorded = new WeakMap<object, Map<string, string>>();

function dedupKey(ns: string, uid: unknown, fieldPath: unknown, reason: unknown, message: unknown, type: unknown): string {
  return JSON.stringify([ns, uid, fieldPath ?? "", reason, message, type]);
}

/** Built once per store (e.g. after a restore) from the events it holds. */
function indexOf(api: ApiServer): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of api.store.list("events")) {
    const io = (e.involvedObject ?? {}) as Record<string, unknown>;
    index.set(dedupKey(e.metadata.namespace ?? "", io.uid, io.fieldPath, e.reason, e.message, e.type), e.metadata.name ?? "");
  }
  return index;
}

export function eventRecorder(api: ApiServer): EventRecorder {
  const events = resourceForKind("Event");
  if (!events) throw new Error("Event resource missing from the registry");
  return {
    record(object, type, reason, message, source, fieldPath) {
      const ns = object.metadata.namespace ?? "default";
      const now = api.now();
      const involved = {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
        ...(fieldPath ? { fieldPath } : {}),
        resourceVersion: object.metadata.resourceVersion,
        uid: object.metadata.uid,
      };
      let index = recorded.get(api.store);
      if (!index) recorded.set(api.store, (index = indexOf(api)));
      const key = dedupKey(ns, object.metadata.uid, fieldPath, reason, message, type);
      const known = index.get(key);
      const same = known === undefined ? undefined : api.store.get("events", ns, known);
      if (same) {
        api.update(events, ns, { ...same, count: Number(same.count ?? 1) + 1, lastTimestamp: timestamp(now) }, { fieldValidation: "Ignore" });
        return;
      }
      const name = `${object.metadata.name}.${(BigInt(now) * 1_000_000n + BigInt(api.store.resourceVersion)).toString(16)}`;
      index.set(key, name);
      api.create(
        events,
        ns,
        {
          apiVersion: "v1",
          kind: "Event",
          metadata: { name, namespace: ns },
          involvedObject: involved,
          reason,
          message,
          type,
          source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
          firstTimestamp: timestamp(now),
          lastTimestamp: timestamp(now),
          count: 1,
          eventTime: null,
          reportingComponent: source.component,
          reportingInstance: source.host ?? "",
        },
        { fieldValidation: "Ignore" },
      );
    },
  };
}
