/**
 * getPhase (pkg/kubelet/kubelet_pods.go): the pod phase from its container statuses.
 * Sidecars count as running but never make a pod terminal; a failed init container
 * fails the pod only under restartPolicy Never.
 */
import type { ContainerStatus, Pod } from "kubernetes-types/core/v1";

export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed";

const find = (statuses: readonly ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

/** HasAnyRegularContainerStarted: a regular container runs or has run. */
export function anyRegularStarted(pod: Pod, statuses: readonly ContainerStatus[]): boolean {
  return (pod.spec?.containers ?? []).some((c) => {
    const s = find(statuses, c.name);
    return Boolean(s?.state?.running || s?.state?.terminated || s?.lastState?.terminated);
  });
}

export function podPhase(pod: Pod, statuses: readonly ContainerStatus[], podIsTerminal: boolean): PodPhase {
  const spec = pod.spec;
  let pendingInit = 0;
  let pendingSidecars = 0;
  let failedInit = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec?.initContainers ?? []) {
    const s = find(statuses, c.name);
    const sidecar = c.restartPolicy === "Always";
    if (!s) {
      if (sidecar) unknown++;
      else pendingInit++;
      continue;
    }
    if (sidecar) {
      if (s.state?.running) {
        if (!s.started) pendingSidecars++;
        running++;
      } else if (s.state?.waiting && !s.lastState?.terminated) {
        pendingSidecars++;
        waiting++;
      } else if (!s.state?.terminated && !s.state?.waiting) {
        pendingSidecars++;
        unknown++;
      }
      continue;
    }
    if (s.state?.running) pendingInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state?.waiting && s.lastState?.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInit++;
    } else pendingInit++;
  }
  for (const c of spec?.containers ?? []) {
    const s = find(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = spec?.restartPolicy ?? "Always";
  if (failedInit > 0 && policy === "Never") return "Failed";
  if (pendingInit > 0 || (pendingSidecars > 0 && !anyRegularStarted(pod, statuses)) || waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}
