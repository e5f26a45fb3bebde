/**
 * The node lifecycle controller, as kube-controller-manager runs it:
 *
 * - Its health monitor (node-health.ts): a node whose kubelet went silent for the grace
 *   period has its conditions set to Unknown.
 * - TaintNodesByCondition (doNoScheduleTaintingPass): NoSchedule taints follow the node's
 *   conditions (Ready False → `node.kubernetes.io/not-ready`, Unknown →
 *   `node.kubernetes.io/unreachable`, a pressure condition True → its pressure taint) and
 *   `spec.unschedulable` (→ `node.kubernetes.io/unschedulable`).
 * - The NoExecute tainting pass: Ready False or Unknown puts the matching not-ready or
 *   unreachable NoExecute taint on the node, Ready True takes both off.
 * - The taint eviction controller: a pod on a node with a NoExecute taint it does not
 *   tolerate is deleted at once; one that tolerates every such taint is deleted when the
 *   shortest `tolerationSeconds` among the tolerations used runs out (never, if none sets
 *   one). Each eviction is a TaintManagerEviction event, a DisruptionTarget condition and a
 *   graceful delete.
 *
 * The countdown runs from when the pod first met the taints: the later of the taint's
 * `timeAdded` and the pod's binding. The real controller keeps that moment in memory; here
 * a NoExecute taint without `timeAdded` is stamped when it first starts a countdown, so the
 * countdown survives snapshots (taints that evict at once or never are left as written).
 */
import type { Node, NodeCondition, Pod, Taint, Toleration } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/object";
import { parseTimestamp, timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";
import type { Controller, ControllerContext } from "./controller";
import { monitorNodeHealth } from "./node-health";
import { toleratesTaint, UNSCHEDULABLE_TAINT_KEY } from "./scheduler/taints";

type Obj = Record<string, unknown>;

/** All the controller uses of its context. */
type LifecycleContext = Pick<ControllerContext, "api" | "events" | "now" | "wakeAt" | "nodeFs">;

const EVICTION_SOURCE = { component: "taint-eviction-controller" };
const WAKE_KEY = "taint-eviction";

const taintsOf = (o: KubeObject): Taint[] => (o as unknown as Node).spec?.taints ?? [];

const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";

/** nodeConditionToTaintKeyStatusMap: which condition status puts which taint. */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: NOT_READY, Unknown: UNREACHABLE },
  MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
  DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
  NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
  PIDPressure: { True: "node.kubernetes.io/pid-pressure" },
};
const CONDITION_TAINT_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), UNSCHEDULABLE_TAINT_KEY]);

const conditionsOf = (node: KubeObject): NodeCondition[] => (node as unknown as Node).status?.conditions ?? [];
const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** The taints the node's conditions and `spec.unschedulable` call for, NoExecute ones first as their pass runs first. */
function wantedTaints(node: KubeObject): Taint[] {
  const ready = conditionsOf(node).find((c) => c.type === "Ready")?.status;
  const noExecute: Taint[] = ready === "False" ? [{ key: NOT_READY, effect: "NoExecute" }] : ready === "Unknown" ? [{ key: UNREACHABLE, effect: "NoExecute" }] : [];
  const noSchedule: Taint[] = [];
  for (const c of conditionsOf(node)) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) noSchedule.push({ key, effect: "NoSchedule" });
  }
  if ((node as unknown as Node).spec?.unschedulable === true) noSchedule.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: "NoSchedule" });
  return [...noExecute, ...noSchedule];
}

/** Whether the controller owns the taint: a condition taint (either effect) or the cordon taint. */
const controllerTaint = (t: Taint) => CONDITION_TAINT_KEYS.has(t.key) && (t.effect === "NoSchedule" || ((t.key === NOT_READY || t.key === UNREACHABLE) && t.effect === "NoExecute"));

/** The node's taints with the controller's brought in line (new ones stamped `now`), or undefined when they already are. */
function controllerTaints(node: KubeObject, now: number): Taint[] | undefined {
  const taints = taintsOf(node);
  const wanted = wantedTaints(node);
  const kept = taints.filter((t) => !controllerTaint(t) || wanted.some((w) => same(w, t)));
  const added = wanted.filter((w) => !taints.some((t) => same(w, t))).map((w) => ({ ...w, timeAdded: timestamp(now) }));
  if (kept.length === taints.length && added.length === 0) return undefined;
  return [...kept, ...added];
}

function writeTaints(ctx: LifecycleContext, node: KubeObject, taints: readonly Taint[]): KubeObject | undefined {
  const nodes = resourceForKind("Node");
  if (!nodes) return undefined;
  const spec: Obj = { ...(node.spec as Obj) };
  if (taints.length > 0) spec.taints = taints;
  else delete spec.taints;
  const written = ctx.api.update(nodes, undefined, { ...node, spec }, { fieldValidation: "Ignore" });
  return written.ok ? written.value.object : undefined;
}

/** GetMatchingTolerations: the toleration used for each taint, or undefined when one is not tolerated. */
function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => toleratesTaint(tol, taint));
    if (!t) return undefined;
    used.push(t);
  }
  return used;
}

/** getMinTolerationTime in ms: 0 for at once, undefined for never. */
function minTolerationMs(used: readonly Toleration[]): number | undefined {
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds);
  }
  return min === undefined ? undefined : min * 1000;
}

function boundAt(pod: KubeObject): number {
  const conditions = ((pod.status as Obj | undefined)?.conditions as { type: string; lastTransitionTime?: string }[] | undefined) ?? [];
  return parseTimestamp(conditions.find((c) => c.type === "PodScheduled")?.lastTransitionTime) ?? parseTimestamp(pod.metadata.creationTimestamp) ?? 0;
}

function evict(ctx: LifecycleContext, pod: KubeObject): void {
  const pods = resourceForKind("Pod");
  if (!pods) return;
  const ns = pod.metadata.namespace ?? "default";
  ctx.events.record(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${ns}/${pod.metadata.name}`, EVICTION_SOURCE);
  const status = (pod.status ?? {}) as Obj;
  const conditions = (status.conditions as Obj[] | undefined) ?? [];
  const disruption = {
    lastProbeTime: null,
    lastTransitionTime: timestamp(ctx.now()),
    message: "Taint manager: deleting due to NoExecute taint",
    observedGeneration: pod.metadata.generation ?? 1,
    reason: "DeletionByTaintManager",
    status: "True",
    type: "DisruptionTarget",
  };
  const others = conditions.filter((c) => c.type !== "DisruptionTarget");
  ctx.api.updateStatus(pods, { ...pod, status: { ...status, conditions: others.length === conditions.length ? [...conditions, disruption] : conditions.map((c) => (c.type === "DisruptionTarget" ? disruption : c)) } });
  ctx.api.delete(pods, ns, pod.metadata.name ?? "");
}

const isGone = (p: KubeObject) => {
  const phase = (p.status as Obj | undefined)?.phase;
  return Boolean(p.metadata.deletionTimestamp) || phase === "Succeeded" || phase === "Failed";
};

/** Evicts the node's pods whose time is up; returns whether it wrote anything. */
function evictFrom(ctx: LifecycleContext, listed: KubeObject, pods: readonly KubeObject[]): boolean {
  let node = listed;
  const onNode = pods.filter((p) => (p.spec as Obj | undefined)?.nodeName === node.metadata.name && !isGone(p));
  const waits = onNode.map((pod) => {
    const used = matchingTolerations(taintsOf(node).filter((t) => t.effect === "NoExecute"), (pod as unknown as Pod).spec?.tolerations ?? []);
    return { pod, wait: used ? minTolerationMs(used) : 0 };
  });
  let wrote = false;
  const undated = taintsOf(node).some((t) => t.effect === "NoExecute" && !t.timeAdded);
  if (undated && waits.some((w) => w.wait !== undefined && w.wait > 0)) {
    const dated = writeTaints(ctx, node, taintsOf(node).map((t) => (t.effect === "NoExecute" && !t.timeAdded ? { ...t, timeAdded: timestamp(ctx.now()) } : t)));
    if (dated) {
      node = dated;
      wrote = true;
    }
  }
  const taintedAt = Math.min(...taintsOf(node).filter((t) => t.effect === "NoExecute").map((t) => parseTimestamp(t.timeAdded) ?? ctx.now()));
  for (const { pod, wait } of waits) {
    if (wait === undefined) continue;
    const due = Math.max(taintedAt, boundAt(pod)) + wait;
    if (ctx.now() >= due) {
      evict(ctx, pod);
      wrote = true;
    } else {
      ctx.wakeAt(due, WAKE_KEY);
    }
  }
  return wrote;
}

export const nodeLifecycle: Controller = {
  name: "node-lifecycle",
  reconcile(ctx) {
    let wrote = false;
    let pods: KubeObject[] | undefined;
    const allPods = () => (pods ??= ctx.api.store.list("pods"));
    for (const listed of ctx.api.store.list("nodes")) {
      const monitored = monitorNodeHealth(ctx, listed, allPods);
      if (monitored) {
        wrote = true;
        pods = undefined;
      }
      const current = monitored ?? listed;
      const taints = controllerTaints(current, ctx.now());
      const updated = taints ? writeTaints(ctx, current, taints) : undefined;
      if (updated) wrote = true;
      const node = updated ?? current;
      if (taintsOf(node).some((t) => t.effect === "NoExecute")) wrote = evictFrom(ctx, node, allPods()) || wrote;
    }
    return wrote;
  },
};
