/**
 * PodGC's orphan collection, as kube-controller-manager's pod garbage collector does it
 * (pkg/controller/podgc/gc_controller.go): every 20 s it puts the name of each node that
 * a pod is bound to but that does not exist into quarantine for 40 s; a node still
 * missing when its quarantine ends is gone, and every pod bound to it is marked Failed
 * with a DisruptionTarget condition (DeletionByPodGC, "PodGC: node no longer exists") and
 * force-deleted. It records no event.
 *
 * Its other passes change nothing here: terminated pods are collected only past
 * `--terminated-pod-gc-threshold` (12500 by default, which kubeadm leaves as is), far more
 * pods than a learner's cluster ever holds; terminating pods that were never scheduled
 * are already removed at once by the API server; and no node is tainted out-of-service.
 *
 * The real controller runs its loop from its start; here the loop runs at every multiple
 * of 20 s of virtual time, and only while there is something to collect, so an idle
 * cluster costs no wake-ups. The quarantine queue, which the real controller keeps in
 * memory, lives in the store under a resource no API serves, so snapshots carry it.
 */
import type { KubeObject } from "../api/object";
import { timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";
import type { Controller, ControllerContext } from "./controller";

type Obj = Record<string, unknown>;

/** gcCheckPeriod */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime */
export const QUARANTINE_MS = 40_000;

const QUEUE_RESOURCE = "podgc.kubelab.internal";
const QUEUE_NAME = "orphaned-pods-nodes";
const WAKE_KEY = "gc";

interface QueueObject extends KubeObject {
  /** node name → when its quarantine ends */
  readonly nodes: Record<string, number>;
}

const nodeNameOf = (pod: KubeObject) => ((pod.spec as Obj | undefined)?.nodeName as string | undefined) ?? "";

function loadQueue(ctx: ControllerContext): Record<string, number> {
  return { ...((ctx.api.store.get(QUEUE_RESOURCE, undefined, QUEUE_NAME) as QueueObject | undefined)?.nodes ?? {}) };
}

/** Stores the queue if it changed; true if it did. */
function saveQueue(ctx: ControllerContext, nodes: Record<string, number>): boolean {
  const prev = (ctx.api.store.get(QUEUE_RESOURCE, undefined, QUEUE_NAME) as QueueObject | undefined)?.nodes ?? {};
  if (JSON.stringify(prev) === JSON.stringify(nodes)) return false;
  if (Object.keys(nodes).length === 0) ctx.api.store.remove(QUEUE_RESOURCE, undefined, QUEUE_NAME);
  else ctx.api.store.put(QUEUE_RESOURCE, { apiVersion: `${QUEUE_RESOURCE}/v1`, kind: "NodeQueue", metadata: { name: QUEUE_NAME }, nodes } as QueueObject);
  return true;
}

/** markFailedAndDeletePodWithCondition: Failed with the condition (unless already finished), then a delete with grace 0. */
function markFailedAndDelete(ctx: ControllerContext, pod: KubeObject): void {
  const pods = resourceForKind("Pod");
  if (!pods) return;
  const status = (pod.status ?? {}) as Obj;
  if (status.phase !== "Succeeded" && status.phase !== "Failed") {
    const conditions = (status.conditions as Obj[] | undefined) ?? [];
    const old = conditions.find((c) => c.type === "DisruptionTarget");
    const condition = {
      lastProbeTime: null,
      lastTransitionTime: old?.status === "True" ? old.lastTransitionTime : timestamp(ctx.now()),
      message: "PodGC: node no longer exists",
      observedGeneration: pod.metadata.generation ?? 1,
      reason: "DeletionByPodGC",
      status: "True",
      type: "DisruptionTarget",
    };
    const next = old ? conditions.map((c) => (c === old ? condition : c)) : [...conditions, condition];
    ctx.api.updateStatus(pods, { ...pod, status: { ...status, phase: "Failed", conditions: next } });
  }
  ctx.api.delete(pods, pod.metadata.namespace, pod.metadata.name ?? "", { gracePeriodSeconds: 0 });
}

/** One pass of gcOrphaned at a loop instant; true if it wrote anything. */
function gcOrphaned(ctx: ControllerContext, pods: readonly KubeObject[], existing: ReadonlySet<string>): boolean {
  const now = ctx.now();
  const queue = loadQueue(ctx);
  for (const pod of pods) {
    const node = nodeNameOf(pod);
    // AddAfter keeps the earlier of two ready times for the same item
    if (node && !existing.has(node)) queue[node] = Math.min(queue[node] ?? Infinity, now + QUARANTINE_MS);
  }
  const deleted = new Set<string>();
  for (const [node, readyAt] of Object.entries(queue)) {
    if (readyAt > now) continue;
    delete queue[node];
    if (!existing.has(node)) deleted.add(node);
  }
  let wrote = saveQueue(ctx, queue);
  for (const pod of pods) {
    if (!deleted.has(nodeNameOf(pod))) continue;
    markFailedAndDelete(ctx, pod);
    wrote = true;
  }
  return wrote;
}

export const podGC: Controller = {
  name: "pod-gc",
  reconcile(ctx) {
    const existing = new Set(ctx.api.store.list("nodes").map((n) => n.metadata.name ?? ""));
    const pods = ctx.api.store.list("pods");
    const orphans = pods.some((p) => nodeNameOf(p) !== "" && !existing.has(nodeNameOf(p)));
    const queued = ctx.api.store.get(QUEUE_RESOURCE, undefined, QUEUE_NAME) !== undefined;
    if (!orphans && !queued) return false;
    const now = ctx.now();
    const wrote = now % GC_CHECK_PERIOD_MS === 0 ? gcOrphaned(ctx, pods, existing) : false;
    ctx.wakeAt((Math.floor(now / GC_CHECK_PERIOD_MS) + 1) * GC_CHECK_PERIOD_MS, WAKE_KEY);
    return wrote;
  },
};
