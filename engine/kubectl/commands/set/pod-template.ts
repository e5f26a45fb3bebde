/**
 * What the `set` subcommands share (polymorphichelpers.UpdatePodSpecForObject and
 * set/helper.go CalculatePatches): the pod spec inside each kind that has one, and the
 * strategic merge patch from the object before a change to after it.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { goMarshal } from "../../patch/go-json";
import { kindType } from "../../patch/patch-meta";
import type { JsonMap } from "../../patch/smp-lists";
import { isMap } from "../../patch/smp-lists";
import { createTwoWayMergePatch } from "../../patch/strategic-diff";

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  ReplicationController: ["spec", "template", "spec"],
  Deployment: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** The pod spec of a copy of the object, to change in place, or kubectl's error for a kind without one. */
export function podSpecOf(object: KubeObject): { ok: true; value: JsonMap } | { ok: false; error: string } {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return { ok: false, error: `the object is not a pod or does not have a pod template: *v1.${object.kind}` };
  let cur = object as unknown as JsonMap;
  for (const key of path) {
    if (!isMap(cur[key])) cur[key] = {};
    cur = cur[key] as JsonMap;
  }
  return { ok: true, value: cur };
}

/** `<plural>/<name>`, as resource.Info.ObjectName names an object in errors. */
export function objectName(type: ResourceType, object: KubeObject): string {
  return `${type.plural}/${object.metadata.name ?? ""}`;
}

/** The two-way strategic merge patch between two versions of an object, `{}` when equal. */
export function podTemplatePatch(before: KubeObject, after: KubeObject): { ok: true; value: JsonMap } | { ok: false; error: string } {
  const r = createTwoWayMergePatch(before as unknown as JsonMap, after as unknown as JsonMap, kindType(before.kind));
  return r.ok ? r : { ok: false, error: r.error.message };
}

export function isEmptyPatch(patch: JsonMap): boolean {
  return goMarshal(patch) === "{}";
}

/** The containers (or init containers) of a pod spec as a list of maps. */
export function containersOf(spec: JsonMap, field: "containers" | "initContainers"): JsonMap[] {
  const list = spec[field];
  return Array.isArray(list) ? list.filter(isMap) : [];
}
