/**
 * Watching a running container (the PLEG and the probe workers): its process is run
 * forward to now; an exit becomes a terminated state; a kill under way gets its signals;
 * a failed liveness or startup probe, or a changed image, starts a kill.
 */
import type { ContainerStatus } from "kubernetes-types/core/v1";
import { timestamp } from "../../api/object";
import type { ProcessStep } from "../../runtime/types";
import type { ContainerRef } from "./container-ref";
import { runningId, statusOf } from "./container-ref";
import type { ContainerMemory } from "./pod-memory";
import { containerMemory } from "./pod-memory";
import type { PodSyncState } from "./pod-sync-state";
import { wake } from "./pod-sync-state";
import { runProbes } from "./prober";
import { progressKill, startKill } from "./termination";

function markExited(cs: ContainerStatus, cm: ContainerMemory, step: Extract<ProcessStep, { kind: "exited" }>): void {
  cs.state = {
    terminated: {
      containerID: cs.containerID,
      exitCode: step.exitCode,
      finishedAt: timestamp(step.at),
      ...(step.message ? { message: step.message } : {}),
      reason: step.reason,
      startedAt: cs.state?.running?.startedAt,
    },
  };
  cs.ready = false;
  cs.started = false;
  cm.exits = (cm.exits ?? 0) + 1;
  cm.exitAt = step.at;
  delete cm.kill;
  delete cm.probes;
}

/** Runs the container's process forward; true if it exited. */
export function observeContainer(ps: PodSyncState, c: ContainerRef): boolean {
  const cs = statusOf(ps.status, c);
  const id = runningId(cs);
  if (!cs || !id) return false;
  const cm = containerMemory(ps.memory, c.spec.name);
  let step = progressKill(ps, cm, id);
  if (!step || step.kind === "running") step = ps.ctx.runtime.step(id, ps.now);
  if (step.kind === "exited" && step.at <= ps.now) {
    markExited(cs, cm, step);
    return true;
  }
  wake(ps, step.kind === "running" ? step.wakeAt : step.at);
  return false;
}

/**
 * For a running container not being stopped: a new image in the spec, or a liveness or
 * startup probe failure, starts a kill (computePodActions' reasons and messages).
 */
export function checkRunning(ps: PodSyncState, c: ContainerRef): void {
  const cs = statusOf(ps.status, c);
  const id = runningId(cs);
  if (!cs || !id) return;
  const cm = containerMemory(ps.memory, c.spec.name);
  if (cm.kill) return;
  const grace = ps.pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (cm.image !== undefined && c.spec.image !== cm.image) {
    startKill(ps, c, cm, id, "changed", grace, `Container ${c.spec.name} definition changed, will be restarted`);
    return;
  }
  const failed = runProbes(ps, c, cm, id);
  if (failed === "ok") return;
  const probe = failed === "liveness" ? c.spec.livenessProbe : c.spec.startupProbe;
  const restart = ps.pod.spec?.restartPolicy !== "Never" || c.sidecar;
  const message = `Container ${c.spec.name} failed ${failed} probe${restart ? ", will be restarted" : ""}`;
  startKill(ps, c, cm, id, failed, probe?.terminationGracePeriodSeconds ?? grace, message);
}
