/**
 * Resource names and amounts in LimitRanges and ResourceQuotas (validation.go's
 * validateResourceName, validateContainerResourceName, ValidateResourceQuotaResourceName
 * and ValidateResourceQuantityValue, with the name sets of pkg/apis/core/helper).
 */
import type { StatusCause } from "../errors";
import { fieldError, qualifiedNameErrors } from "../field-errors";
import { formatQuantity, parseQuantity, quantityMilliValue } from "../resource-quantity";
import { goQuantitySyntax } from "./go-quantity";

const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);

const STANDARD_QUOTA_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.storage",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "persistentvolumeclaims",
  "configmaps",
  "services.nodeports",
  "services.loadbalancers",
]);

const INTEGER_RESOURCES = new Set(["pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"]);

const isHugePages = (name: string) => name.startsWith("hugepages-");
const isQuotaHugePages = (name: string) => isHugePages(name) || name.startsWith("requests.hugepages-");
const singleSegment = (name: string) => !name.includes("/");

/** IsNativeResource: unprefixed, or in the kubernetes.io/ namespace. */
export const isNativeResource = (name: string): boolean => singleSegment(name) || name.includes("kubernetes.io/");

/** IsExtendedResourceName: `example.com/gpu`, not `requests.`-prefixed, and still a qualified name as `requests.<name>`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith("requests.")) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}

export function isStandardQuotaResourceName(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePages(name);
}

export function validateResourceName(name: string, path: string): StatusCause[] {
  const errs = qualifiedNameErrors(name).map((e) => fieldError.invalid(path, name, e));
  if (errs.length) return errs;
  if (singleSegment(name) && !STANDARD_RESOURCES.has(name) && !isQuotaHugePages(name)) {
    return [fieldError.invalid(path, name, "must be a standard resource type or fully qualified")];
  }
  return [];
}

export function validateContainerResourceName(name: string, path: string): StatusCause[] {
  const errs = validateResourceName(name, path);
  if (singleSegment(name)) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(fieldError.invalid(path, name, "must be a standard resource for containers"));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(fieldError.invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateResourceQuotaResourceName(name: string, path: string): StatusCause[] {
  const errs = validateResourceName(name, path);
  if (singleSegment(name) && !isStandardQuotaResourceName(name)) errs.push(fieldError.invalid(path, name, "must be a standard resource for quota"));
  return errs;
}

/** ValidateResourceQuantityValue: never negative; a count (pods, secrets, ...) a whole number. */
export function validateResourceQuantityValue(name: string, raw: unknown, path: string): StatusCause[] {
  const q = parseQuantity(raw);
  if (!q) return [];
  const errs: StatusCause[] = [];
  if (q.nanos < 0n) errs.push(fieldError.invalid(path, formatQuantity(q), "must be greater than or equal to 0"));
  if ((INTEGER_RESOURCES.has(name) || isExtendedResourceName(name)) && quantityMilliValue(q) % 1000n !== 0n) {
    errs.push(fieldError.invalidGoSyntax(path, goQuantitySyntax(raw), "must be an integer"));
  }
  return errs;
}
