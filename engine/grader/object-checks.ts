/** exists, absent, jsonpath and count: checks over API objects as kubectl shows them. */
import { matchesSelector, parseLabelSelector } from "../api/label-selector";
import { resolveResource } from "../api/resources";
import { executeJsonPath, parseJsonPath } from "../kubectl/printers/jsonpath";
import type { Comparator, ObjectRef } from "./check";
import { compare, type Outcome } from "./compare";
import { lookup, type GradeTarget } from "./target";

export function exists(target: GradeTarget, ref: ObjectRef, cluster?: string): Outcome {
  const found = lookup(target, ref, cluster);
  if (!found.ok) return { ok: false, detail: found.detail };
  return found.object ? { ok: true, detail: `${found.where} exists` } : { ok: false, detail: `${found.where} not found` };
}

export function absent(target: GradeTarget, ref: ObjectRef, cluster?: string): Outcome {
  const found = lookup(target, ref, cluster);
  if (!found.ok) return { ok: false, detail: found.detail };
  if (!found.object) return { ok: true, detail: `${found.where} not found` };
  const terminating = found.object.metadata.deletionTimestamp ? " (Terminating)" : "";
  return { ok: false, detail: `${found.where} still exists${terminating}` };
}

/** The text `kubectl get <kind> <name> -o jsonpath='<path>'` would print, or why it cannot. */
export function jsonpathValue(target: GradeTarget, ref: ObjectRef & { path: string }, cluster?: string): { ok: true; value: string } | { ok: false; detail: string } {
  const found = lookup(target, ref, cluster);
  if (!found.ok) return found;
  if (!found.object) return { ok: false, detail: `${found.where} not found` };
  const template = parseJsonPath(ref.path);
  if (!template.ok) return { ok: false, detail: template.error };
  const printed = executeJsonPath(template.value, found.object, { allowMissingKeys: true });
  return printed.ok ? { ok: true, value: printed.value } : { ok: false, detail: printed.error };
}

export function jsonpath(target: GradeTarget, ref: ObjectRef & { path: string }, c: Comparator, cluster?: string): Outcome {
  const v = jsonpathValue(target, ref, cluster);
  if (!v.ok) return { ok: false, detail: v.detail };
  return compare(c, v.value, ref.path);
}

export function count(target: GradeTarget, spec: { kind: string; namespace?: string; selector?: string }, c: Comparator, cluster?: string): Outcome {
  const type = resolveResource(spec.kind);
  if (!type) return { ok: false, detail: `unknown kind "${spec.kind}"` };
  const store = target.store(cluster);
  if (!store) return { ok: false, detail: `no cluster "${cluster ?? ""}"` };
  const selector = parseLabelSelector(spec.selector ?? "");
  if (!selector.ok) return { ok: false, detail: `invalid selector "${spec.selector ?? ""}": ${selector.error.message}` };
  const namespace = type.namespaced ? (spec.namespace ?? "default") : undefined;
  const n = store.list(type.plural, namespace).filter((o) => !o.metadata.deletionTimestamp && matchesSelector(selector.value, o.metadata.labels)).length;
  return compare(Object.keys(c).length ? c : { atLeast: 1 }, String(n), `number of ${type.plural}`);
}
