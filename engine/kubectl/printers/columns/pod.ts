/**
 * `kubectl get pods`: printPod of printers.go. READY counts ready regular containers and
 * started-and-ready sidecars (restartable init containers); STATUS is the phase (or
 * status.reason) overridden by the first failing or waiting init container, then by the
 * reason of the first regular container that has one, then by Terminating; RESTARTS adds
 * `(<age> ago)` of the latest container termination.
 */

import type { Container, Pod, PodCondition } from "kubernetes-types/core/v1";
import { age } from "../duration";
import { AGE, defineColumns, NAME } from "./column";

interface PodSummary {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

const isSidecar = (c: Container | undefined) => c?.restartPolicy === "Always";

const conditionTrue = (conditions: readonly PodCondition[], type: string) => conditions.find((c) => c.type === type)?.status === "True";

function later(current: string | undefined, candidate: string | undefined): string | undefined {
  if (!candidate) return current;
  return !current || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  const phase = status.phase ?? "";
  let reason = status.reason || phase;
  if (conditions.some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) reason = "SchedulingGated";

  const total = (spec?.containers?.length ?? 0) + (spec?.initContainers ?? []).filter(isSidecar).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: string | undefined;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(c.name));
    const finishedAt = c.lastState?.terminated?.finishedAt;
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) reason = `Init:${terminated.reason || exitText(terminated.signal, terminated.exitCode)}`;
    else if (waiting?.reason && waiting.reason !== "PodInitializing") reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(conditions, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    let errorReason = "";
    const statuses = status.containerStatuses ?? [];
    // Walked backwards so that the first container's reason is the one left standing.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const terminated = c.state?.terminated;
      if (c.state?.waiting?.reason) {
        reason = c.state.waiting.reason;
      } else if (terminated) {
        reason = terminated.reason || exitText(terminated.signal, terminated.exitCode);
        if ((terminated.exitCode ?? 0) !== 0) errorReason = reason;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed") {
      if (hasRunning && conditionTrue(conditions, "Ready")) reason = "Running";
      else if (errorReason) reason = errorReason;
      else if (hasRunning) reason = "NotReady";
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata?.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${age(lastRestart, now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

/** Three columns read one summary; stored objects are never mutated, so it is computed once per row. */
const summaries = new WeakMap<Pod, { now: number; summary: PodSummary }>();

function summaryOf(pod: Pod, now: number): PodSummary {
  const cached = summaries.get(pod);
  if (cached && cached.now === now) return cached.summary;
  const summary = podSummary(pod, now);
  summaries.set(pod, { now, summary });
  return summary;
}

function exitText(signal: number | undefined, exitCode: number | undefined): string {
  return signal ? `Signal:${signal}` : `ExitCode:${exitCode ?? 0}`;
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  const conditions = pod.status?.conditions ?? [];
  const passing = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === "True").length;
  return `${passing}/${gates.length}`;
}

export const POD_COLUMNS = defineColumns<Pod>([
  NAME,
  { name: "Ready", priority: 0, cell: (p, now) => summaryOf(p, now).ready },
  { name: "Status", priority: 0, cell: (p, now) => summaryOf(p, now).status },
  { name: "Restarts", priority: 0, cell: (p, now) => summaryOf(p, now).restarts },
  AGE,
  // The v1→internal conversion fills podIPs from podIP, so either field names the first IP.
  { name: "IP", priority: 1, cell: (p) => p.status?.podIPs?.[0]?.ip || p.status?.podIP || "<none>" },
  { name: "Node", priority: 1, cell: (p) => p.spec?.nodeName || "<none>" },
  { name: "Nominated Node", priority: 1, cell: (p) => p.status?.nominatedNodeName || "<none>" },
  { name: "Readiness Gates", priority: 1, cell: readinessGates },
]);
