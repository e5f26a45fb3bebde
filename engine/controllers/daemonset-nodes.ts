/**
 * Which nodes a DaemonSet's pods belong on (daemon_controller.go NodeShouldRunDaemonPod and
 * daemon/util): the pod as it would be created for the node — its tolerations completed
 * with the DaemonSet defaults — must match the node's labels and name, and tolerate its
 * NoSchedule and NoExecute taints; a running pod stays while it tolerates NoExecute.
 */
import type { KubeObject } from "../api/object";
import type { Obj } from "./pod-control";
import { isObj, specOf } from "./pod-control";

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** AddOrUpdateDaemonPodTolerations: the tolerations every daemon pod gets. */
export function daemonTolerations(spec: Obj): Toleration[] {
  const extra: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
    ...(spec.hostNetwork === true ? [{ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" }] : []),
  ];
  const list = [...((spec.tolerations as Toleration[] | undefined) ?? [])];
  for (const t of extra) {
    const same = (x: Toleration) => (x.key ?? "") === t.key && (x.operator ?? "Equal") === t.operator && (x.value ?? "") === "" && (x.effect ?? "") === t.effect;
    const i = list.findIndex(same);
    if (i >= 0) list[i] = t;
    else list.push(t);
  }
  return list;
}

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  return (t.operator ?? "Equal") === "Equal" && (t.value ?? "") === (taint.value ?? "");
}

function untolerated(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): boolean {
  return taints.some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)));
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchesRequirement(r: Requirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || !/^-?\d+$/.test(value) || values.length !== 1) return false;
      return r.operator === "Gt" ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and the required node affinity terms. */
export function matchesNodeAffinity(spec: Obj, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = (spec.nodeSelector as Record<string, string> | undefined) ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = ((spec.affinity as Obj | undefined)?.nodeAffinity as Obj | undefined)?.requiredDuringSchedulingIgnoredDuringExecution as Obj | undefined;
  const terms = ((required?.nodeSelectorTerms as Obj[] | undefined) ?? []).filter(isObj);
  if (!required) return true;
  return terms.some((term) => {
    const exprs = (term.matchExpressions as Requirement[] | undefined) ?? [];
    const fields = (term.matchFields as Requirement[] | undefined) ?? [];
    if (exprs.length + fields.length === 0) return false;
    return exprs.every((r) => matchesRequirement(r, labels[r.key])) && fields.every((r) => r.key === "metadata.name" && matchesRequirement(r, node.metadata.name));
  });
}

/** NodeShouldRunDaemonPod: whether a pod should start there, and whether a running one may stay. */
export function nodeShouldRunDaemonPod(node: KubeObject, ds: KubeObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const template = (specOf(ds).template as Obj | undefined) ?? {};
  const spec = { ...((template.spec as Obj | undefined) ?? {}) };
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!matchesNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonTolerations(spec);
  const taints = (specOf(node).taints as Taint[] | undefined) ?? [];
  if (untolerated(taints, tolerations, ["NoSchedule", "NoExecute"])) return { shouldRun: false, shouldContinueRunning: !untolerated(taints, tolerations, ["NoExecute"]) };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the pod's required node affinity pinned to one node. */
export function pinnedAffinity(affinity: unknown, node: string): Obj {
  const term = { matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] };
  const a = isObj(affinity) ? structuredClone(affinity) : {};
  const na = isObj(a.nodeAffinity) ? a.nodeAffinity : {};
  const required = isObj(na.requiredDuringSchedulingIgnoredDuringExecution) ? na.requiredDuringSchedulingIgnoredDuringExecution : {};
  return { ...a, nodeAffinity: { ...na, requiredDuringSchedulingIgnoredDuringExecution: { ...required, nodeSelectorTerms: [term] } } };
}

/** What the controller sets on a pod it creates for `node` from the template's spec. */
export function daemonPodSpec(spec: Obj, node: string): Obj {
  return { tolerations: daemonTolerations(spec), affinity: pinnedAffinity(spec.affinity, node) };
}

/** GetTargetNodeName: the node a daemon pod is bound to, or pinned to by its affinity. */
export function targetNode(pod: KubeObject): string | undefined {
  const spec = specOf(pod);
  if (typeof spec.nodeName === "string" && spec.nodeName) return spec.nodeName;
  const terms = ((((spec.affinity as Obj | undefined)?.nodeAffinity as Obj | undefined)?.requiredDuringSchedulingIgnoredDuringExecution as Obj | undefined)?.nodeSelectorTerms as Obj[] | undefined) ?? [];
  for (const t of terms) {
    const f = ((t.matchFields as Requirement[] | undefined) ?? []).find((r) => r.key === "metadata.name" && r.operator === "In" && r.values?.length === 1);
    if (f?.values) return f.values[0];
  }
  return undefined;
}
