/**
 * Whether a node's kubelet is there to do its work, read from the node's systemd: its
 * process gone (stopped, or failing to start), just started and not yet registered, or up,
 * with the container runtime answering or not. A node without systemd (a cluster built
 * without host files) always has a working kubelet.
 *
 * What the kubelet remembers across reconciles about its node (which of its runs posted the
 * node's status, whether it reported the runtime down) lives in the store under a resource
 * no API serves, as the per-pod memory does.
 */
import type { ApiServer } from "../../api/server";
import type { KubeObject } from "../../api/object";
import type { Vfs } from "../../shell/vfs";
import { serviceLife } from "../../systemd/service-life";
import { STATUS_AFTER_START_MS } from "./timing";

export type AgentState =
  | { readonly kind: "down"; readonly since: number }
  | { readonly kind: "starting"; readonly pid: number; readonly readyAt: number }
  | { readonly kind: "up"; readonly pid: number; readonly since: number; readonly runtime: { readonly up: true; readonly since: number } | { readonly up: false; readonly since: number } };

/** The kubelet of a host without systemd: always there, with its runtime. */
const ALWAYS_UP: AgentState = { kind: "up", pid: 0, since: 0, runtime: { up: true, since: 0 } };

export function agentState(fs: Vfs | undefined, now: number): AgentState {
  const kubelet = serviceLife(fs, "kubelet.service");
  if (!kubelet) return ALWAYS_UP;
  if (!kubelet.up) return { kind: "down", since: kubelet.since };
  const readyAt = kubelet.since + STATUS_AFTER_START_MS;
  if (now < readyAt) return { kind: "starting", pid: kubelet.pid, readyAt };
  const runtime = serviceLife(fs, "containerd.service") ?? { up: true as const, pid: 0, since: 0 };
  return { kind: "up", pid: kubelet.pid, since: readyAt, runtime: runtime.up ? { up: true, since: runtime.since } : { up: false, since: Math.max(runtime.since, readyAt) } };
}

/** The kubelet syncs pods only while it runs and its runtime answers. */
export function syncsPods(agent: AgentState): boolean {
  return agent.kind === "up" && agent.runtime.up;
}

export const AGENT_RESOURCE = "nodeagent.kubelab.internal";

export interface AgentMemory {
  /** the kubelet process whose start posted the node's status */
  readonly pid?: number;
  /** the kubelet has reported its runtime down */
  readonly runtimeDown?: boolean;
  /** pods on the node went unsynced (no kubelet, or no runtime): all of them need a look when that ends */
  readonly paused?: boolean;
}

interface AgentObject extends KubeObject {
  readonly memory: AgentMemory;
}

export function loadAgentMemory(api: ApiServer, node: string): AgentMemory | undefined {
  return (api.store.get(AGENT_RESOURCE, undefined, node) as AgentObject | undefined)?.memory;
}

export function saveAgentMemory(api: ApiServer, node: string, memory: AgentMemory): void {
  const object: AgentObject = { apiVersion: `${AGENT_RESOURCE}/v1`, kind: "NodeAgentMemory", metadata: { name: node }, memory };
  api.store.put(AGENT_RESOURCE, object);
}
