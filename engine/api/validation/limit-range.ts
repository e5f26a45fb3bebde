/**
 * LimitRange validation (validation.go ValidateLimitRange): known types, each type once,
 * resource names a container (or PVC) can have, no defaults on a Pod item, and per
 * resource min ≤ default request ≤ default limit ≤ max with a ratio of at least 1 that
 * max/min allows. Go ranges over the resource maps in random order; names are taken
 * sorted here, which is one of the orders a real server reports.
 */
import type { StatusCause } from "../errors";
import { fieldError, qualifiedNameErrors } from "../field-errors";
import { compareQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue, type Quantity } from "../resource-quantity";
import { goQuantitySyntax } from "./go-quantity";
import { validateObjectMeta } from "./metadata";
import { isNativeResource, validateContainerResourceName, validateResourceName } from "./resource-names";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const STANDARD_TYPES = ["Pod", "Container", "PersistentVolumeClaim"];
/** resource.MaxMilliValue: above it, comparisons fall back to whole units. */
const MAX_MILLI_VALUE = 9223372036854775n;

const LISTS = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] as const;
type ListName = (typeof LISTS)[number];

function validateTypeName(type: string, path: string): StatusCause[] {
  const errs = qualifiedNameErrors(type).map((e) => fieldError.invalid(path, type, e));
  if (errs.length) return errs;
  if (!type.includes("/") && !STANDARD_TYPES.includes(type)) return [fieldError.invalid(path, type, "must be a standard limit type or fully qualified")];
  return [];
}

function validateItemResourceName(type: string, name: string, path: string): StatusCause[] {
  return type === "Pod" || type === "Container" ? validateContainerResourceName(name, path) : validateResourceName(name, path);
}

/** IsOvercommitAllowed: anything native but hugepages may have a request below its limit. */
const overcommitAllowed = (name: string) => isNativeResource(name) && !name.startsWith("hugepages-");

/** A bound of one resource: its parsed value and the text it came as (for `%#v`). */
interface Bound {
  readonly q: Quantity;
  readonly raw: unknown;
}

function compareBounds(item: Obj, lists: readonly ListName[], path: string, name: string): StatusCause[] {
  const get = (list: ListName): Bound | undefined => {
    const m = item[list];
    if (!lists.includes(list) || !isObj(m) || !Object.hasOwn(m, name)) return undefined;
    const q = parseQuantity(m[name]);
    return q && { q, raw: m[name] };
  };
  const [min, max, def, defReq, ratio] = [get("min"), get("max"), get("default"), get("defaultRequest"), get("maxLimitRequestRatio")];
  const s = (b: Bound) => formatQuantity(b.q);
  const gt = (a: Bound, b: Bound) => compareQuantity(a.q, b.q) > 0;
  const invalid = (list: ListName, shown: Bound, detail: string) => fieldError.invalidGoSyntax(`${path}.${list}[${name}]`, goQuantitySyntax(shown.raw), detail);
  const errs: StatusCause[] = [];
  if (min && max && gt(min, max)) errs.push(invalid("min", min, `min value ${s(min)} is greater than max value ${s(max)}`));
  if (min && defReq && gt(min, defReq)) errs.push(invalid("defaultRequest", defReq, `min value ${s(min)} is greater than default request value ${s(defReq)}`));
  if (defReq && max && gt(defReq, max)) errs.push(invalid("defaultRequest", defReq, `default request value ${s(defReq)} is greater than max value ${s(max)}`));
  if (defReq && def && gt(defReq, def)) errs.push(invalid("defaultRequest", defReq, `default request value ${s(defReq)} is greater than default limit value ${s(def)}`));
  // The shown value is min here and max below, as validation.go passes them.
  if (min && def && gt(min, def)) errs.push(invalid("default", min, `min value ${s(min)} is greater than default value ${s(def)}`));
  if (def && max && gt(def, max)) errs.push(invalid("default", max, `default value ${s(def)} is greater than max value ${s(max)}`));
  if (ratio && ratio.q.nanos < 1_000_000_000n) errs.push(invalid("maxLimitRequestRatio", ratio, `ratio ${s(ratio)} is less than 1`));
  if (ratio && min && max) {
    const precise = quantityValue(ratio.q) < MAX_MILLI_VALUE && quantityValue(min.q) < MAX_MILLI_VALUE && quantityValue(max.q) < MAX_MILLI_VALUE;
    const ratioValue = precise ? Number(quantityMilliValue(ratio.q)) / 1000 : Number(quantityValue(ratio.q));
    const limit = precise ? Number(quantityMilliValue(max.q)) / Number(quantityMilliValue(min.q)) : Number(quantityValue(max.q)) / Number(quantityValue(min.q));
    if (ratioValue > limit) errs.push(invalid("maxLimitRequestRatio", ratio, `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}`));
  }
  if (!overcommitAllowed(name) && def && defReq && compareQuantity(def.q, defReq.q) !== 0) {
    errs.push(invalid("defaultRequest", defReq, `default value ${s(def)} must equal to defaultRequest value ${s(defReq)} in ${name}`));
  }
  return errs;
}

function validateItem(item: Obj, path: string, seen: Set<string>): StatusCause[] {
  const type = typeof item.type === "string" ? item.type : "";
  const errs = validateTypeName(type, `${path}.type`);
  if (seen.has(type)) errs.push(fieldError.duplicate(`${path}.type`, type));
  seen.add(type);
  const names = new Set<string>();
  const check = (list: ListName) => {
    const m = item[list];
    for (const name of isObj(m) ? Object.keys(m).sort() : []) {
      errs.push(...validateItemResourceName(type, name, `${path}.${list}[${name}]`));
      names.add(name);
    }
  };
  check("max");
  check("min");
  const nonEmpty = (list: ListName) => isObj(item[list]) && Object.keys(item[list] as Obj).length > 0;
  if (type === "Pod") {
    if (nonEmpty("default")) errs.push(fieldError.forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
    if (nonEmpty("defaultRequest")) errs.push(fieldError.forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
  } else {
    check("default");
    check("defaultRequest");
  }
  if (type === "PersistentVolumeClaim") {
    const has = (list: ListName) => isObj(item[list]) && Object.hasOwn(item[list] as Obj, "storage");
    if (!has("min") && !has("max")) errs.push(fieldError.required(`${path}.limits`, "either minimum or maximum storage value is required, but neither was provided"));
  }
  check("maxLimitRequestRatio");
  // A Pod item's defaults were refused above and take no part in the comparisons.
  const compared = type === "Pod" ? LISTS.filter((l) => l !== "default" && l !== "defaultRequest") : LISTS;
  for (const name of [...names].sort()) errs.push(...compareBounds(item, compared, path, name));
  return errs;
}

export function validateLimitRange(lr: Obj): StatusCause[] {
  const errs = validateObjectMeta(lr.metadata as Obj, "subdomain");
  const spec = isObj(lr.spec) ? lr.spec : {};
  const limits = Array.isArray(spec.limits) ? spec.limits : [];
  const seen = new Set<string>();
  limits.forEach((item, i) => {
    if (isObj(item)) errs.push(...validateItem(item, `spec.limits[${i}]`, seen));
  });
  return errs;
}
