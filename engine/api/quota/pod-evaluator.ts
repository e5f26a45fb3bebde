/**
 * The pods quota evaluator (pkg/quota/v1/evaluator/core/pods.go). A pod always counts
 * for `count/pods`; while it is neither finished nor past its deletion grace period it
 * also counts for `pods` and for its total requests and limits (`requests.cpu`, with
 * `cpu` as another name for it, `limits.memory`, ...). A quota on cpu or memory makes
 * every container say how much it wants: the "must specify" rule kept for compatibility.
 */
import { qosClass } from "../defaults/pod";
import { parseTimestamp } from "../object";
import { containerResources, podLimits, podRequests } from "../pod-requests";
import { addResourceLists, type ResourceList } from "../resource-list";
import type { Quantity } from "../resource-quantity";
import { newQuantity } from "../resource-quantity";
import { isExtendedResourceName, isNativeResource } from "../validation/resource-names";
import { matchesSelector, selectorFromSpec } from "../label-selector";
import type { Evaluator, Obj, ScopeRequirement } from "./evaluator";
import { intersection, isObj } from "./evaluator";

const POD_RESOURCES = [
  "count/pods",
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
];

/** The resources whose quota requires every container to set them (validationSet). */
const MUST_SPECIFY = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

const ONE = newQuantity(1n, "DecimalSI");

/** podComputeUsageHelper: a requests/limits pair as quota resources. */
function computeUsage(requests: ResourceList, limits: ResourceList): Map<string, Quantity> {
  const out = new Map<string, Quantity>([["pods", ONE]]);
  for (const base of ["cpu", "memory", "ephemeral-storage"]) {
    const request = requests.get(base);
    if (request) {
      out.set(base, request);
      out.set(`requests.${base}`, request);
    }
    const limit = limits.get(base);
    if (limit) out.set(`limits.${base}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith("hugepages-")) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    if (isExtendedResourceName(name)) out.set(`requests.${name}`, request);
  }
  return out;
}

/** QuotaV1Pod: finished pods, and pods stuck past their deletion grace period, are not charged. */
function charged(pod: Obj, now: number): boolean {
  const phase = isObj(pod.status) ? pod.status.phase : undefined;
  if (phase === "Succeeded" || phase === "Failed") return false;
  const meta = isObj(pod.metadata) ? pod.metadata : {};
  const deletion = parseTimestamp(meta.deletionTimestamp as string | undefined);
  const grace = meta.deletionGracePeriodSeconds;
  return deletion === undefined || typeof grace !== "number" || now <= deletion + grace * 1000;
}

const specOf = (pod: Obj): Obj => (isObj(pod.spec) ? pod.spec : {});

function usesCrossNamespaceAffinity(spec: Obj): boolean {
  const affinity = isObj(spec.affinity) ? spec.affinity : {};
  const crossNamespace = (t: unknown) => isObj(t) && ((Array.isArray(t.namespaces) && t.namespaces.length > 0) || t.namespaceSelector !== undefined);
  return ["podAffinity", "podAntiAffinity"].some((kind) => {
    const a = isObj(affinity[kind]) ? affinity[kind] : {};
    const required = Array.isArray(a.requiredDuringSchedulingIgnoredDuringExecution) ? a.requiredDuringSchedulingIgnoredDuringExecution : [];
    const preferred = Array.isArray(a.preferredDuringSchedulingIgnoredDuringExecution) ? a.preferredDuringSchedulingIgnoredDuringExecution : [];
    return required.some(crossNamespace) || preferred.some((w) => isObj(w) && crossNamespace(w.podAffinityTerm));
  });
}

/**
 * The PriorityClass scope as podMatchesScopeFunc has it: Exists asks whether the pod names
 * a class; any other operator is podMatchesSelector, the requirement as a label selector
 * over `{PriorityClass: <name>}` (a set that always holds the key, so DoesNotExist never
 * matches).
 */
function priorityClassMatches(scope: ScopeRequirement, priorityClassName: string): boolean {
  if (scope.operator === "Exists") return priorityClassName !== "";
  const selector = selectorFromSpec({ matchExpressions: [{ key: "PriorityClass", operator: scope.operator, values: [...(scope.values ?? [])] }] });
  return matchesSelector(selector, { PriorityClass: priorityClassName });
}

function matchesScope(scope: ScopeRequirement, pod: Obj): boolean {
  const spec = specOf(pod);
  const terminating = typeof spec.activeDeadlineSeconds === "number" && spec.activeDeadlineSeconds >= 0;
  const bestEffort = qosClass(spec) === "BestEffort";
  switch (scope.scopeName) {
    case "Terminating":
      return terminating;
    case "NotTerminating":
      return !terminating;
    case "BestEffort":
      return bestEffort;
    case "NotBestEffort":
      return !bestEffort;
    case "PriorityClass":
      return priorityClassMatches(scope, typeof spec.priorityClassName === "string" ? spec.priorityClassName : "");
    case "CrossNamespacePodAffinity":
      return usesCrossNamespaceAffinity(spec);
    default:
      return false;
  }
}

function usage(pod: Obj, now: number): Map<string, Quantity> {
  const counted = new Map<string, Quantity>([["count/pods", ONE]]);
  if (!charged(pod, now)) return counted;
  const spec = specOf(pod);
  return addResourceLists(counted, computeUsage(podRequests(spec), podLimits(spec)));
}

function constraints(required: readonly string[], pod: Obj): string | undefined {
  const requiredSet = required.filter((r) => MUST_SPECIFY.includes(r));
  const missing = new Map<string, Set<string>>();
  const spec = specOf(pod);
  const containers = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])].filter(isObj);
  for (const c of containers) {
    const has = computeUsage(containerResources(c, "requests"), containerResources(c, "limits"));
    for (const r of requiredSet) if (!has.has(r)) missing.set(r, (missing.get(r) ?? new Set()).add(String(c.name ?? "")));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) as Set<string>)].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

export const podEvaluator: Evaluator = {
  matchingResources(names) {
    const extra = names.filter((n) => n.startsWith("hugepages-") || n.startsWith("requests.hugepages-") || (!isNativeResource(n) && n.startsWith("requests.")));
    return [...new Set([...intersection(names, POD_RESOURCES), ...extra])];
  },
  matchesScope,
  usage,
  constraints,
};
