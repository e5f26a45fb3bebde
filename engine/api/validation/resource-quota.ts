/**
 * ResourceQuota validation (validation.go ValidateResourceQuota and its Update): quota
 * resource names and amounts in spec.hard and status, scopes a quota may use with the
 * resources it limits, and scopes that stay as they were on update.
 */
import type { StatusCause } from "../errors";
import { fieldError, goQuote } from "../field-errors";
import { validateObjectMeta } from "./metadata";
import { isStandardQuotaResourceName, validateResourceQuantityValue, validateResourceQuotaResourceName } from "./resource-names";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const POD_COUNT = new Set(["pods"]);
const POD_COMPUTE = new Set(["cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"]);
const PVC_RESOURCES = new Set(["persistentvolumeclaims", "requests.storage"]);
const STANDARD_SCOPES = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass"];
const CONFLICTING: readonly (readonly [string, string])[] = [
  ["BestEffort", "NotBestEffort"],
  ["Terminating", "NotTerminating"],
];

/** IsResourceQuotaScopeValidForResource. */
function scopeValidFor(scope: string, resource: string): boolean {
  switch (scope) {
    case "Terminating":
    case "NotTerminating":
    case "NotBestEffort":
    case "PriorityClass":
    case "CrossNamespacePodAffinity":
      return POD_COUNT.has(resource) || POD_COMPUTE.has(resource);
    case "BestEffort":
      return POD_COUNT.has(resource);
    case "VolumeAttributesClass":
      return PVC_RESOURCES.has(resource);
    default:
      return true;
  }
}

/** `%#v` of the spec's []core.ResourceQuotaScope, the value these errors show. */
function scopesSyntax(scopes: unknown): string {
  return Array.isArray(scopes) ? `[]core.ResourceQuotaScope{${scopes.map((s) => goQuote(String(s))).join(", ")}}` : "[]core.ResourceQuotaScope(nil)";
}

function validateResourceList(list: unknown, path: string): StatusCause[] {
  if (!isObj(list)) return [];
  return Object.keys(list)
    .sort()
    .flatMap((name) => [...validateResourceQuotaResourceName(name, `${path}[${name}]`), ...validateResourceQuantityValue(name, list[name], `${path}[${name}]`)]);
}

function validateScopes(spec: Obj): StatusCause[] {
  const scopes = Array.isArray(spec.scopes) ? spec.scopes.map(String) : [];
  if (scopes.length === 0) return [];
  const hard = Object.keys(isObj(spec.hard) ? spec.hard : {}).sort();
  const shown = scopesSyntax(spec.scopes);
  const errs: StatusCause[] = [];
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.includes(scope)) errs.push(fieldError.invalidGoSyntax("spec.scopes", shown, "unsupported scope"));
    for (const name of hard) {
      if (isStandardQuotaResourceName(name) && !scopeValidFor(scope, name)) errs.push(fieldError.invalidGoSyntax("spec.scopes", shown, "unsupported scope applied to resource"));
    }
  }
  for (const [a, b] of CONFLICTING) if (scopes.includes(a) && scopes.includes(b)) errs.push(fieldError.invalidGoSyntax("spec.scopes", shown, "conflicting scopes"));
  return errs;
}

export function validateResourceQuota(rq: Obj): StatusCause[] {
  const spec = isObj(rq.spec) ? rq.spec : {};
  const status = isObj(rq.status) ? rq.status : {};
  return [
    ...validateObjectMeta(rq.metadata as Obj, "subdomain"),
    ...validateResourceList(spec.hard, "spec.hard"),
    ...validateScopes(spec),
    ...validateResourceList(status.hard, "status.hard"),
    ...validateResourceList(status.used, "status.used"),
  ];
}

/** Scopes pick the objects a quota counts, so they cannot change once it exists. */
export function validateResourceQuotaUpdate(next: Obj, prev: Obj): StatusCause[] {
  const scopesOf = (o: Obj) => new Set(isObj(o.spec) && Array.isArray(o.spec.scopes) ? o.spec.scopes.map(String) : []);
  const [a, b] = [scopesOf(next), scopesOf(prev)];
  const same = a.size === b.size && [...a].every((s) => b.has(s));
  const spec = isObj(next.spec) ? next.spec : {};
  const errs = [...validateObjectMeta(next.metadata as Obj, "subdomain"), ...validateResourceList(spec.hard, "spec.hard"), ...validateScopes(spec)];
  if (!same) errs.push(fieldError.invalidGoSyntax("spec.scopes", scopesSyntax(spec.scopes), "field is immutable"));
  return errs;
}
