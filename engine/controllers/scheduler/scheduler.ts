/**
 * kube-scheduler as a level-triggered controller. Pods without a node are taken in
 * priority order; each is placed by the filter and score plugins (schedule.ts) against the
 * scheduler cache, which counts the pods placed earlier in the same pass. A pod that fits is
 * bound: `spec.nodeName` and `PodScheduled=True` in one write, and a Scheduled event. One
 * that does not stays Pending with `PodScheduled=False` (reason Unschedulable) and a
 * FailedScheduling event carrying the FitError text.
 *
 * Retries follow the scheduling queue: a failed pod is tried again after its back-off (1s
 * doubling to 10s) once something it depends on may have changed, and at the latest after
 * 5 minutes in the unschedulable queue; each retry that fails repeats the event. A pod that
 * would fit now is bound as soon as its back-off allows, whatever freed the room. Bound
 * pods are never looked at again: with no pod waiting, a pass costs nothing.
 */
import type { KubeObject } from "../../api/object";
import { timestamp } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { Controller, ControllerContext } from "../controller";
import type { Attempts } from "./attempts";
import { backoffMs, SCHEDULER_NAME, UNSCHEDULABLE_FLUSH_MS } from "./attempts";
import { attemptsOf, lastPodRemoval } from "./change-tracker";
import { schedule } from "./schedule";
import { liveSnapshot, unboundPods } from "./cache";
import { isTerminal, nodeNameOf, podInfo } from "./pod-info";

type Obj = Record<string, unknown>;

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  observedGeneration?: number;
}

const WAKE_KEY = "retry";
/** The event note limit (1024) the scheduler truncates its message to. */
const NOTE_LIMIT = 1024;

const specOf = (o: KubeObject) => (o.spec ?? {}) as { schedulerName?: string; schedulingGates?: unknown[]; priority?: number };
const conditionsOf = (o: KubeObject) => (((o.status ?? {}) as Obj).conditions as Condition[] | undefined) ?? [];
const scheduledCondition = (o: KubeObject) => conditionsOf(o).find((c) => c.type === "PodScheduled");

/** Pods this scheduler still has to place. */
function waiting(o: KubeObject): boolean {
  const spec = specOf(o);
  if (nodeNameOf(o) || o.metadata.deletionTimestamp || isTerminal(o)) return false;
  if ((spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return false;
  return (spec.schedulingGates ?? []).length === 0;
}

/** UpdatePodCondition: replaces the condition of that type, keeping its transition time when the status is unchanged. */
function withCondition(o: KubeObject, next: Condition, now: number): Condition[] {
  const all = conditionsOf(o);
  const i = all.findIndex((c) => c.type === next.type);
  const old = i >= 0 ? all[i] : undefined;
  const merged: Condition = { ...next, lastTransitionTime: old && old.status === next.status ? (old.lastTransitionTime ?? null) : timestamp(now) };
  return i >= 0 ? all.map((c, j) => (j === i ? merged : c)) : [...all, merged];
}

function bind(ctx: ControllerContext, o: KubeObject, node: string): void {
  const now = ctx.now();
  const condition: Condition = { lastProbeTime: null, observedGeneration: o.metadata.generation ?? 1, status: "True", type: "PodScheduled" };
  const bound: KubeObject = {
    ...o,
    metadata: { ...o.metadata, resourceVersion: ctx.api.store.nextResourceVersion() },
    spec: { ...(o.spec as Obj), nodeName: node },
    status: { ...(o.status as Obj), conditions: withCondition(o, condition, now) },
  };
  ctx.api.store.put("pods", bound);
  ctx.events.record(bound, "Normal", "Scheduled", `Successfully assigned ${o.metadata.namespace}/${o.metadata.name} to ${node}`, { component: SCHEDULER_NAME });
}

function recordFailure(ctx: ControllerContext, o: KubeObject, message: string): void {
  const now = ctx.now();
  const note = message.length > NOTE_LIMIT ? `${message.slice(0, NOTE_LIMIT - 3)}...` : message;
  const old = scheduledCondition(o);
  let pod = o;
  if (!old || old.status !== "False" || old.reason !== "Unschedulable" || old.message !== message) {
    const condition: Condition = { lastProbeTime: null, message, observedGeneration: o.metadata.generation ?? 1, reason: "Unschedulable", status: "False", type: "PodScheduled" };
    const pods = resourceForKind("Pod");
    const written = pods ? ctx.api.updateStatus(pods, { ...o, status: { ...(o.status as Obj), conditions: withCondition(o, condition, now) } }) : undefined;
    if (written?.ok) pod = written.value;
  }
  ctx.events.record(pod, "Warning", "FailedScheduling", note, { component: SCHEDULER_NAME });
  ctx.wakeAt(now + UNSCHEDULABLE_FLUSH_MS, WAKE_KEY);
}

const rv = (o: { metadata?: { resourceVersion?: string } }) => Number(o.metadata?.resourceVersion ?? 0);

/** The latest writes that matter to placement: nodes (labels, taints, cordon, allocatable) and pods already bound. */
interface Changes {
  readonly nodes: number;
  readonly boundPods: number;
  /** the latest pod removal, which leaves no resourceVersion behind */
  readonly removal: number;
}

type Step = "try" | "skip";

/**
 * For a pod that failed before: whether to run the plugins again. A pod with nothing new
 * since its last attempt cannot fit now, so it waits for the 5-minute flush; the wake-ups
 * for its back-off and flush are asked for here.
 */
function retryStep(ctx: ControllerContext, o: KubeObject, record: Attempts, changes: Changes): Step {
  const mayFit = rv(o) > record.resourceVersion || changes.nodes > record.resourceVersion || changes.boundPods > record.resourceVersion || changes.removal >= record.resourceVersion;
  const flush = record.last + UNSCHEDULABLE_FLUSH_MS;
  if (mayFit || ctx.now() >= flush) return "try";
  ctx.wakeAt(flush, WAKE_KEY);
  return "skip";
}

/**
 * After trying a pod that failed before: bind it once its back-off is over; record another
 * failure when the flush is due, or after the back-off when the pod itself or a node changed
 * (the scheduling queue's requeue on those events). Returns whether to act now.
 */
function retryDue(ctx: ControllerContext, o: KubeObject, record: Attempts, fits: boolean, changes: Changes): boolean {
  const now = ctx.now();
  const backoffEnd = record.last + backoffMs(record.count);
  const flush = record.last + UNSCHEDULABLE_FLUSH_MS;
  if (fits) {
    if (now >= backoffEnd) return true;
    ctx.wakeAt(backoffEnd, WAKE_KEY);
    return false;
  }
  const requeued = rv(o) > record.resourceVersion || changes.nodes > record.resourceVersion;
  if (now >= flush || (requeued && now >= backoffEnd)) return true;
  if (requeued) ctx.wakeAt(backoffEnd, WAKE_KEY);
  ctx.wakeAt(flush, WAKE_KEY);
  return false;
}

function changesIn(ctx: ControllerContext): Changes {
  let boundPods = 0;
  for (const p of ctx.api.store.list("pods")) if (nodeNameOf(p)) boundPods = Math.max(boundPods, rv(p));
  const nodes = ctx.api.store.list("nodes").reduce((m, n) => Math.max(m, rv(n)), 0);
  return { nodes, boundPods, removal: lastPodRemoval(ctx.api.store) };
}

export const scheduler: Controller = {
  name: "scheduler",
  reconcile(ctx) {
    const queue = unboundPods(ctx.api.store).filter(waiting);
    if (queue.length === 0) return false;
    queue.sort((a, b) => (specOf(b).priority ?? 0) - (specOf(a).priority ?? 0));
    let changes: Changes | undefined;
    let wrote = false;
    let bound = false;
    for (const o of queue) {
      const pod = podInfo(o);
      const record = scheduledCondition(o)?.reason === "Unschedulable" ? attemptsOf(ctx.api.store, pod.uid) : undefined;
      // A pod bound earlier in this pass may be what this one waits for.
      if (record && !bound && retryStep(ctx, o, record, (changes ??= changesIn(ctx))) === "skip") continue;
      const decision = schedule(pod, liveSnapshot(ctx.api.store));
      if (record && !retryDue(ctx, o, record, decision.ok, (changes ??= changesIn(ctx)))) continue;
      if (decision.ok) {
        bind(ctx, o, decision.node.name);
        bound = true;
      } else {
        recordFailure(ctx, o, decision.message);
      }
      wrote = true;
    }
    return wrote;
  },
};
