/**
 * A pod as the scheduler reads it (framework.PodInfo): its effective requests, its host
 * ports, its priority. Computed once per stored object, which the store never mutates.
 * Pods that finished (Succeeded or Failed) count for nothing, as the scheduler's informer
 * filters them out; pods shutting down still count.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { nonZeroRequests, podRequests } from "./resources";
import type { HostPort, PodInfo } from "./types";

const podInfos = new WeakMap<KubeObject, PodInfo>();

function hostPortsOf(pod: Pod): HostPort[] {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always")];
  const out: HostPort[] = [];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if ((p.hostPort ?? 0) > 0) out.push({ protocol: p.protocol ?? "TCP", hostIP: p.hostIP || "0.0.0.0", port: p.hostPort ?? 0 });
    }
  }
  return out;
}

export function podInfo(object: KubeObject): PodInfo {
  const cached = podInfos.get(object);
  if (cached) return cached;
  const pod = object as unknown as Pod;
  const info: PodInfo = {
    object,
    pod,
    uid: object.metadata.uid ?? "",
    name: object.metadata.name ?? "",
    namespace: object.metadata.namespace ?? "default",
    labels: object.metadata.labels ?? {},
    priority: pod.spec?.priority ?? 0,
    requests: podRequests(pod),
    nonZero: nonZeroRequests(pod),
    hostPorts: hostPortsOf(pod),
  };
  podInfos.set(object, info);
  return info;
}

export const isTerminal = (o: KubeObject): boolean => {
  const phase = (o.status as { phase?: string } | undefined)?.phase;
  return phase === "Succeeded" || phase === "Failed";
};

export const nodeNameOf = (o: KubeObject): string => (o.spec as { nodeName?: string } | undefined)?.nodeName ?? "";
