/**
 * Field selectors (`--field-selector`): `=`, `==`, `!=`, comma for AND, and only the
 * fields each resource's registry strategy exposes; others are refused as the API server does.
 */
import type { Result } from "./errors";
import type { KubeObject } from "./object";

export interface FieldRequirement {
  readonly field: string;
  readonly value: string;
  readonly negate: boolean;
}

export function parseFieldSelector(input: string): Result<FieldRequirement[]> {
  const reqs: FieldRequirement[] = [];
  for (const part of input.split(",")) {
    if (!part.trim()) continue;
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) return { ok: false, error: { status: "Failure", reason: "BadRequest", code: 400, message: `invalid selector: '${input}'; can't understand '${part}'` } };
    reqs.push({ field: m[1].trim(), value: m[3].trim(), negate: m[2] === "!=" });
  }
  return { ok: true, value: reqs };
}

type FieldGetter = (o: KubeObject) => string;

const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));
const at = (o: KubeObject, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

const META: Record<string, FieldGetter> = {
  "metadata.name": (o) => str(o.metadata.name),
  "metadata.namespace": (o) => str(o.metadata.namespace),
};

/** Selectable fields per resource (each registry's `ToSelectableFields`). */
const FIELDS: Record<string, Record<string, FieldGetter>> = {
  pods: {
    ...META,
    "spec.nodeName": (o) => str(at(o, "spec", "nodeName")),
    "spec.restartPolicy": (o) => str(at(o, "spec", "restartPolicy")),
    "spec.schedulerName": (o) => str(at(o, "spec", "schedulerName")),
    "spec.serviceAccountName": (o) => str(at(o, "spec", "serviceAccountName")),
    "spec.hostNetwork": (o) => String(at(o, "spec", "hostNetwork") === true),
    "status.phase": (o) => str(at(o, "status", "phase")),
    "status.podIP": (o) => str(at(o, "status", "podIP")),
    "status.podIPs": (o) => str(at(o, "status", "podIP")),
    "status.nominatedNodeName": (o) => str(at(o, "status", "nominatedNodeName")),
  },
  nodes: { ...META, "spec.unschedulable": (o) => String(at(o, "spec", "unschedulable") === true) },
  events: {
    ...META,
    "involvedObject.kind": (o) => str(at(o, "involvedObject", "kind")),
    "involvedObject.namespace": (o) => str(at(o, "involvedObject", "namespace")),
    "involvedObject.name": (o) => str(at(o, "involvedObject", "name")),
    "involvedObject.uid": (o) => str(at(o, "involvedObject", "uid")),
    "involvedObject.apiVersion": (o) => str(at(o, "involvedObject", "apiVersion")),
    "involvedObject.resourceVersion": (o) => str(at(o, "involvedObject", "resourceVersion")),
    "involvedObject.fieldPath": (o) => str(at(o, "involvedObject", "fieldPath")),
    reason: (o) => str(at(o, "reason")),
    reportingComponent: (o) => str(at(o, "reportingComponent")),
    source: (o) => str(at(o, "source", "component")),
    type: (o) => str(at(o, "type")),
  },
  namespaces: { ...META, "status.phase": (o) => str(at(o, "status", "phase")) },
  secrets: { ...META, type: (o) => str(at(o, "type")) },
  replicasets: { ...META, "status.replicas": (o) => str(at(o, "status", "replicas") ?? 0) },
  jobs: { ...META, "status.successful": (o) => str(at(o, "status", "succeeded") ?? 0) },
};

export function selectableFields(resource: string): Record<string, FieldGetter> {
  return FIELDS[resource] ?? META;
}

/** The unsupported field of a selector for this resource, if any. */
export function unsupportedField(resource: string, reqs: readonly FieldRequirement[]): string | undefined {
  const fields = selectableFields(resource);
  const alias = (f: string) => (resource === "pods" && f === "spec.host" ? "spec.nodeName" : f);
  return reqs.find((r) => !(alias(r.field) in fields))?.field;
}

export function matchesFields(resource: string, reqs: readonly FieldRequirement[], o: KubeObject): boolean {
  const fields = selectableFields(resource);
  return reqs.every((r) => {
    const get = fields[resource === "pods" && r.field === "spec.host" ? "spec.nodeName" : r.field];
    const v = get ? get(o) : "";
    return r.negate ? v !== r.value : v === r.value;
  });
}
