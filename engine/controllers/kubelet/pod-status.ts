/**
 * generateAPIPodStatus: once the containers have been synced, the started and ready flags
 * (from the probe results), the phase, the conditions and observedGeneration.
 */
import type { ContainerStatus } from "kubernetes-types/core/v1";
import { allContainers, statusOf } from "./container-ref";
import type { PodMemory } from "./pod-memory";
import { podConditions } from "./pod-conditions";
import type { PodPhase } from "./pod-phase";
import { podPhase } from "./pod-phase";
import type { PodSyncState } from "./pod-sync-state";
import { readinessPassed, startupPassed } from "./prober";

const TERMINAL = new Set(["Succeeded", "Failed"]);

export function isTerminalPhase(phase: string | undefined): boolean {
  return TERMINAL.has(phase ?? "");
}

function setFlags(ps: PodSyncState, memory: PodMemory): void {
  for (const c of allContainers(ps.pod)) {
    const cs = statusOf(ps.status, c);
    if (!cs) continue;
    const cm = memory.containers[c.spec.name];
    const running = Boolean(cs.state?.running);
    cs.started = running && startupPassed(c.spec, cm);
    if (c.init && !c.sidecar) cs.ready = Boolean(cs.state?.terminated && cs.state.terminated.exitCode === 0);
    else cs.ready = running && readinessPassed(c.spec, cm);
  }
}

/** Fills in the derived parts of the working status; `podIsTerminal` once nothing will run again. */
export function generateStatus(ps: PodSyncState, podIsTerminal: boolean): void {
  setFlags(ps, ps.memory);
  const statuses: ContainerStatus[] = [...(ps.status.initContainerStatuses ?? []), ...(ps.status.containerStatuses ?? [])];
  let phase: PodPhase = podPhase(ps.pod, statuses, podIsTerminal);
  const previous = ps.pod.status?.phase;
  if (!TERMINAL.has(phase) && previous && TERMINAL.has(previous)) phase = previous as PodPhase;
  ps.status.phase = phase;
  const sandboxReady = ps.memory.sandboxAt !== undefined && ps.now >= ps.memory.sandboxAt && !podIsTerminal && !TERMINAL.has(phase);
  ps.status.conditions = podConditions({ pod: ps.pod, previous: ps.pod.status?.conditions ?? [], statuses, phase, sandboxReady, now: ps.now });
  ps.status.observedGeneration = ps.pod.metadata?.generation ?? 1;
}
