/**
 * The kubelet's predicate admission (pkg/kubelet/lifecycle/predicate.go), run once when a
 * pod first reaches its node: the pod's `kubernetes.io/os` label and `spec.os` must say
 * linux, then the scheduler's AdmissionCheck against the pods already admitted there
 * (resources, required node affinity, host ports), then the node's NoExecute taints
 * (static pods skip that one). Only the first failure is reported; a pod that fails is
 * never started (see `rejectPod`).
 *
 * A critical pod (a static or mirror pod, or priority system-cluster-critical and up) that
 * lacks only resources is let in: the real kubelet would first evict lower-priority pods
 * to make room, which is not simulated.
 */
import type { Node, Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { timestamp } from "../../api/object";
import { isTerminal, podInfo } from "../scheduler/pod-info";
import { ERR_REASON_POD } from "../scheduler/plugins/node-affinity";
import { ERR_REASON_PORTS, portsConflict } from "../scheduler/plugins/node-ports";
import type { Shortage } from "../scheduler/plugins/node-resources-fit";
import { fits } from "../scheduler/plugins/node-resources-fit";
import { addResources, allocatableOf, emptyResources } from "../scheduler/resources";
import { anyTermMatches } from "../scheduler/selectors";
import { untoleratedTaint } from "../scheduler/taints";
import type { KubeletPodStatus } from "./pod-sync-state";
import { CONFIG_MIRROR } from "./static-pods";

export interface Rejection {
  readonly reason: string;
  readonly message: string;
}

/** tainttoleration.ErrReasonNotMatch, which the kubelet still reports as a predicate failure. */
const ERR_REASON_TAINTS = "node(s) had taints that the pod didn't tolerate";
/** scheduling.SystemCriticalPriority */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
const OS_LABEL = "kubernetes.io/os";
/** runtime.GOOS of every simulated node */
const NODE_OS = "linux";

const predicateFailure = (name: string, desc: string): Rejection => ({ reason: name, message: `Predicate ${name} failed: ${desc}` });

/** InsufficientResourceError: `OutOfcpu`, `OutOfmemory`, `OutOfpods`, `OutOfephemeral-storage`, or OutOf + the name. */
const insufficient = (s: Shortage): Rejection => ({
  reason: `OutOf${s.resourceName}`,
  message: `Node didn't have enough resource: ${s.resourceName}, requested: ${s.requested}, used: ${s.used}, capacity: ${s.capacity}`,
});

const isStatic = (pod: KubeObject) => pod.metadata.annotations?.[CONFIG_MIRROR] !== undefined;

function isCritical(pod: KubeObject): boolean {
  return isStatic(pod) || ((pod as unknown as Pod).spec?.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
}

function requiredAffinityMatches(pod: Pod, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  if (!Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || anyTermMatches(terms, labels, node.metadata.name ?? "");
}

/**
 * Admit, as a verdict: undefined when the pod may run on `node`, beside `admitted` (the node's other
 * pods the kubelet already let in and that have not finished).
 */
export function admissionFailure(object: KubeObject, node: KubeObject, admitted: readonly KubeObject[]): Rejection | undefined {
  const pod = object as unknown as Pod;
  const osLabel = object.metadata.labels?.[OS_LABEL];
  if (osLabel !== undefined && osLabel !== NODE_OS) return { reason: "PodOSSelectorNodeLabelDoesNotMatch", message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label" };
  if (pod.spec?.os?.name !== undefined && pod.spec.os.name !== NODE_OS) return { reason: "PodOSNotSupported", message: "Failed to admit pod as the OS field doesn't match node OS" };
  const others = admitted.filter((p) => !isTerminal(p));
  const requested = emptyResources();
  for (const p of others) addResources(requested, podInfo(p).requests);
  const info = podInfo(object);
  const nodeStatus = (node.status ?? {}) as { allocatable?: Record<string, string> };
  const shortages = fits(info.requests, { allocatable: allocatableOf(nodeStatus.allocatable), requested, podCount: others.length });
  const failures: Rejection[] = isCritical(object) ? [] : shortages.map(insufficient);
  if (!requiredAffinityMatches(pod, node)) failures.push(predicateFailure("NodeAffinity", ERR_REASON_POD));
  const used = others.flatMap((p) => podInfo(p).hostPorts);
  if (info.hostPorts.some((w) => used.some((u) => portsConflict(w, u)))) failures.push(predicateFailure("NodePorts", ERR_REASON_PORTS));
  const taints = (node as unknown as Node).spec?.taints;
  if (!isStatic(object) && untoleratedTaint(taints, pod.spec?.tolerations, (t) => t.effect === "NoExecute")) failures.push(predicateFailure("TaintToleration", ERR_REASON_TAINTS));
  return failures[0];
}

/**
 * rejectPod's status, as the status manager writes it: Failed with the reason and
 * "Pod was rejected: " + the message, the conditions the kubelet does not own kept, and
 * a start time.
 */
export function rejectedStatus(previous: KubeletPodStatus, rejection: Rejection, now: number): KubeletPodStatus {
  const kubeletOwned = new Set(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"]);
  const kept = (previous.conditions ?? []).filter((c) => !kubeletOwned.has(c.type));
  return {
    ...(kept.length ? { conditions: kept } : {}),
    message: `Pod was rejected: ${rejection.message}`,
    phase: "Failed",
    ...(previous.qosClass ? { qosClass: previous.qosClass } : {}),
    reason: rejection.reason,
    startTime: previous.startTime ?? timestamp(now),
  };
}
