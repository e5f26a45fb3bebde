/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go) for
 * pods being created. Mutating: each Container item's default limits and default requests
 * fill what a container leaves out, and the pod is annotated with what was set. Requests
 * the pod defaulting already copied from limits count as set. Validating: every
 * container (type Container) and the pod's totals (type Pod) must keep within min, max
 * and maxLimitRequestRatio; the first LimitRange broken refuses the pod with all of its
 * violations. Go ranges over the resource maps in random order; names are taken sorted.
 */
import type { KubeObject } from "../object";
import { containerResources, podLimits, podRequests } from "../pod-requests";
import { resourceListOf, type ResourceList } from "../resource-list";
import { formatQuantity, quantityMilliValue, quantityValue, type Quantity } from "../resource-quantity";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";
/** resource.MaxMilliValue: past it, values are compared in whole units. */
const MAX_MILLI_VALUE = 9223372036854775n;

const itemsOf = (lr: KubeObject): Obj[] => {
  const spec = isObj(lr.spec) ? lr.spec : {};
  return Array.isArray(spec.limits) ? spec.limits.filter(isObj) : [];
};

const containersOf = (spec: Obj, key: string): Obj[] => (Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isObj) : []);

/** defaultContainerResourceRequirements: the Container items' default requests and limits. */
function containerDefaults(lr: KubeObject): { requests: Obj; limits: Obj } {
  const requests: Obj = {};
  const limits: Obj = {};
  for (const item of itemsOf(lr)) {
    if (item.type !== "Container") continue;
    Object.assign(requests, isObj(item.defaultRequest) ? item.defaultRequest : {});
    Object.assign(limits, isObj(item.default) ? item.default : {});
  }
  return { requests, limits };
}

/** Sets each default the container lacks; returns the names set, sorted. */
function fill(resources: Obj, which: "requests" | "limits", defaults: Obj): string[] {
  const current = isObj(resources[which]) ? { ...resources[which] } : {};
  const set = Object.keys(defaults).filter((name) => !Object.hasOwn(current, name));
  for (const name of set) current[name] = defaults[name];
  if (set.length > 0) resources[which] = current;
  return set.sort();
}

/** mergeContainerResources: the annotation parts for one container. */
function mergeContainer(c: Obj, defaults: { requests: Obj; limits: Obj }, prefix: string): string[] {
  const resources = isObj(c.resources) ? c.resources : (c.resources = {});
  const setLimits = fill(resources, "limits", defaults.limits);
  const setRequests = fill(resources, "requests", defaults.requests);
  const name = String(c.name ?? "");
  return [
    ...(setRequests.length ? [`${setRequests.join(", ")} request for ${prefix} ${name}`] : []),
    ...(setLimits.length ? [`${setLimits.join(", ")} limit for ${prefix} ${name}`] : []),
  ];
}

/** PodMutateLimitFunc for each LimitRange of the pod's namespace, in name order. */
export function applyLimitRangeDefaults(pod: Obj, limitRanges: readonly KubeObject[]): void {
  const spec = isObj(pod.spec) ? pod.spec : {};
  for (const lr of limitRanges) {
    const defaults = containerDefaults(lr);
    const parts = [
      ...containersOf(spec, "containers").flatMap((c) => mergeContainer(c, defaults, "container")),
      ...containersOf(spec, "initContainers").flatMap((c) => mergeContainer(c, defaults, "init container")),
    ];
    if (parts.length === 0) continue;
    const meta = (pod.metadata ?? {}) as Obj;
    meta.annotations = { ...(isObj(meta.annotations) ? meta.annotations : {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${parts.join("; ")}` };
  }
}

/** requestLimitEnforcedValues: milli-units unless a value is too large for them. */
function comparable(...qs: Quantity[]): bigint[] {
  const precise = qs.every((q) => quantityValue(q) <= MAX_MILLI_VALUE);
  return qs.map((q) => (precise ? quantityMilliValue(q) : quantityValue(q)));
}

const ZERO: Quantity = { nanos: 0n, format: "DecimalSI" };

type Constraint = (limitType: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList) => string | undefined;

const minConstraint: Constraint = (limitType, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = comparable(req ?? ZERO, lim ?? ZERO, enforced);
  const bound = formatQuantity(enforced);
  if (!req) return `minimum ${name} usage per ${limitType} is ${bound}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${limitType} is ${bound}, but request is ${formatQuantity(req)}`;
  if (lim && l < e) return `minimum ${name} usage per ${limitType} is ${bound}, but limit is ${formatQuantity(lim)}`;
  return undefined;
};

const maxConstraint: Constraint = (limitType, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = comparable(req ?? ZERO, lim ?? ZERO, enforced);
  const bound = formatQuantity(enforced);
  if (!lim) return `maximum ${name} usage per ${limitType} is ${bound}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${limitType} is ${bound}, but limit is ${formatQuantity(lim)}`;
  if (req && r > e) return `maximum ${name} usage per ${limitType} is ${bound}, but request is ${formatQuantity(req)}`;
  return undefined;
};

const ratioConstraint: Constraint = (limitType, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = comparable(req ?? ZERO, lim ?? ZERO, enforced);
  const bound = formatQuantity(enforced);
  if (!req || r === 0n) return `${name} max limit to request ratio per ${limitType} is ${bound}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${name} max limit to request ratio per ${limitType} is ${bound}, but no limit is specified or limit is 0`;
  const ratio = Number(l) / Number(r);
  const precise = quantityValue(enforced) <= MAX_MILLI_VALUE;
  const observed = precise ? ratio * 1000 : ratio;
  const allowed = Number(precise ? quantityMilliValue(enforced) : quantityValue(enforced));
  return observed > allowed ? `${name} max limit to request ratio per ${limitType} is ${bound}, but provided ratio is ${ratio.toFixed(6)}` : undefined;
};

/** Min, then max, then ratio constraints of one item against one set of requests and limits. */
function violations(item: Obj, limitType: string, requests: ResourceList, limits: ResourceList): string[] {
  const checks: [string, Constraint][] = [
    ["min", minConstraint],
    ["max", maxConstraint],
    ["maxLimitRequestRatio", ratioConstraint],
  ];
  return checks.flatMap(([list, check]) => {
    const bounds = resourceListOf(item[list]);
    return [...bounds.keys()].sort().flatMap((name) => check(limitType, name, bounds.get(name) as Quantity, requests, limits) ?? []);
  });
}

/** PodValidateLimitFunc: every violation of one LimitRange. */
function podViolations(lr: KubeObject, spec: Obj): string[] {
  return itemsOf(lr).flatMap((item) => {
    if (item.type === "Container") {
      const all = [...containersOf(spec, "containers"), ...containersOf(spec, "initContainers")];
      return all.flatMap((c) => violations(item, "Container", containerResources(c, "requests"), containerResources(c, "limits")));
    }
    if (item.type === "Pod") return violations(item, "Pod", podRequests(spec), podLimits(spec));
    return [];
  });
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}

/** The reason the first LimitRange the pod breaks refuses it, or undefined when it breaks none. */
export function limitRangeViolation(pod: Obj, limitRanges: readonly KubeObject[]): string | undefined {
  const spec = isObj(pod.spec) ? pod.spec : {};
  for (const lr of limitRanges) {
    const found = podViolations(lr, spec);
    if (found.length) return aggregate(found);
  }
  return undefined;
}
