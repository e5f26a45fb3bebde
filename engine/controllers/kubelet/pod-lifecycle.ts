/**
 * The order containers run in (computePodActions): init containers one at a time, a
 * sidecar letting the next one start once it has started; then the regular containers
 * in spec order, each created only once the image pull of the one before has ended,
 * with sidecars kept running; and when a pod that does not restart everything has
 * finished its regular containers, its sidecars stopped last-first.
 */
import type { ContainerRef } from "./container-ref";
import { initContainers, regularContainers, statusOf } from "./container-ref";
import type { ContainerProgress } from "./container-start";
import { advanceContainer, stopContainer } from "./container-start";
import { anyRegularStarted } from "./pod-phase";
import type { PodSyncState } from "./pod-sync-state";
import { startupPassed } from "./prober";

export interface SequenceResult {
  /** a container was started in this step */
  readonly started: boolean;
  /** nothing runs and nothing will run again */
  readonly terminal: boolean;
}

const isRunning = (ps: PodSyncState, c: ContainerRef) => Boolean(statusOf(ps.status, c)?.state?.running);

/** Stops the last running sidecar; the ones before it wait for it (reverse order). */
function stopSidecars(ps: PodSyncState): boolean {
  const running = initContainers(ps.pod).filter((c) => isRunning(ps, c));
  const last = running[running.length - 1];
  if (last) stopContainer(ps, last, "completed", ps.pod.spec?.terminationGracePeriodSeconds ?? 30);
  return running.length === 0;
}

export function sequenceContainers(ps: PodSyncState): SequenceResult {
  let started = false;
  const advance = (c: ContainerRef): ContainerProgress => {
    const before = isRunning(ps, c);
    const progress = advanceContainer(ps, c);
    if (!before && progress === "running") started = true;
    return progress;
  };
  const statuses = [...(ps.status.initContainerStatuses ?? []), ...(ps.status.containerStatuses ?? [])];
  if (!anyRegularStarted(ps.pod, statuses)) {
    for (const c of initContainers(ps.pod)) {
      const progress = advance(c);
      if (c.sidecar) {
        if (progress === "running" && startupPassed(c.spec, ps.memory.containers[c.spec.name])) continue;
        return { started, terminal: false };
      }
      const terminated = statusOf(ps.status, c)?.state?.terminated;
      if (progress === "done" && terminated?.exitCode === 0) continue;
      if (progress === "done") return { started, terminal: stopSidecars(ps) };
      return { started, terminal: false };
    }
  }
  // started in spec order: one whose image is still being pulled holds up those after it
  const progress: ContainerProgress[] = [];
  let pulling = false;
  for (const c of regularContainers(ps.pod)) {
    progress.push(pulling && !isRunning(ps, c) ? "waiting" : advance(c));
    if (ps.memory.containers[c.spec.name]?.pull?.inFlight) pulling = true;
  }
  if (progress.every((p) => p === "done")) return { started, terminal: stopSidecars(ps) };
  for (const c of initContainers(ps.pod)) if (c.sidecar) advance(c);
  return { started, terminal: false };
}
