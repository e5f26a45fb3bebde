/**
 * Where a connection from inside a container (or from the kubelet on the node) lands:
 * the pod's own servers on localhost, another pod by its IP, or — through the cluster's
 * DNS and kube-proxy, which the cluster supplies as a ClusterNetwork — a Service.
 */
import type { ContainerState } from "./container-state";
import type { Program } from "./programs/program";
import type { DaemonState } from "./sh/process-state";

/** Cluster DNS and Service routing, supplied by the cluster (the runtime knows no Services). */
export interface ClusterNetwork {
  /**
   * A name or address typed inside a pod of `namespace` (`my-svc`, `my-svc.ns.svc.cluster.local`,
   * a ClusterIP): the address it resolves to and, when an endpoint takes the connection, that
   * pod's IP and port. Undefined when the name does not resolve.
   */
  resolve(host: string, port: number, namespace: string | undefined): { readonly ip: string; readonly target?: { readonly podIP: string; readonly port: number } } | undefined;
}

export interface PodAddress {
  readonly podUid: string;
  readonly podIP: string;
  readonly podName: string;
  readonly namespace: string;
}

export interface PodListener {
  readonly port: number;
  readonly proto: "http" | "tcp" | "grpc";
  readonly tls?: boolean;
  readonly container: ContainerState;
  readonly program: Program;
  readonly daemon: DaemonState;
}

export interface NetworkView {
  /** the pods (by uid) that have this IP: one, or several host-network pods of a node */
  podsAt(ip: string): readonly string[];
  listeners(podUid: string): readonly PodListener[];
  readonly network?: ClusterNetwork;
}

export type Route = { readonly kind: "listener"; readonly ip: string; readonly port: number; readonly listener: PodListener } | { readonly kind: "refused"; readonly ip: string; readonly port: number } | { readonly kind: "unresolved" };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function connect(view: NetworkView, podUids: readonly string[], ip: string, port: number): Route {
  for (const uid of podUids) {
    const listener = view.listeners(uid).find((l) => l.port === port);
    if (listener) return { kind: "listener", ip, port, listener };
  }
  return { kind: "refused", ip, port };
}

/** Connects from `from` (a pod; undefined for the node itself) to `host`:`port`. */
export function dialFrom(view: NetworkView, from: PodAddress | undefined, host: string, port: number): Route {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (from && (h === "localhost" || h.startsWith("127.") || h === "::1" || h === "0.0.0.0" || h === from.podIP || h === from.podName.toLowerCase())) {
    const ip = h === "localhost" ? "127.0.0.1" : h === from.podName.toLowerCase() ? from.podIP : h;
    return connect(view, [from.podUid], ip, port);
  }
  if (IPV4.test(h)) {
    const pods = view.podsAt(h);
    if (pods.length) return connect(view, pods, h, port);
  }
  const resolved = view.network?.resolve(h, port, from?.namespace);
  if (!resolved) return IPV4.test(h) ? { kind: "refused", ip: h, port } : { kind: "unresolved" };
  if (!resolved.target) return { kind: "refused", ip: resolved.ip, port };
  const target = resolved.target;
  const r = connect(view, view.podsAt(target.podIP), resolved.ip, target.port);
  return r.kind === "listener" ? { ...r, port } : { kind: "refused", ip: resolved.ip, port };
}
