/**
 * The serial image puller (pkg/kubelet/images/puller.go), what the kubelet uses with its
 * default `serializeImagePulls: true`: one queue per node, each pull starting when the
 * one before it has finished, so a pod's pull also waits for other pods' pulls. The
 * Pulled event then tells both times: the pull's own and the one including the wait.
 *
 * A pull queued behind another pull of the same image finds the layers there when its
 * turn comes and costs only the registry round trip. The queue, which the real kubelet
 * keeps in memory, lives in the store per node under a resource no API serves.
 */
import type { Store } from "../../api/store";
import type { KubeObject } from "../../api/object";

/** The store resource the queues live under. */
export const PULL_QUEUE_RESOURCE = "imagepuller.kubelab.internal";

/** Resolving the manifest of an image whose layers the node already holds. */
export const CACHED_PULL_MS = 350;

interface QueuedPull {
  readonly image: string;
  readonly doneAt: number;
  readonly ok: boolean;
}

interface QueueObject extends KubeObject {
  readonly pulls: readonly QueuedPull[];
}

/** The node's pulls that have not ended by `now`, in queue order. */
function pending(store: Store, node: string, now: number): QueuedPull[] {
  const o = store.get(PULL_QUEUE_RESOURCE, undefined, node) as QueueObject | undefined;
  return (o?.pulls ?? []).filter((p) => p.doneAt > now);
}

/** True while a queued or running pull on the node is still fetching `image`. */
export function imageArriving(store: Store, node: string, image: string, now: number): boolean {
  return pending(store, node, now).some((p) => p.ok && p.image === image);
}

export interface Slot {
  readonly startedAt: number;
  readonly doneAt: number;
}

/**
 * Queues a pull requested at `now` that takes `durationMs` on its own (`ok`: it will
 * succeed); returns when it starts and ends.
 */
export function enqueuePull(store: Store, node: string, image: string, ok: boolean, durationMs: number, now: number): Slot {
  const pulls = pending(store, node, now);
  const startedAt = Math.max(now, ...pulls.map((p) => p.doneAt));
  const cached = ok && pulls.some((p) => p.ok && p.image === image);
  const doneAt = startedAt + (cached ? Math.min(CACHED_PULL_MS, durationMs) : durationMs);
  const object: QueueObject = { apiVersion: `${PULL_QUEUE_RESOURCE}/v1`, kind: "PullQueue", metadata: { name: node }, pulls: [...pulls, { image, doneAt, ok }] };
  store.put(PULL_QUEUE_RESOURCE, object);
  return { startedAt, doneAt };
}
