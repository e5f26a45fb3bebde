/**
 * killContainer (kuberuntime_container.go): a Killing event, the preStop hook (its time
 * counts against the grace period), SIGTERM, and SIGKILL when the grace period is over,
 * never sooner than 2 s after SIGTERM (minimumGracePeriodInSeconds).
 */
import type { LifecycleHandler } from "kubernetes-types/core/v1";
import type { ProcessStep } from "../../runtime/types";
import type { ContainerRef } from "./container-ref";
import { podDescription } from "./container-ref";
import { nodeInternalIP } from "./pod-ip";
import type { ContainerMemory, KillMemory } from "./pod-memory";
import type { PodSyncState } from "./pod-sync-state";
import { record, wake } from "./pod-sync-state";
import { probeSpec } from "./prober";

const MINIMUM_GRACE_MS = 2000;

/**
 * How long a hook's command keeps the container busy. The runtime answers exec at once,
 * so the `sleep N` in a hook (the usual way to delay shutdown) is read from the command.
 */
export function hookDurationMs(command: readonly string[]): number {
  const words = command.join(" ").split(/[\s;&|]+/);
  let ms = 0;
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === "sleep" && /^\d+(\.\d+)?$/.test(words[i + 1])) ms += Number(words[i + 1]) * 1000;
  }
  return ms;
}

/** Runs a lifecycle hook; its duration, and the kubelet's failure message if it failed. */
export function runHook(ps: PodSyncState, c: ContainerRef, id: string, h: LifecycleHandler): { ms: number; failure?: string } {
  const pod = podDescription(ps.pod);
  if (h.exec) {
    const command = h.exec.command ?? [];
    const r = ps.ctx.runtime.exec(id, command, "", ps.now);
    const head = `Exec lifecycle hook ([${command.join(" ")}]) for Container "${c.spec.name}" in Pod "${pod}" failed - error: `;
    if (r.startError) return { ms: 0, failure: `${head}rpc error: code = Unknown desc = failed to exec in container: ${r.startError}, message: ""` };
    const ms = hookDurationMs(command);
    if (r.exitCode === 0) return { ms };
    return { ms, failure: `${head}command '${command.join(" ")}' exited with ${r.exitCode}: ${r.stderr}, message: ${JSON.stringify(r.stdout + r.stderr)}` };
  }
  if (h.httpGet) {
    const r = ps.ctx.runtime.probe(id, probeSpec({ httpGet: h.httpGet }, c.spec, nodeInternalIP(ps.node)), ps.now);
    return r.success ? { ms: 0 } : { ms: 0, failure: `HTTP lifecycle hook (${h.httpGet.path ?? ""}) for Container "${c.spec.name}" in Pod "${pod}" failed - error: ${r.output}` };
  }
  if (h.sleep) return { ms: h.sleep.seconds * 1000 };
  return { ms: 0 };
}

/** Starts stopping a running container: event, preStop, and the times of SIGTERM and SIGKILL. */
export function startKill(ps: PodSyncState, c: ContainerRef, cm: ContainerMemory, id: string, cause: KillMemory["cause"], graceSeconds: number, message: string): void {
  record(ps, c, "Normal", "Killing", message);
  const graceMs = Math.max(0, graceSeconds * 1000);
  let hookMs = 0;
  const preStop = c.spec.lifecycle?.preStop;
  if (preStop && graceMs > 0) {
    const hook = runHook(ps, c, id, preStop);
    if (hook.failure) record(ps, c, "Warning", "FailedPreStopHook", hook.failure);
    hookMs = Math.min(hook.ms, graceMs);
  }
  const termAt = ps.now + hookMs;
  cm.kill = { cause, termAt, killAt: termAt + Math.max(graceMs - hookMs, MINIMUM_GRACE_MS), signaled: false };
  wake(ps, termAt);
}

/**
 * Sends what is due (SIGTERM after the hook, SIGKILL at the deadline) and returns how the
 * process stands afterwards, or undefined when nothing was sent.
 */
export function progressKill(ps: PodSyncState, cm: ContainerMemory, id: string): ProcessStep | undefined {
  const kill = cm.kill;
  if (!kill) return undefined;
  let step: ProcessStep | undefined;
  if (!kill.signaled && ps.now >= kill.termAt) {
    step = ps.ctx.runtime.signal(id, "TERM", ps.now);
    cm.kill = { ...kill, signaled: true };
    if (step.kind === "exited" && step.at <= ps.now) return step;
  }
  if (ps.now >= kill.killAt) return ps.ctx.runtime.signal(id, "KILL", ps.now);
  wake(ps, cm.kill?.signaled ? kill.killAt : kill.termAt);
  return step;
}
