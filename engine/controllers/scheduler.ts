/**
 * The scheduler, in its first form: binds each unscheduled pod to a feasible node
 * (not cordoned, taints tolerated, nodeSelector matched), preferring the node with the
 * fewest pods. Pods no node can take stay Pending.
 */
import type { KubeObject } from "../api/object";
import { timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";
import type { Controller, ControllerContext } from "./controller";

type Obj = Record<string, unknown>;

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === "Exists") return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
  });
}

function feasible(pod: KubeObject, node: KubeObject): boolean {
  const spec = pod.spec as Obj;
  const nodeSpec = (node.spec ?? {}) as Obj;
  if (nodeSpec.unschedulable === true) return false;
  const tolerations = (spec.tolerations as Toleration[] | undefined) ?? [];
  const taints = (nodeSpec.taints as Taint[] | undefined) ?? [];
  if (taints.some((t) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !tolerates(tolerations, t))) return false;
  const selector = (spec.nodeSelector as Record<string, string> | undefined) ?? {};
  const labels = node.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function bind(ctx: ControllerContext, pod: KubeObject, node: string): void {
  const now = timestamp(ctx.now());
  const conditions = [{ lastProbeTime: null, lastTransitionTime: now, observedGeneration: pod.metadata.generation ?? 1, status: "True", type: "PodScheduled" }];
  const bound: KubeObject = { ...pod, spec: { ...(pod.spec as Obj), nodeName: node } };
  ctx.api.store.put("pods", { ...bound, metadata: { ...bound.metadata, resourceVersion: ctx.api.store.nextResourceVersion() } });
  const pods = resourceForKind("Pod");
  if (pods) ctx.api.updateStatus(pods, { ...bound, status: { ...(pod.status as Obj), conditions } });
  ctx.events.record(pod, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`, { component: "default-scheduler" });
}

export const scheduler: Controller = {
  name: "scheduler",
  reconcile(ctx) {
    const pending = ctx.api.store.list("pods").filter((p) => !(p.spec as Obj).nodeName && !p.metadata.deletionTimestamp);
    if (pending.length === 0) return false;
    const nodes = ctx.api.store.list("nodes");
    const load = new Map<string, number>();
    for (const p of ctx.api.store.list("pods")) {
      const n = (p.spec as Obj).nodeName;
      if (typeof n === "string") load.set(n, (load.get(n) ?? 0) + 1);
    }
    let wrote = false;
    for (const pod of pending) {
      const candidates = nodes.filter((n) => feasible(pod, n));
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => (load.get(a.metadata.name ?? "") ?? 0) - (load.get(b.metadata.name ?? "") ?? 0) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
      const node = candidates[0].metadata.name ?? "";
      bind(ctx, pod, node);
      load.set(node, (load.get(node) ?? 0) + 1);
      wrote = true;
    }
    return wrote;
  },
};
