/** ObjectMeta validation shared by every kind (`ValidateObjectMeta`). */
import type { StatusCause } from "../errors";
import { dns1123LabelErrors, dns1123SubdomainErrors, fieldError, labelValueErrors, qualifiedNameErrors } from "../field-errors";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export type NameRule = "subdomain" | "label";

export function validateName(name: unknown, rule: NameRule, field = "metadata.name"): StatusCause[] {
  if (typeof name !== "string" || name === "") return [fieldError.required(field, "name or generateName is required")];
  const errs = rule === "label" ? dns1123LabelErrors(name) : dns1123SubdomainErrors(name);
  return errs.map((e) => fieldError.invalid(field, name, e));
}

export function validateLabels(labels: unknown, field: string): StatusCause[] {
  if (!isObj(labels)) return [];
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(k)) causes.push(fieldError.invalid(field, k, e));
    for (const e of labelValueErrors(String(v))) causes.push(fieldError.invalid(field, String(v), e));
  }
  return causes;
}

export function validateAnnotations(annotations: unknown, field: string): StatusCause[] {
  if (!isObj(annotations)) return [];
  const causes: StatusCause[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const e of qualifiedNameErrors(k.toLowerCase())) causes.push(fieldError.invalid(field, k, e));
    total += k.length + String(v).length;
  }
  if (total > 256 * 1024) causes.push(fieldError.tooLong(field, 256 * 1024));
  return causes;
}

export function validateObjectMeta(meta: Obj, rule: NameRule): StatusCause[] {
  return [
    ...validateName(meta.name, rule),
    ...validateLabels(meta.labels, "metadata.labels"),
    ...validateAnnotations(meta.annotations, "metadata.annotations"),
  ];
}
