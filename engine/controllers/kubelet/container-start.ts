/**
 * Starting a container (SyncPod's start step and doBackOff): an ended attempt is started
 * again only if the restart policy says so and its crash-loop back-off is over; a start
 * pulls the image, resolves the environment, creates and starts the process, and keeps
 * the previous container for `logs --previous`.
 */
import type { ContainerStatus } from "kubernetes-types/core/v1";
import { timestamp } from "../../api/object";
import { parseQuantity } from "../../api/quantity";
import { randomHex } from "../../random";
import type { ContainerConfig } from "../../runtime/types";
import { inBackOffSince, nextBackOff } from "./back-off";
import type { ContainerRef } from "./container-ref";
import { podDescription, statusOf, stripRuntime } from "./container-ref";
import type { KubeletContainerStatus } from "./container-status";
import { markCreated } from "./container-status";
import { containerEnv, expandCommand } from "./env";
import { goDuration } from "./go-duration";
import { ensureImage } from "./image-pull";
import type { ContainerMemory } from "./pod-memory";
import { containerMemory } from "./pod-memory";
import type { PodSyncState } from "./pod-sync-state";
import { record, wake } from "./pod-sync-state";
import { resetProbes } from "./prober";
import { shouldRestart } from "./restart-policy";
import { runHook, startKill } from "./termination";
import { mountsOf } from "./volumes";
import { PLEG_RELIST_MS, RESYNC_AFTER_ERROR_MS } from "./timing";
import { setWaiting } from "./waiting";

/** running: it runs; waiting: it will be (re)started later; done: it has ended for good. */
export type ContainerProgress = "running" | "waiting" | "done";

/** The termination of the latest attempt, wherever the status keeps it now. */
function lastTermination(cs: ContainerStatus) {
  return cs.state?.terminated ?? cs.lastState?.terminated;
}

/** CrashLoopBackOff: the waiting state and the BackOff event, repeated on the pod worker's cadence. */
function backOff(ps: PodSyncState, c: ContainerRef, cs: ContainerStatus, cm: ContainerMemory, backoffMs: number, exitAt: number): ContainerProgress {
  if (cs.state?.terminated) cs.lastState = { terminated: cs.state.terminated };
  const pod = podDescription(ps.pod);
  setWaiting(cs, "CrashLoopBackOff", `back-off ${goDuration(backoffMs)} restarting failed container=${c.spec.name} pod=${pod}`);
  if (cm.retryAt === undefined || ps.now >= cm.retryAt) {
    record(ps, c, "Warning", "BackOff", `Back-off restarting failed container ${c.spec.name} in pod ${pod}`);
    cm.retryAt = ps.now + RESYNC_AFTER_ERROR_MS;
  }
  wake(ps, Math.min(cm.retryAt, exitAt + backoffMs));
  return "waiting";
}

function config(ps: PodSyncState, c: ContainerRef, env: Record<string, string>): ContainerConfig {
  const limits = c.spec.resources?.limits ?? {};
  const memory = parseQuantity(limits.memory);
  const cpu = parseQuantity(limits.cpu);
  const command = expandCommand(c.spec.command, env);
  const args = expandCommand(c.spec.args, env);
  return {
    // the runtime runs a pod's containers together by this id; it outlives a recreated mirror pod
    podUid: ps.memory.sandbox,
    podName: ps.pod.metadata?.name ?? "",
    namespace: ps.pod.metadata?.namespace ?? "default",
    name: c.spec.name,
    image: c.spec.image ?? "",
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    env,
    ...(c.spec.workingDir ? { workingDir: c.spec.workingDir } : {}),
    ...(memory !== undefined ? { memoryLimit: memory } : {}),
    ...(cpu !== undefined ? { cpuLimit: cpu } : {}),
    mounts: mountsOf(ps, c.spec),
    podIP: ps.status.podIP ?? "",
    ...(c.spec.stdin ? { stdin: true } : {}),
    ...(c.spec.tty ? { tty: true } : {}),
  };
}

/** Forgets every runtime container of this one except the given ones. */
function keepOnly(ps: PodSyncState, cm: ContainerMemory, keep: readonly string[]): void {
  for (const id of cm.ids) if (!keep.includes(id)) ps.ctx.runtime.remove(id);
  cm.ids = [...keep];
}

function startContainer(ps: PodSyncState, c: ContainerRef, cs: KubeletContainerStatus, cm: ContainerMemory): ContainerProgress {
  // a changed pod is synced at once; otherwise a failed start is retried on the pod worker's cadence
  const imageChanged = cm.pull !== undefined && cm.pull.image !== c.spec.image;
  if (cm.retryAt !== undefined && ps.now < cm.retryAt && !imageChanged) {
    wake(ps, cm.retryAt);
    return "waiting";
  }
  const image = ensureImage(ps, c, cs, cm);
  if (image.kind === "blocked") return "waiting";
  const env = containerEnv({ api: ps.ctx.api, pod: ps.pod, status: ps.status, node: ps.node }, c.spec);
  if (!env.ok) {
    record(ps, c, "Warning", "Failed", `Error: ${env.message}`);
    setWaiting(cs, "CreateContainerConfigError", env.message);
    cm.retryAt = ps.now + RESYNC_AFTER_ERROR_MS;
    wake(ps, cm.retryAt);
    return "waiting";
  }
  const id = randomHex(ps.ctx.random, 64);
  record(ps, c, "Normal", "Created", "Container created");
  const hadRun = (cm.exits ?? 0) > 0;
  const previous = hadRun ? lastTermination(cs) : undefined;
  keepOnly(ps, cm, previous?.containerID ? [stripRuntime(previous.containerID), id] : [id]);
  const started = ps.ctx.runtime.start(id, ps.nodeName, config(ps, c, env.env), ps.now);
  markCreated(cs, c.spec, ps.pod.spec?.securityContext, id, image.image, image.imageID);
  if (hadRun) cs.restartCount = (cs.restartCount ?? 0) + 1;
  cs.lastState = previous ? { terminated: previous } : {};
  cm.image = c.spec.image;
  delete cm.retryAt;
  if (!started.ok) {
    record(ps, c, "Warning", "Failed", `Error: ${started.message}`);
    const now = timestamp(ps.now);
    cs.lastState = { terminated: { containerID: cs.containerID, exitCode: 128, finishedAt: now, message: started.message, reason: "StartError", startedAt: timestamp(0) } };
    setWaiting(cs, "RunContainerError", started.message);
    cm.exits = (cm.exits ?? 0) + 1;
    cm.exitAt = ps.now;
    wake(ps, ps.now + PLEG_RELIST_MS);
    return "waiting";
  }
  record(ps, c, "Normal", "Started", "Container started");
  cs.state = { running: { startedAt: timestamp(ps.now) } };
  resetProbes(cm, c.spec, ps.now);
  const postStart = c.spec.lifecycle?.postStart;
  if (postStart) {
    const hook = runHook(ps, c, id, postStart);
    if (hook.failure) {
      record(ps, c, "Warning", "FailedPostStartHook", hook.failure);
      startKill(ps, c, cm, id, "postStart", ps.pod.spec?.terminationGracePeriodSeconds ?? 30, "FailedPostStartHook");
    }
  }
  return "running";
}

/** Brings one container forward: leaves it running, starts it, or restarts it after its back-off. */
export function advanceContainer(ps: PodSyncState, c: ContainerRef): ContainerProgress {
  const cs = statusOf(ps.status, c) as KubeletContainerStatus | undefined;
  if (!cs) return "waiting";
  if (cs.state?.running) return "running";
  const cm = containerMemory(ps.memory, c.spec.name);
  const exits = cm.exits ?? 0;
  if (exits > 0 && cm.restartedAfter !== exits) {
    const last = lastTermination(cs);
    const exitAt = cm.exitAt ?? ps.now;
    // until the exit is seen, the status shows it as it is (`Error`, `Completed`, `OOMKilled`)
    if (ps.now < exitAt + PLEG_RELIST_MS) {
      wake(ps, exitAt + PLEG_RELIST_MS);
      return "waiting";
    }
    if (!shouldRestart(ps.pod.spec?.restartPolicy, c, last?.exitCode ?? 0)) return "done";
    if (cm.crash && inBackOffSince(cm.crash, exitAt, ps.now)) return backOff(ps, c, cs, cm, cm.crash.backoffMs, exitAt);
    cm.crash = nextBackOff(cm.crash, exitAt, ps.now);
    cm.restartedAfter = exits;
    delete cm.retryAt;
  }
  return startContainer(ps, c, cs, cm);
}

/** Stops a container for good when the pod is being deleted or has completed. */
export function stopContainer(ps: PodSyncState, c: ContainerRef, cause: "delete" | "completed", graceSeconds: number): void {
  const cs = statusOf(ps.status, c);
  const cm = containerMemory(ps.memory, c.spec.name);
  const id = cs?.state?.running && cs.containerID ? stripRuntime(cs.containerID) : undefined;
  if (!id || cm.kill?.cause === cause || cm.kill?.cause === "delete") return;
  startKill(ps, c, cm, id, cause, graceSeconds, `Stopping container ${c.spec.name}`);
}
