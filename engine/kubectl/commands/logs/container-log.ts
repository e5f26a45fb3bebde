/**
 * What a container's log request meets on its way: the API server's container check
 * (pkg/registry/core/pod/strategy.go LogLocation) and the kubelet's state check
 * (kubelet_pods.go validateContainerLogStatus), each with its own error text. The lines
 * themselves come from a LogSource keyed by container ID: the container runtime's log.
 */
import type { Result } from "../../../api/errors";
import { badRequest, fail, ok } from "../../../api/errors";
import type { KubeObject } from "../../../api/object";

export interface LogLine {
  /** when the container wrote the line, ms since the epoch */
  readonly time: number;
  /** the line without its newline */
  readonly text: string;
}

/** The runtime's log store: the lines a container (by its containerID) has written. */
export type LogSource = (containerID: string) => readonly LogLine[];

export const NO_LOGS: LogSource = () => [];

type Named = { name: string };
type Terminated = { containerID?: string };
type ContainerStatus = {
  name: string;
  containerID?: string;
  state?: { running?: object; terminated?: Terminated; waiting?: { reason?: string } };
  lastState?: { terminated?: Terminated };
};

const names = (pod: KubeObject, key: string): string[] => ((((pod.spec as Record<string, unknown> | undefined)?.[key] as Named[] | undefined) ?? []).map((c) => c.name));

/** LogLocation: an empty container name is allowed only for a pod with one container. */
function validateContainer(pod: KubeObject, container: string): Result<string> {
  const name = pod.metadata.name ?? "";
  const containers = names(pod, "containers");
  if (!container) {
    if (containers.length === 1) return ok(containers[0]);
    if (containers.length === 0) return fail(badRequest(`a container name must be specified for pod ${name}`));
    const inits = names(pod, "initContainers");
    const more = inits.length ? ` or one of the init containers: [${inits.join(" ")}]` : "";
    return fail(badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]${more}`));
  }
  const all = [...containers, ...names(pod, "initContainers"), ...names(pod, "ephemeralContainers")];
  return all.includes(container) ? ok(container) : fail(badRequest(`container ${container} is not valid for pod ${name}`));
}

/** validateContainerLogStatus: which container instance's log to read, or why there is none. */
function containerID(pod: KubeObject, container: string, previous: boolean): Result<string> {
  const podName = pod.metadata.name ?? "";
  const status = (pod.status ?? {}) as Record<string, ContainerStatus[] | undefined>;
  const cs = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
  const which = `container "${container}" in pod "${podName}"`;
  if (!cs) return fail(badRequest(`${which} is not available`));
  const last = cs.lastState?.terminated;
  const { running, terminated, waiting } = cs.state ?? {};
  if (previous) return last?.containerID ? ok(last.containerID) : fail(badRequest(`previous terminated ${which} not found`));
  if (running) return ok(cs.containerID ?? "");
  if (terminated) {
    if (terminated.containerID) return ok(terminated.containerID);
    return last?.containerID ? ok(last.containerID) : fail(badRequest(`${which} is terminated`));
  }
  if (last) return last.containerID ? ok(last.containerID) : fail(badRequest(`${which} is terminated`));
  if (waiting) {
    if (waiting.reason === "ErrImagePull") return fail(badRequest(`${which} is waiting to start: image can't be pulled`));
    if (waiting.reason === "ImagePullBackOff") return fail(badRequest(`${which} is waiting to start: trying and failing to pull image`));
    return fail(badRequest(`${which} is waiting to start: ${waiting.reason ?? ""}`));
  }
  return fail(badRequest(`${which} is waiting to start - no logs yet`));
}

/**
 * Which container instance `GET pods/<name>/log?container=<c>` reads: its containerID
 * (`containerd://…`), undefined for a pod not yet bound to a node (whose log is empty),
 * or the server's or kubelet's BadRequest.
 */
export function logContainerID(pod: KubeObject, container: string, opts: { previous: boolean }): Result<string | undefined> {
  const valid = validateContainer(pod, container);
  if (!valid.ok) return valid;
  if (!(pod.spec as Record<string, unknown> | undefined)?.nodeName) return ok(undefined);
  return containerID(pod, valid.value, opts.previous);
}

/** The log of one container of a pod, as `GET pods/<name>/log?container=<c>` answers it. */
export function containerLog(pod: KubeObject, container: string, opts: { previous: boolean }, source: LogSource = NO_LOGS): Result<LogLine[]> {
  const id = logContainerID(pod, container, opts);
  if (!id.ok) return id;
  return ok(id.value === undefined ? [] : [...source(id.value)]);
}

/** The container runtime's id of a container: its containerID without the `containerd://` scheme. */
export function runtimeID(containerID: string): string {
  return containerID.replace(/^containerd:\/\//, "");
}
