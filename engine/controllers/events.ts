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
      const same = api.store
        .list("events", ns)
        .find((e) => {
          const io = e.involvedObject as Record<string, unknown>;
          return io.uid === object.metadata.uid && io.fieldPath === fieldPath && e.reason === reason && e.message === message && e.type === type;
        });
      if (same) {
        api.update(events, ns, { ...same, count: Number(same.count ?? 1) + 1, lastTimestamp: timestamp(now) }, { fieldValidation: "Ignore" });
        return;
      }
      const name = `${object.metadata.name}.${(BigInt(now) * 1_000_000n + BigInt(api.store.resourceVersion)).toString(16)}`;
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
