/**
 * One pass of the kubelet over one pod: the pod as read, a working copy of its status
 * and of the kubelet's memory of it, and the times it must be woken again. The modules
 * of this folder read and change this value; pod-sync commits it.
 */
import type { Pod, PodCondition, PodStatus } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { ControllerContext } from "../controller";
import type { ContainerRef } from "./container-ref";
import type { KubeletPodCondition } from "./pod-conditions";
import type { PodIPAllocator } from "./pod-ip";
import type { PodMemory } from "./pod-memory";

/** PodStatus with the fields kubernetes-types 1.30 lacks. */
export type KubeletPodStatus = Omit<PodStatus, "conditions"> & { conditions?: (PodCondition | KubeletPodCondition)[]; observedGeneration?: number };

export interface PodSyncState {
  readonly ctx: ControllerContext;
  /** the stored object, for events */
  readonly object: KubeObject;
  readonly pod: Pod;
  readonly nodeName: string;
  readonly node: KubeObject | undefined;
  readonly now: number;
  readonly status: KubeletPodStatus;
  readonly memory: PodMemory;
  /** virtual times this pod needs the kubelet again */
  readonly wakes: number[];
  /** the node's pod addresses, for this reconcile */
  readonly ipam: PodIPAllocator;
}

export function wake(ps: PodSyncState, at: number | undefined): void {
  if (at !== undefined && Number.isFinite(at)) ps.wakes.push(Math.max(at, ps.now));
}

/** An event from this node's kubelet about the pod or one of its containers. */
export function record(ps: PodSyncState, c: ContainerRef | undefined, type: "Normal" | "Warning", reason: string, message: string): void {
  ps.ctx.events.record(ps.object, type, reason, message, { component: "kubelet", host: ps.nodeName }, c?.fieldPath);
}
