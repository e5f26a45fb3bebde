/**
 * syncPod for one pod on this node: admit it (start time, host IP, waiting containers),
 * set up its volumes and sandbox, run its containers in order until nothing more changes
 * at this instant, or stop them when it is being deleted; then write the status, the
 * kubelet's memory and the next wake-up.
 */
import type { Pod, PodStatus } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { parseTimestamp, timestamp } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { ControllerContext } from "../controller";
import { admissionFailure, rejectedStatus } from "./admission";
import { checkRunning, observeContainer } from "./container-observe";
import { allContainers, initContainers, regularContainers, runningId, statusOf } from "./container-ref";
import { stopContainer } from "./container-start";
import { ensureStatuses } from "./container-status";
import { sequenceContainers } from "./pod-lifecycle";
import type { PodIPAllocator } from "./pod-ip";
import { nodeInternalIP } from "./pod-ip";
import type { PodMemory } from "./pod-memory";
import { forgetMemory, loadMemory, newMemory, peekMemory, saveMemory } from "./pod-memory";
import { generateStatus, isTerminalPhase } from "./pod-status";
import type { KubeletPodStatus, PodSyncState } from "./pod-sync-state";
import { record, wake } from "./pod-sync-state";
import { PLEG_RELIST_MS, SANDBOX_MS } from "./timing";
import { setUpVolumes } from "./volumes";

/** The volume manager retries a failed mount 0.5 s, 1 s, 2 s … up to 2m2s apart. */
const MOUNT_RETRY_FIRST_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** Enough steps for a chain of instant exits and starts; back-off stops a crash loop sooner. */
const MAX_STEPS = 20;

function admit(ps: PodSyncState): void {
  const hasInit = initContainers(ps.pod).length > 0;
  if (!ps.status.startTime) {
    const hostIP = nodeInternalIP(ps.node);
    ps.status.startTime = timestamp(ps.now);
    ps.status.hostIP = hostIP;
    ps.status.hostIPs = [{ ip: hostIP }];
  }
  ensureStatuses(ps.status, initContainers(ps.pod), hasInit);
  ensureStatuses(ps.status, regularContainers(ps.pod), hasInit);
}

/** Volumes, then the sandbox and the pod IP; true once containers may start. */
function prepareSandbox(ps: PodSyncState): boolean {
  const m = ps.memory;
  if (m.sandboxAt === undefined) {
    if (m.mount && ps.now < m.mount.retryAt) {
      wake(ps, m.mount.retryAt);
      return false;
    }
    const volumes = setUpVolumes(ps);
    if (!volumes.ok) {
      record(ps, undefined, "Warning", "FailedMount", volumes.message);
      const backOffMs = m.mount ? Math.min(m.mount.backOffMs * 2, MOUNT_RETRY_MAX_MS) : MOUNT_RETRY_FIRST_MS;
      m.mount = { backOffMs, retryAt: ps.now + backOffMs };
      wake(ps, m.mount.retryAt);
      return false;
    }
    delete m.mount;
    m.sandboxAt = ps.now + SANDBOX_MS;
  }
  if (ps.now < m.sandboxAt) {
    wake(ps, m.sandboxAt);
    return false;
  }
  if (!ps.status.podIP) {
    const ip = ps.pod.spec?.hostNetwork ? nodeInternalIP(ps.node) : ps.ipam.allocate(ps.nodeName);
    ps.status.podIP = ip;
    ps.status.podIPs = [{ ip }];
  }
  return true;
}

function observeAll(ps: PodSyncState): boolean {
  let exited = false;
  for (const c of allContainers(ps.pod)) exited = observeContainer(ps, c) || exited;
  return exited;
}

function runPod(ps: PodSyncState): void {
  admit(ps);
  if (!prepareSandbox(ps)) {
    generateStatus(ps, false);
    return;
  }
  let terminal = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const exited = observeAll(ps);
    for (const c of allContainers(ps.pod)) checkRunning(ps, c);
    const sequenced = sequenceContainers(ps);
    terminal = sequenced.terminal;
    if (!exited && !sequenced.started) break;
  }
  generateStatus(ps, terminal);
}

const anyRunning = (ps: PodSyncState, list = allContainers(ps.pod)) => list.some((c) => statusOf(ps.status, c)?.state?.running);

/**
 * Stops what runs (regular and init containers at once, then sidecars last-first); once
 * nothing runs, the time the kubelet sees that and may remove the pod.
 */
function terminatePod(ps: PodSyncState): number | undefined {
  const meta = ps.object.metadata;
  const grace = meta.deletionGracePeriodSeconds ?? ps.pod.spec?.terminationGracePeriodSeconds ?? 30;
  const deadline = parseTimestamp(meta.deletionTimestamp) ?? ps.now;
  for (let step = 0; step < MAX_STEPS; step++) {
    const exited = observeAll(ps);
    const first = allContainers(ps.pod).filter((c) => !c.sidecar);
    for (const c of first) stopContainer(ps, c, "delete", grace);
    if (!anyRunning(ps, first)) {
      const sidecars = initContainers(ps.pod).filter((c) => c.sidecar && statusOf(ps.status, c)?.state?.running);
      const last = sidecars[sidecars.length - 1];
      if (last) stopContainer(ps, last, "delete", Math.max(0, (deadline - ps.now) / 1000));
    }
    for (const c of allContainers(ps.pod)) {
      const cm = ps.memory.containers[c.spec.name];
      if (cm?.pull?.inFlight) cm.pull = { ...cm.pull, inFlight: undefined };
      if (cm?.kill && cm.kill.killAt > deadline) cm.kill = { ...cm.kill, killAt: Math.max(deadline, cm.kill.termAt) };
    }
    if (!exited) break;
  }
  if (anyRunning(ps)) return undefined;
  const lastExit = Math.max(deadline - grace * 1000, ...Object.values(ps.memory.containers).map((c) => c.exitAt ?? 0));
  return lastExit + PLEG_RELIST_MS;
}

/** Everything the runtime holds for a pod that is gone: its containers, its volumes, the memory. */
export function cleanUp(ctx: ControllerContext, memory: Readonly<PodMemory>): void {
  for (const c of Object.values(memory.containers)) for (const id of c.ids) ctx.runtime.remove(id);
  for (const v of memory.volumes) ctx.runtime.removeVolume(v);
  forgetMemory(ctx.api, memory.key);
}

/** Left alone by syncPod: finished, or handed back already (the API server keeps it only for someone else's finalizer). */
function passedOver(ctx: ControllerContext, object: KubeObject, key: string): boolean {
  if (!object.metadata.deletionTimestamp && isTerminalPhase((object.status as PodStatus | undefined)?.phase)) return true;
  return Boolean(object.metadata.deletionTimestamp && object.metadata.deletionGracePeriodSeconds === 0 && !peekMemory(ctx.api, key));
}

/** Synced at this version, with nothing due yet. */
function settled(ctx: ControllerContext, object: KubeObject, key: string): boolean {
  const m = peekMemory(ctx.api, key);
  return Boolean(m && m.syncedVersion === object.metadata.resourceVersion && ctx.now() < (m.dueAt ?? Infinity));
}

/** The relist: runs the containers the status says run up to now; true if one has exited. */
function anyExited(ctx: ControllerContext, object: KubeObject): boolean {
  const status = (object.status ?? {}) as PodStatus;
  for (const cs of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const id = runningId(cs);
    if (id && ctx.runtime.step(id, ctx.now()).kind === "exited") return true;
  }
  return false;
}

/** A pod syncPod would find quiet but for a container that exited in a way no wake-up foresaw. */
export function exitedWhileSettled(ctx: ControllerContext, object: KubeObject): boolean {
  const key = object.metadata.uid ?? "";
  return !passedOver(ctx, object, key) && settled(ctx, object, key) && anyExited(ctx, object);
}

function commit(ps: PodSyncState): boolean {
  const pods = resourceForKind("Pod");
  let wrote = false;
  let version = ps.object.metadata.resourceVersion;
  if (pods && JSON.stringify(ps.status) !== JSON.stringify(ps.object.status ?? {})) {
    const written = ps.ctx.api.updateStatus(pods, { ...ps.object, status: ps.status });
    if (written.ok) {
      version = written.value.metadata.resourceVersion;
      wrote = true;
    }
  }
  const dueAt = ps.wakes.length ? Math.min(...ps.wakes) : undefined;
  ps.memory.syncedVersion = version;
  if (dueAt === undefined) delete ps.memory.dueAt;
  else {
    ps.memory.dueAt = dueAt;
    // one wake-up per node and instant: a reconcile looks at every pod that is due
    ps.ctx.wakeAt(dueAt, ps.nodeName);
  }
  return saveMemory(ps.ctx.api, ps.memory) || wrote;
}

/** Not seen by this kubelet yet: no memory of it, never started, not finished or going. */
export function awaitsAdmission(ctx: ControllerContext, object: KubeObject): boolean {
  const status = (object.status ?? {}) as PodStatus;
  return !object.metadata.deletionTimestamp && !status.startTime && !isTerminalPhase(status.phase) && !peekMemory(ctx.api, object.metadata.uid ?? "");
}

/**
 * HandlePodAdditions' admission: a pod that does not fit beside the `others` already on
 * the node is rejected (a Warning event, then Failed with the reason) and never runs.
 * True if it was.
 */
export function rejectPod(ctx: ControllerContext, object: KubeObject, node: KubeObject, others: readonly KubeObject[]): boolean {
  const rejection = admissionFailure(object, node, others);
  const pods = resourceForKind("Pod");
  if (!rejection || !pods) return false;
  ctx.events.record(object, "Warning", rejection.reason, rejection.message, { component: "kubelet", host: node.metadata.name });
  ctx.api.updateStatus(pods, { ...object, status: rejectedStatus((object.status ?? {}) as KubeletPodStatus, rejection, ctx.now()) });
  return true;
}

/** Syncs one pod bound to `node`; true if it wrote anything. */
export function syncPod(ctx: ControllerContext, object: KubeObject, node: KubeObject | undefined, ipam: PodIPAllocator): boolean {
  const key = object.metadata.uid ?? "";
  const pod = object as unknown as Pod;
  // the cheap relist: an unchanged pod with nothing due and its processes still running needs no sync
  if (passedOver(ctx, object, key) || (settled(ctx, object, key) && !anyExited(ctx, object))) return false;
  const ps: PodSyncState = {
    ctx,
    object,
    pod,
    nodeName: node?.metadata.name ?? pod.spec?.nodeName ?? "",
    node,
    now: ctx.now(),
    status: structuredClone((object.status ?? {}) as KubeletPodStatus),
    memory: loadMemory(ctx.api, key) ?? newMemory(key, object.metadata.namespace ?? "default", object.metadata.name ?? ""),
    wakes: [],
    ipam,
  };
  if (object.metadata.deletionTimestamp) {
    const removeAt = terminatePod(ps);
    generateStatus(ps, removeAt !== undefined);
    if (removeAt === undefined || ps.now < removeAt) {
      wake(ps, removeAt);
      return commit(ps);
    }
    const pods = resourceForKind("Pod");
    if (pods) ctx.api.finalize(pods, object);
    cleanUp(ctx, ps.memory);
    return true;
  }
  runPod(ps);
  return commit(ps);
}
