/**
 * EnsureImageExists (pkg/kubelet/images/image_manager.go): the pull policy decides whether
 * to pull; a pull is queued behind the node's other pulls (`image-puller.ts`) and takes
 * the runtime's time once its turn comes, between Pulling and Pulled; a failed pull
 * backs off 10 s doubling to 5 min per pod and image, reported as ErrImagePull then
 * ImagePullBackOff.
 */
import type { ContainerStatus } from "kubernetes-types/core/v1";
import { defaultPullPolicy } from "../../api/defaults/image";
import type { PullResult } from "../../runtime/types";
import { inBackOffSinceUpdate, nextBackOff } from "./back-off";
import type { ContainerRef } from "./container-ref";
import { enqueuePull, imageArriving } from "./image-puller";
import { goDuration } from "./go-duration";
import type { ContainerMemory } from "./pod-memory";
import type { PodSyncState } from "./pod-sync-state";
import { record, wake } from "./pod-sync-state";
import { RESYNC_AFTER_ERROR_MS } from "./timing";
import { setWaiting } from "./waiting";

/** A failed pull still costs a registry round trip before the error comes back. */
const FAILED_PULL_MS = 1000;

export type ImageOutcome =
  | { readonly kind: "ready"; readonly image: string; readonly imageID: string }
  /** a pull is under way, or the container waits with an image error */
  | { readonly kind: "blocked" };

const BLOCKED: ImageOutcome = { kind: "blocked" };

function fail(ps: PodSyncState, c: ContainerRef, cs: ContainerStatus, cm: ContainerMemory, reason: string, message: string): ImageOutcome {
  record(ps, c, "Warning", "Failed", `Error: ${reason}`);
  setWaiting(cs, reason, message);
  cm.retryAt = ps.now + RESYNC_AFTER_ERROR_MS;
  wake(ps, cm.retryAt);
  return BLOCKED;
}

/** The id of an image already on the node, asked of the runtime the only way it answers. */
function present(ps: PodSyncState, image: string): ImageOutcome {
  const r = ps.ctx.runtime.pull(ps.nodeName, image);
  return r.ok ? { kind: "ready", image: r.normalized, imageID: r.imageID } : BLOCKED;
}

function finishPull(ps: PodSyncState, c: ContainerRef, cs: ContainerStatus, cm: ContainerMemory, result: PullResult, tookMs: number, waitedMs: number): ImageOutcome {
  const image = c.spec.image ?? "";
  const pull = cm.pull?.image === image ? cm.pull : undefined;
  if (result.ok) {
    cm.pull = { image, ...(pull?.backOff ? { backOff: pull.backOff } : {}) };
    record(ps, c, "Normal", "Pulled", `Successfully pulled image "${image}" in ${goDuration(tookMs)} (${goDuration(waitedMs)} including waiting). Image size: ${result.sizeBytes} bytes.`);
    return { kind: "ready", image: result.normalized, imageID: result.imageID };
  }
  record(ps, c, "Warning", "Failed", `Failed to pull image "${image}": ${result.error}`);
  cm.pull = { image, backOff: nextBackOff(pull?.backOff, ps.now, ps.now), error: `ErrImagePull: ${result.error}` };
  return fail(ps, c, cs, cm, "ErrImagePull", result.error);
}

export function ensureImage(ps: PodSyncState, c: ContainerRef, cs: ContainerStatus, cm: ContainerMemory): ImageOutcome {
  const image = c.spec.image ?? "";
  if (cm.pull && cm.pull.image !== image) delete cm.pull;
  const inFlight = cm.pull?.inFlight;
  if (inFlight) {
    if (ps.now < inFlight.doneAt) {
      wake(ps, inFlight.doneAt);
      return BLOCKED;
    }
    return finishPull(ps, c, cs, cm, inFlight.result, inFlight.doneAt - inFlight.startedAt, inFlight.doneAt - (inFlight.queuedAt ?? inFlight.startedAt));
  }
  const policy = c.spec.imagePullPolicy ?? defaultPullPolicy(image);
  // an image another pod's pull is still fetching is not there yet
  const onNode = ps.ctx.runtime.hasImage(ps.nodeName, image) && !imageArriving(ps.ctx.api.store, ps.nodeName, image, ps.now);
  if (onNode && policy !== "Always") {
    record(ps, c, "Normal", "Pulled", `Container image "${image}" already present on machine and can be accessed by the pod`);
    return present(ps, image);
  }
  if (policy === "Never") {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    record(ps, c, "Warning", "ErrImageNeverPull", message);
    return fail(ps, c, cs, cm, "ErrImageNeverPull", message);
  }
  if (inBackOffSinceUpdate(cm.pull?.backOff, ps.now)) {
    record(ps, c, "Normal", "BackOff", `Back-off pulling image "${image}"`);
    const message = `Back-off pulling image "${image}"${cm.pull?.error ? `: ${cm.pull.error}` : ""}`;
    return fail(ps, c, cs, cm, "ImagePullBackOff", message);
  }
  record(ps, c, "Normal", "Pulling", `Pulling image "${image}"`);
  delete cm.retryAt;
  const result = ps.ctx.runtime.pull(ps.nodeName, image);
  const slot = enqueuePull(ps.ctx.api.store, ps.nodeName, image, result.ok, result.ok ? result.durationMs : FAILED_PULL_MS, ps.now);
  cm.pull = { ...cm.pull, image, inFlight: { queuedAt: ps.now, startedAt: slot.startedAt, doneAt: slot.doneAt, result } };
  if (slot.doneAt <= ps.now) return ensureImage(ps, c, cs, cm);
  wake(ps, slot.doneAt);
  return BLOCKED;
}
