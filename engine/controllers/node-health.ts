/**
 * The node lifecycle controller's health monitor (pkg/controller/nodelifecycle,
 * tryUpdateNodeHealth and monitorNodeHealth): a node whose kubelet has renewed neither its
 * lease nor its status for node-monitor-grace-period (50s since v1.32) gets every condition
 * the kubelet owns set to Unknown, "Kubelet stopped posting node status."; the controller
 * records NodeNotReady on the node and marks the node's pods not Ready.
 *
 * A running kubelet renews its lease every 10s, and the simulator writes no lease: the time
 * of the last renewal is when the node's kubelet process last went away.
 */
import type { Node, NodeCondition, Pod, PodCondition } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/object";
import { timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";
import { serviceLife } from "../systemd/service-life";
import type { ControllerContext } from "./controller";

type HealthContext = Pick<ControllerContext, "api" | "events" | "now" | "wakeAt" | "nodeFs">;

/** kube-controller-manager's --node-monitor-grace-period default. */
export const NODE_MONITOR_GRACE_MS = 50_000;

const SOURCE = { component: "node-controller" };
const KUBELET_CONDITIONS = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

/** When the kubelet last renewed its lease, or undefined while it keeps renewing it. */
function lastRenewal(ctx: HealthContext, node: string): number | undefined {
  const life = serviceLife(ctx.nodeFs(node), "kubelet.service");
  return life && !life.up ? life.since : undefined;
}

/** MarkPodsNotReady: each pod on the node with a Ready condition gets it False, and a NodeNotReady warning. */
function markPodsNotReady(ctx: HealthContext, node: string, pods: readonly KubeObject[]): void {
  const resource = resourceForKind("Pod");
  if (!resource) return;
  const now = timestamp(ctx.now());
  for (const pod of pods) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName !== node) continue;
    const conditions = (pod as unknown as Pod).status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === "Ready");
    if (!ready || ready.status === "False") continue;
    const next: PodCondition[] = conditions.map((c) => (c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: now } : c));
    ctx.api.updateStatus(resource, { ...pod, status: { ...(pod.status as object), conditions: next } });
    ctx.events.record(pod, "Warning", "NodeNotReady", "Node is not ready", SOURCE);
  }
}

/**
 * Marks the node Unknown once its kubelet has been silent for the grace period (and asks to
 * be woken then); returns the node as written, or undefined when nothing changed.
 */
export function monitorNodeHealth(ctx: HealthContext, node: KubeObject, pods: () => readonly KubeObject[]): KubeObject | undefined {
  const name = node.metadata.name ?? "";
  const renewed = lastRenewal(ctx, name);
  if (renewed === undefined) return undefined;
  const deadline = renewed + NODE_MONITOR_GRACE_MS;
  if (ctx.now() < deadline) {
    ctx.wakeAt(deadline, `health/${name}`);
    return undefined;
  }
  const now = timestamp(ctx.now());
  const conditions: NodeCondition[] = [...((node as unknown as Node).status?.conditions ?? [])];
  const wasReady = conditions.some((c) => c.type === "Ready" && c.status === "True");
  let changed = false;
  for (const type of KUBELET_CONDITIONS) {
    const i = conditions.findIndex((c) => c.type === type);
    if (i < 0) {
      conditions.push({ type, status: "Unknown", reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status.", lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now });
      changed = true;
    } else if (conditions[i].status !== "Unknown") {
      conditions[i] = { ...conditions[i], status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: now };
      changed = true;
    }
  }
  const resource = resourceForKind("Node");
  if (!changed || !resource) return undefined;
  const written = ctx.api.updateStatus(resource, { ...node, status: { ...(node.status as object), conditions } });
  if (!written.ok) return undefined;
  if (wasReady) {
    ctx.events.record(node, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`, SOURCE);
    markPodsNotReady(ctx, name, pods());
  }
  return written.value;
}
