/**
 * A container of a pod as the kubelet handles it: its spec, which list it is in, and
 * whether it is a sidecar (an init container with `restartPolicy: Always`).
 */
import type { Container, ContainerStatus, Pod, PodStatus } from "kubernetes-types/core/v1";

export interface ContainerRef {
  readonly spec: Container;
  readonly init: boolean;
  readonly sidecar: boolean;
  /** the involvedObject.fieldPath of its events, `spec.containers{app}` */
  readonly fieldPath: string;
}

function refs(list: readonly Container[] | undefined, init: boolean): ContainerRef[] {
  return (list ?? []).map((spec) => ({
    spec,
    init,
    sidecar: init && spec.restartPolicy === "Always",
    fieldPath: `spec.${init ? "initContainers" : "containers"}{${spec.name}}`,
  }));
}

export function initContainers(pod: Pod): ContainerRef[] {
  return refs(pod.spec?.initContainers, true);
}

export function regularContainers(pod: Pod): ContainerRef[] {
  return refs(pod.spec?.containers, false);
}

export function allContainers(pod: Pod): ContainerRef[] {
  return [...initContainers(pod), ...regularContainers(pod)];
}

/** The status entry of a container in the working status (undefined before the kubelet wrote one). */
export function statusOf(status: Pick<PodStatus, "containerStatuses" | "initContainerStatuses">, c: ContainerRef): ContainerStatus | undefined {
  const list = c.init ? status.initContainerStatuses : status.containerStatuses;
  return list?.find((s) => s.name === c.spec.name);
}

/** The runtime id of the container's current process, if it runs. */
export function runningId(cs: ContainerStatus | undefined): string | undefined {
  return cs?.state?.running && cs.containerID ? stripRuntime(cs.containerID) : undefined;
}

export function stripRuntime(containerID: string): string {
  return containerID.replace(/^containerd:\/\//, "");
}

/** format.Pod: how the kubelet names a pod in messages, `app_default(<uid>)`. */
export function podDescription(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}
