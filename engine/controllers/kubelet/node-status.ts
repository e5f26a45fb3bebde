/**
 * The kubelet's own node status (pkg/kubelet/kubelet_node_status.go, nodestatus/setters.go)
 * around its life: a started kubelet posts fresh conditions with the events of its start
 * (Starting, NodeAllocatableEnforced, NodeHas…, NodeReady); while it runs its heartbeats
 * are not written one by one (describe derives them), so when it stops they are fixed at
 * the last report it made; a runtime that stopped answering turns Ready False
 * (KubeletNotReady, "container runtime is down") and back once it answers again.
 */
import type { Node, NodeCondition } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { parseTimestamp, timestamp } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { ControllerContext } from "../controller";
import type { KubeletCache } from "./kubelet-cache";
import type { AgentMemory, AgentState } from "./node-agent";
import { loadAgentMemory, saveAgentMemory, syncsPods } from "./node-agent";
import { RUNTIME_DOWN_AFTER_MS, STATUS_REPORT_MS, STATUS_UPDATE_MS } from "./timing";

type StatusContext = Pick<ControllerContext, "api" | "events" | "now" | "wakeAt">;

interface Posted {
  readonly type: string;
  readonly status: "True" | "False";
  readonly reason: string;
  readonly message: string;
  /** the event the kubelet records when the condition changes to this */
  readonly event: string;
}

const PRESSURE: readonly Posted[] = [
  { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available", event: "NodeHasSufficientMemory" },
  { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure", event: "NodeHasNoDiskPressure" },
  { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available", event: "NodeHasSufficientPID" },
];
const READY: Posted = { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", event: "NodeReady" };
const RUNTIME_DOWN: Posted = { type: "Ready", status: "False", reason: "KubeletNotReady", message: "container runtime is down", event: "NodeNotReady" };

const conditionsOf = (node: KubeObject): NodeCondition[] => (node as unknown as Node).status?.conditions ?? [];

function writeConditions(ctx: StatusContext, node: KubeObject, conditions: NodeCondition[]): void {
  const nodes = resourceForKind("Node");
  if (nodes) ctx.api.updateStatus(nodes, { ...node, status: { ...(node.status as object), conditions } });
}

/** Posts `updates` with a fresh heartbeat; a condition whose status changes gets a new transition time and its event. */
function post(ctx: StatusContext, node: KubeObject, updates: readonly Posted[]): void {
  const now = timestamp(ctx.now());
  const name = node.metadata.name ?? "";
  const current = conditionsOf(node);
  const changed: string[] = [];
  const conditions = current.map((c) => {
    const u = updates.find((x) => x.type === c.type);
    if (!u) return c;
    if (c.status !== u.status) changed.push(u.event);
    return { ...c, status: u.status, reason: u.reason, message: u.message, lastHeartbeatTime: now, lastTransitionTime: c.status === u.status ? c.lastTransitionTime : now };
  });
  writeConditions(ctx, node, conditions);
  for (const event of changed) ctx.events.record(node, "Normal", event, `Node ${name} status is now: ${event}`, { component: "kubelet", host: name });
}

/** A kubelet that just started: its start events, then its first full status. */
function postStart(ctx: StatusContext, node: KubeObject): void {
  const name = node.metadata.name ?? "";
  const source = { component: "kubelet", host: name };
  ctx.events.record(node, "Normal", "Starting", "Starting kubelet.", source);
  ctx.events.record(node, "Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods", source);
  // the kubelet's memory of its conditions starts empty, so each one is news to it
  for (const p of PRESSURE) if (conditionsOf(node).find((c) => c.type === p.type)?.status === "False") ctx.events.record(node, "Normal", p.event, `Node ${name} status is now: ${p.event}`, source);
  post(ctx, node, [...PRESSURE, READY]);
}

/** The last time a kubelet that stopped at `stoppedAt` reported an unchanged status: every nodeStatusReportFrequency since the stored heartbeat. */
function lastReport(heartbeat: string | undefined, stoppedAt: number): string | undefined {
  const at = parseTimestamp(heartbeat);
  if (at === undefined || stoppedAt <= at) return heartbeat;
  return timestamp(at + Math.floor((stoppedAt - at) / STATUS_REPORT_MS) * STATUS_REPORT_MS);
}

function freezeHeartbeats(ctx: StatusContext, node: KubeObject, stoppedAt: number): void {
  const current = conditionsOf(node);
  if (!current.some((c) => c.type === "Ready" && c.status === "True")) return;
  writeConditions(
    ctx,
    node,
    current.map((c) => ({ ...c, lastHeartbeatTime: lastReport(c.lastHeartbeatTime, stoppedAt) })),
  );
}

/** The runtime half: Ready False once it has been silent long enough, True at the status update after it answers again. */
function syncRuntime(ctx: StatusContext, node: KubeObject, runtime: Extract<AgentState, { kind: "up" }>["runtime"], memory: AgentMemory): AgentMemory {
  if (!runtime.up && !memory.runtimeDown) {
    const downAt = runtime.since + RUNTIME_DOWN_AFTER_MS;
    if (ctx.now() < downAt) {
      ctx.wakeAt(downAt, `runtime/${node.metadata.name}`);
      return memory;
    }
    post(ctx, node, [RUNTIME_DOWN]);
    return { ...memory, runtimeDown: true };
  }
  if (runtime.up && memory.runtimeDown) {
    const upAt = runtime.since + STATUS_UPDATE_MS;
    if (ctx.now() < upAt) {
      ctx.wakeAt(upAt, `runtime/${node.metadata.name}`);
      return memory;
    }
    post(ctx, node, [READY]);
    return { ...memory, runtimeDown: false };
  }
  return memory;
}

function nextMemory(ctx: StatusContext, node: KubeObject, agent: AgentState, memory: AgentMemory | undefined): AgentMemory | undefined {
  const name = node.metadata.name ?? "";
  if (agent.kind === "down") {
    if (memory !== undefined && memory.pid === undefined) return memory;
    freezeHeartbeats(ctx, node, agent.since);
    return {};
  }
  if (agent.kind === "starting") {
    ctx.wakeAt(agent.readyAt, `start/${name}`);
    return memory;
  }
  // a kubelet seen for the first time is the one that registered the node at boot
  if (memory !== undefined && memory.pid !== agent.pid) postStart(ctx, node);
  const posted: AgentMemory = memory?.pid === agent.pid ? memory : { ...(memory?.paused ? { paused: true } : {}), pid: agent.pid };
  return syncRuntime(ctx, ctx.api.store.get("nodes", undefined, name) ?? node, agent.runtime, posted);
}

/**
 * Keeps the node's status in step with its kubelet, and has every pod on the node looked
 * at again when its kubelet syncs pods after a time it did not; true if it wrote anything.
 */
export function syncNodeStatus(ctx: StatusContext, node: KubeObject, agent: AgentState, cache: KubeletCache): boolean {
  const name = node.metadata.name ?? "";
  const memory = loadAgentMemory(ctx.api, name);
  let next = nextMemory(ctx, node, agent, memory);
  const paused = !syncsPods(agent);
  if (next !== undefined && Boolean(next.paused) !== paused) {
    if (!paused) cache.touchNode(name);
    next = { ...next, paused };
  }
  if (next === memory || next === undefined) return false;
  saveAgentMemory(ctx.api, name, next);
  return true;
}
