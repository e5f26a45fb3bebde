/**
 * metav1 validation of a LabelSelector (`ValidateLabelSelector` in
 * apimachinery/pkg/apis/meta/v1/validation): valid matchLabels, and per requirement an
 * operator with the values it takes, a qualified key, and values that are label values.
 */
import type { StatusCause } from "../errors";
import { fieldError, labelValueErrors, qualifiedNameErrors } from "../field-errors";
import { validateLabels } from "./metadata";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const valuesOf = (r: Obj): unknown[] => (Array.isArray(r.values) ? r.values : []);

/** ValidateLabelName: a label key is a qualified name. */
export function validateLabelName(key: unknown, path: string): StatusCause[] {
  const k = typeof key === "string" ? key : "";
  return qualifiedNameErrors(k).map((e) => fieldError.invalid(path, k, e));
}

/** Each value must be a label value (`field.Invalid` on `values[i]`). */
export function validateLabelValues(values: readonly unknown[], path: string): StatusCause[] {
  return values.flatMap((v, i) => labelValueErrors(String(v)).map((e) => fieldError.invalid(`${path}[${i}]`, String(v), e)));
}

function validateRequirement(r: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const values = valuesOf(r);
  switch (r.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) causes.push(fieldError.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) causes.push(fieldError.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      causes.push(fieldError.invalid(`${path}.operator`, r.operator ?? "", "not a valid selector operator"));
  }
  causes.push(...validateLabelName(r.key, `${path}.key`));
  causes.push(...validateLabelValues(values, `${path}.values`));
  return causes;
}

export function validateLabelSelector(selector: unknown, path: string): StatusCause[] {
  if (!isObj(selector)) return [];
  const causes = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  exprs.forEach((r, i) => isObj(r) && causes.push(...validateRequirement(r, `${path}.matchExpressions[${i}]`)));
  return causes;
}
