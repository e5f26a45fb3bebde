/**
 * What a real kubelet keeps in its process memory: back-off entries, probe workers'
 * results, pulls and kills under way, the runtime containers and volumes it made for a
 * pod. Controllers keep no state between calls, so this lives in the store under a
 * resource no API serves: snapshots carry it, kubectl never sees it.
 */
import type { ApiServer } from "../../api/server";
import type { KubeObject } from "../../api/object";
import type { PullResult } from "../../runtime/types";
import type { BackOffEntry } from "./back-off";

/** The store resource the memories live under. */
export const MEMORY_RESOURCE = "kubelet.kubelab.internal";
const API_VERSION = "kubelet.kubelab.internal/v1";

export type ProbeKind = "liveness" | "readiness" | "startup";

export interface ProbeMemory {
  /** when the worker next probes */
  readonly nextAt: number;
  readonly lastResult?: "success" | "failure";
  /** consecutive results equal to lastResult */
  readonly run: number;
  /** what the results manager holds once a threshold was crossed (undefined: not yet known) */
  readonly result?: "success" | "failure";
  /** the last success came from a server whose answers never change with time */
  readonly steady?: boolean;
}

/** The image manager's back-off is kept per pod and image: a new image starts without one. */
export interface PullMemory {
  readonly image: string;
  readonly backOff?: BackOffEntry;
  /** `ErrImagePull: <CRI error>` of the last failed pull, shown while backing off */
  readonly error?: string;
  /** a pull asked for at queuedAt, under way from startedAt (once the node's queue reached it): it ends at doneAt with this result */
  readonly inFlight?: { readonly queuedAt?: number; readonly startedAt: number; readonly doneAt: number; readonly result: PullResult };
}

export interface KillMemory {
  /** the Killing event's reason for the stop, which decides whether the container comes back */
  readonly cause: "delete" | "liveness" | "startup" | "postStart" | "changed" | "completed";
  /** SIGTERM goes out once the preStop hook has had its time */
  readonly termAt: number;
  readonly killAt: number;
  readonly signaled: boolean;
}

export interface ContainerMemory {
  /** runtime containers kept for this container: the current one and the previous (for `logs --previous`) */
  ids: string[];
  /** attempts that have ended (exits and failed starts) */
  exits?: number;
  /** precise end of the latest attempt */
  exitAt?: number;
  /** the `exits` count a restart was last decided for, so one exit counts once in the back-off */
  restartedAfter?: number;
  crash?: BackOffEntry;
  pull?: PullMemory;
  /** the pod worker's next retry of a start that failed (every 10 s, as its error back-off) */
  retryAt?: number;
  probes?: Partial<Record<ProbeKind, ProbeMemory>>;
  kill?: KillMemory;
  /** the image the running container was created from; a new one in the spec restarts it */
  image?: string;
}

export interface PodMemory {
  /** the pod's uid (a recreated mirror pod takes over its predecessor's memory) */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** names the pod's runtime volumes; stays when a recreated mirror pod takes the memory over */
  readonly sandbox: string;
  /** runtime volume keys this pod owns */
  volumes: string[];
  /** when the sandbox (network, IP) is up */
  sandboxAt?: number;
  mount?: { readonly backOffMs: number; readonly retryAt: number };
  containers: Record<string, ContainerMemory>;
  /** the pod's resourceVersion after the last sync, and when that sync asked to be woken */
  syncedVersion?: string;
  dueAt?: number;
}

interface MemoryObject extends KubeObject {
  memory: PodMemory;
}

export function loadMemory(api: ApiServer, key: string): PodMemory | undefined {
  const o = api.store.get(MEMORY_RESOURCE, undefined, key) as MemoryObject | undefined;
  return o ? structuredClone(o.memory) : undefined;
}

export function newMemory(key: string, namespace: string, name: string): PodMemory {
  return { key, namespace, name, sandbox: key, volumes: [], containers: {} };
}

/** Stores the memory if it changed; true if it did. */
export function saveMemory(api: ApiServer, memory: PodMemory): boolean {
  const prev = api.store.get(MEMORY_RESOURCE, undefined, memory.key) as MemoryObject | undefined;
  if (prev && JSON.stringify(prev.memory) === JSON.stringify(memory)) return false;
  const object: MemoryObject = { apiVersion: API_VERSION, kind: "PodMemory", metadata: { name: memory.key }, memory: structuredClone(memory) };
  api.store.put(MEMORY_RESOURCE, object);
  return true;
}

export function forgetMemory(api: ApiServer, key: string): void {
  api.store.remove(MEMORY_RESOURCE, undefined, key);
}

/** The stored memory without a copy, for the cheap "anything to do?" check. */
export function peekMemory(api: ApiServer, key: string): Readonly<PodMemory> | undefined {
  return (api.store.get(MEMORY_RESOURCE, undefined, key) as MemoryObject | undefined)?.memory;
}

export function allMemories(api: ApiServer): PodMemory[] {
  return api.store.list(MEMORY_RESOURCE).map((o) => (o as MemoryObject).memory);
}

export function containerMemory(memory: PodMemory, name: string): ContainerMemory {
  return (memory.containers[name] ??= { ids: [] });
}
