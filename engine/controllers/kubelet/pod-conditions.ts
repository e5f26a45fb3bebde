/**
 * The kubelet's pod conditions (pkg/kubelet/status/generate.go) in their fixed order
 * after any condition it does not own: PodReadyToStartContainers, Initialized, Ready,
 * ContainersReady, PodScheduled. A condition keeps its lastTransitionTime while its
 * status stays the same.
 */
import type { ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import { timestamp } from "../../api/object";
import type { PodPhase } from "./pod-phase";
import { anyRegularStarted } from "./pod-phase";

const KUBELET_OWNED = new Set(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]);

/** A pod condition as the API serves it: `lastProbeTime: null` and the generation it was computed for. */
export type KubeletPodCondition = Omit<PodCondition, "lastProbeTime"> & { lastProbeTime: null; observedGeneration: number };

type Generated = { status: "True" | "False"; reason?: string; message?: string };

/** Go's %s of a []string: `[a b]`. */
const list = (names: readonly string[]) => `[${names.join(" ")}]`;

function containersReady(pod: Pod, statuses: readonly ContainerStatus[], phase: PodPhase): Generated {
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string) => {
    const s = statuses.find((x) => x.name === name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === "Always") check(c.name);
  for (const c of pod.spec?.containers ?? []) check(c.name);
  if (phase === "Succeeded" && unknown.length === 0) return { status: "False", reason: "PodCompleted" };
  if (phase === "Failed") return { status: "False", reason: "PodFailed" };
  const messages = [...(unknown.length ? [`containers with unknown status: ${list(unknown)}`] : []), ...(unready.length ? [`containers with unready status: ${list(unready)}`] : [])];
  return messages.length ? { status: "False", reason: "ContainersNotReady", message: messages.join(", ") } : { status: "True" };
}

function ready(pod: Pod, others: readonly PodCondition[], cr: Generated): Generated {
  if (cr.status !== "True") return cr;
  const messages: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = others.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== "True") messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  return messages.length ? { status: "False", reason: "ReadinessGatesNotReady", message: messages.join(", ") } : { status: "True" };
}

function initialized(pod: Pod, statuses: readonly ContainerStatus[], phase: PodPhase): Generated {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (c.restartPolicy === "Always" ? !s.started : !s.ready) incomplete.push(c.name);
  }
  if (phase === "Succeeded" && unknown.length === 0) return { status: "True", reason: "PodCompleted" };
  if (anyRegularStarted(pod, statuses)) return { status: "True" };
  const messages = [...(unknown.length ? [`containers with unknown status: ${list(unknown)}`] : []), ...(incomplete.length ? [`containers with incomplete status: ${list(incomplete)}`] : [])];
  return messages.length ? { status: "False", reason: "ContainersNotInitialized", message: messages.join(", ") } : { status: "True" };
}

export interface ConditionInputs {
  readonly pod: Pod;
  readonly previous: readonly PodCondition[];
  readonly statuses: readonly ContainerStatus[];
  readonly phase: PodPhase;
  readonly sandboxReady: boolean;
  readonly now: number;
}

export function podConditions(inputs: ConditionInputs): (PodCondition | KubeletPodCondition)[] {
  const { pod, previous, statuses, phase, now } = inputs;
  const others = previous.filter((c) => !KUBELET_OWNED.has(c.type));
  const cr = containersReady(pod, statuses, phase);
  const generated: [string, Generated][] = [
    ["PodReadyToStartContainers", { status: inputs.sandboxReady ? "True" : "False" }],
    ["Initialized", initialized(pod, statuses, phase)],
    ["Ready", ready(pod, others, cr)],
    ["ContainersReady", cr],
    ["PodScheduled", { status: "True" }],
  ];
  const generation = pod.metadata?.generation ?? 1;
  return [
    ...others,
    ...generated.map(([type, g]): KubeletPodCondition => {
      const old = previous.find((c) => c.type === type);
      return {
        lastProbeTime: null,
        lastTransitionTime: old && old.status === g.status && old.lastTransitionTime ? old.lastTransitionTime : timestamp(now),
        ...(g.message ? { message: g.message } : {}),
        observedGeneration: generation,
        ...(g.reason ? { reason: g.reason } : {}),
        status: g.status,
        type,
      };
    }),
  ];
}
