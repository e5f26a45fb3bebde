/**
 * The fields of a container status the kubelet fills (convertToAPIContainerStatuses):
 * the default waiting entry, and what a created container adds (ids, normalized image,
 * resources, user).
 */
import type { Container, ContainerStatus, PodStatus } from "kubernetes-types/core/v1";
import type { ContainerRef } from "./container-ref";

export type KubeletContainerStatus = ContainerStatus & {
  user?: { linux: { uid: number; gid: number; supplementalGroups: number[] } };
};

function volumeMounts(c: Container): ContainerStatus["volumeMounts"] {
  const mounts = (c.volumeMounts ?? []).map((m) => ({
    mountPath: m.mountPath,
    name: m.name,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: "Disabled" } : {}),
  }));
  return mounts.length ? mounts : undefined;
}

/** What a container shows before it was ever created: waiting for the sandbox or for init containers. */
export function defaultStatus(c: ContainerRef, podHasInit: boolean): KubeletContainerStatus {
  const mounts = volumeMounts(c.spec);
  return {
    image: c.spec.image ?? "",
    imageID: "",
    lastState: {},
    name: c.spec.name,
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason: podHasInit ? "PodInitializing" : "ContainerCreating" } },
    ...(mounts ? { volumeMounts: mounts } : {}),
  };
}

/** Status entries for every container of a list, keeping the ones already written. */
export function ensureStatuses(status: Pick<PodStatus, "containerStatuses" | "initContainerStatuses">, refs: readonly ContainerRef[], podHasInit: boolean): void {
  if (!refs.length) return;
  const key = refs[0].init ? "initContainerStatuses" : "containerStatuses";
  const old = new Map((status[key] ?? []).map((s) => [s.name, s]));
  const list = refs.map((c) => old.get(c.spec.name) ?? defaultStatus(c, podHasInit));
  // the kubelet sorts regular container statuses by name; init ones stay in spec order
  if (!refs[0].init) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  status[key] = list;
}

/** What a created container reports: the runtime's image name and digest, its resources and user. */
export function markCreated(cs: KubeletContainerStatus, c: Container, podSecurity: { runAsUser?: number; runAsGroup?: number; supplementalGroups?: number[] } | undefined, containerID: string, image: string, imageID: string): void {
  cs.containerID = `containerd://${containerID}`;
  cs.image = image;
  cs.imageID = imageID;
  cs.resources = structuredClone(c.resources ?? {});
  if (c.resources?.requests && Object.keys(c.resources.requests).length) cs.allocatedResources = structuredClone(c.resources.requests);
  else delete cs.allocatedResources;
  const uid = c.securityContext?.runAsUser ?? podSecurity?.runAsUser ?? 0;
  const gid = c.securityContext?.runAsGroup ?? podSecurity?.runAsGroup ?? 0;
  cs.user = { linux: { uid, gid, supplementalGroups: [...new Set([gid, ...(podSecurity?.supplementalGroups ?? [])])] } };
}
