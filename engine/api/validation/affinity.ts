/**
 * Affinity validation as `pkg/apis/core/validation/validation.go` does it for a new pod:
 * node selector terms (operators and the values each takes, label keys, label values in
 * required terms, `metadata.name` as the only field), preferred weights in 1–100, and
 * pod (anti-)affinity terms (their label and namespace selectors, namespace names,
 * matchLabelKeys/mismatchLabelKeys, a topologyKey that is set and a label key).
 */
import type { StatusCause } from "../errors";
import { dns1123LabelErrors, dns1123SubdomainErrors, fieldError } from "../field-errors";
import { validateLabelName, validateLabelSelector, validateLabelValues } from "./label-selector";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Go's zero value for an int32 left out */
const int32 = (v: unknown): number => (typeof v === "number" ? v : 0);

/** ValidateNodeSelectorRequirement; values must be label values unless the term only prefers. */
function validateNodeSelectorRequirement(r: Obj, checkValues: boolean, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const values = list(r.values);
  switch (r.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) causes.push(fieldError.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) causes.push(fieldError.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) causes.push(fieldError.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      causes.push(fieldError.invalid(`${path}.operator`, r.operator ?? "", "not a valid selector operator"));
  }
  causes.push(...validateLabelName(r.key, `${path}.key`));
  if (checkValues) causes.push(...validateLabelValues(values, `${path}.values`));
  return causes;
}

/** ValidateNodeFieldSelectorRequirement: only `metadata.name`, with exactly one node name. */
function validateNodeFieldSelectorRequirement(r: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const values = list(r.values);
  if (r.operator === "In" || r.operator === "NotIn") {
    if (values.length !== 1) causes.push(fieldError.required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    causes.push(fieldError.invalid(`${path}.operator`, r.operator ?? "", "not a valid selector operator"));
  }
  if (r.key !== "metadata.name") causes.push(fieldError.invalid(`${path}.key`, r.key ?? "", "not a valid field selector key"));
  else values.forEach((v, i) => causes.push(...dns1123SubdomainErrors(String(v)).map((e) => fieldError.invalid(`${path}.values[${i}]`, String(v), e))));
  return causes;
}

function validateNodeSelectorTerm(term: unknown, checkValues: boolean, path: string): StatusCause[] {
  if (!isObj(term)) return [];
  const causes: StatusCause[] = [];
  list(term.matchExpressions).forEach((r, j) => isObj(r) && causes.push(...validateNodeSelectorRequirement(r, checkValues, `${path}.matchExpressions[${j}]`)));
  list(term.matchFields).forEach((r, j) => isObj(r) && causes.push(...validateNodeFieldSelectorRequirement(r, `${path}.matchFields[${j}]`)));
  return causes;
}

function validateNodeAffinity(na: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const required = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (isObj(required)) {
    const termsPath = `${path}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    const terms = list(required.nodeSelectorTerms);
    if (terms.length === 0) causes.push(fieldError.required(termsPath, "must have at least one node selector term"));
    terms.forEach((t, i) => causes.push(...validateNodeSelectorTerm(t, true, `${termsPath}[${i}]`)));
  }
  list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((p, i) => {
    if (!isObj(p)) return;
    const pp = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    const weight = int32(p.weight);
    if (weight <= 0 || weight > 100) causes.push(fieldError.invalid(`${pp}.weight`, weight, "must be in the range 1-100"));
    causes.push(...validateNodeSelectorTerm(p.preference, false, `${pp}.preference`));
  });
  return causes;
}

/**
 * validateMatchLabelKeysAndMismatchLabelKeys, less its check that a matchLabelKeys key is
 * not also in the labelSelector: that one looks at the selector after the API server has
 * merged the matchLabelKeys into it, a merge not simulated.
 */
function validateLabelKeys(term: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = isObj(term.labelSelector) ? term.labelSelector : undefined;
  const match = list(term.matchLabelKeys).map(String);
  const mismatch = list(term.mismatchLabelKeys).map(String);
  for (const [field, keys] of [["matchLabelKeys", match], ["mismatchLabelKeys", mismatch]] as const) {
    if (keys.length === 0) continue;
    if (!selector) causes.push(fieldError.forbidden(`${path}.${field}`, "must not be specified when labelSelector is not set"));
    else keys.forEach((k, i) => causes.push(...validateLabelName(k, `${path}.${field}[${i}]`)));
  }
  match.forEach((k, i) => mismatch.includes(k) && causes.push(fieldError.invalid(`${path}.matchLabelKeys[${i}]`, k, "exists in both matchLabelKeys and mismatchLabelKeys")));
  return causes;
}

function validatePodAffinityTerm(term: unknown, path: string): StatusCause[] {
  if (!isObj(term)) return [];
  const causes = [...validateLabelSelector(term.labelSelector, `${path}.labelSelector`), ...validateLabelSelector(term.namespaceSelector, `${path}.namespaceSelector`)];
  for (const name of list(term.namespaces)) causes.push(...dns1123LabelErrors(String(name)).map((e) => fieldError.invalid(`${path}.namespace`, String(name), e)));
  causes.push(...validateLabelKeys(term, path));
  const key = typeof term.topologyKey === "string" ? term.topologyKey : "";
  if (key === "") causes.push(fieldError.required(`${path}.topologyKey`, "can not be empty"));
  causes.push(...validateLabelName(key, `${path}.topologyKey`));
  return causes;
}

/** validatePodAffinity and validatePodAntiAffinity, which check the same. */
function validatePodAffinity(pa: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  list(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => causes.push(...validatePodAffinityTerm(t, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)));
  list(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((w, j) => {
    if (!isObj(w)) return;
    const wp = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${j}]`;
    const weight = int32(w.weight);
    if (weight <= 0 || weight > 100) causes.push(fieldError.invalid(`${wp}.weight`, weight, "must be in the range 1-100"));
    causes.push(...validatePodAffinityTerm(w.podAffinityTerm, `${wp}.podAffinityTerm`));
  });
  return causes;
}

export function validateAffinity(affinity: unknown, path: string): StatusCause[] {
  if (!isObj(affinity)) return [];
  return [
    ...(isObj(affinity.nodeAffinity) ? validateNodeAffinity(affinity.nodeAffinity, `${path}.nodeAffinity`) : []),
    ...(isObj(affinity.podAffinity) ? validatePodAffinity(affinity.podAffinity, `${path}.podAffinity`) : []),
    ...(isObj(affinity.podAntiAffinity) ? validatePodAffinity(affinity.podAntiAffinity, `${path}.podAntiAffinity`) : []),
  ];
}
