/**
 * The kubelet's probers as the container answers them, with the prober's own output
 * texts (pkg/probe/{http,tcp,grpc,exec}): `HTTP probe failed with statuscode: 500`,
 * `Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused`,
 * `timeout: failed to connect service "10.244.1.5:2379" within 1s: context deadline exceeded`.
 */
import type { Dial } from "./sh/command";
import type { ProbeResult, ProbeSpec } from "./types";

export const KUBE_PROBE_USER_AGENT = "kube-probe/1.35";

export interface ProbeTarget {
  readonly podIP: string;
  /**
   * connects from the node to a pod address; `grpc` says whether a gRPC health service
   * answers there, `tls` whether the HTTP server speaks TLS, `steady` whether its answers
   * never change with time
   */
  dial(host: string, port: number): Dial & { readonly grpc?: boolean; readonly tls?: boolean; readonly steady?: boolean };
  /** runs an exec probe's command: its combined output, exit code, and how long it ran (ms) */
  exec(argv: readonly string[]): { readonly output: string; readonly exitCode: number; readonly elapsedMs: number; readonly startError?: string };
}

function portOf(port: number | string): number | undefined {
  if (typeof port === "number") return port;
  return /^\d+$/.test(port) ? Number(port) : undefined;
}

const isLoopback = (host: string) => host === "localhost" || host.startsWith("127.") || host === "::1";

/** The kubelet probes from the node: its loopback is the node's, where the host-network pods listen. */
function dialHost(spec: ProbeSpec, host: string): string {
  return isLoopback(host) && spec.nodeIP ? spec.nodeIP : host;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

export function runProbe(spec: ProbeSpec, target: ProbeTarget): ProbeResult {
  const timeout = spec.timeoutSeconds ?? 1;
  if (spec.exec) {
    const r = target.exec(spec.exec.command);
    if (r.startError) return { success: false, output: r.startError };
    if (r.elapsedMs > timeout * 1000) return { success: false, output: `command ${JSON.stringify(spec.exec.command.join(" "))} timed out` };
    return { success: r.exitCode === 0, output: r.output };
  }
  if (spec.httpGet) {
    const host = spec.httpGet.host || target.podIP;
    const port = portOf(spec.httpGet.port);
    const scheme = (spec.httpGet.scheme ?? "HTTP").toLowerCase();
    const url = `${scheme}://${joinHostPort(host, port ?? 0)}${spec.httpGet.path || "/"}`;
    if (port === undefined) return { success: false, output: `unable to resolve port: ${spec.httpGet.port}` };
    const d = target.dial(dialHost(spec, host), port);
    if (d.kind === "unresolved") return { success: false, output: `Get "${url}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host` };
    if (d.kind === "refused") return { success: false, output: `Get "${url}": dial tcp ${joinHostPort(isLoopback(host) ? host.replace(/^localhost$/, "127.0.0.1") : d.ip, port)}: connect: connection refused` };
    if (d.kind === "tcp") return { success: false, output: `Get "${url}": EOF` };
    if (scheme === "https" && !d.tls) return { success: false, output: `Get "${url}": http: server gave HTTP response to HTTPS client` };
    // Go's TLS server answers plain HTTP with 400 "Client sent an HTTP request to an HTTPS server."
    if (scheme !== "https" && d.tls) return { success: false, output: "HTTP probe failed with statuscode: 400" };
    // the prober does not verify the server's certificate, so an HTTPS probe reaches the handler
    const res = d.send({ method: "GET", path: spec.httpGet.path || "/", host: joinHostPort(host, port), userAgent: KUBE_PROBE_USER_AGENT, from: gateway(target.podIP) });
    if (res.status >= 200 && res.status < 400) return { success: true, output: res.body, ...(d.steady ? { steady: true } : {}) };
    return { success: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (spec.tcpSocket) {
    const host = spec.tcpSocket.host || target.podIP;
    const port = portOf(spec.tcpSocket.port);
    if (port === undefined) return { success: false, output: `unable to resolve port: ${spec.tcpSocket.port}` };
    const d = target.dial(dialHost(spec, host), port);
    if (d.kind === "unresolved") return { success: false, output: `dial tcp: lookup ${host} on 127.0.0.53:53: no such host` };
    if (d.kind === "refused") return { success: false, output: `dial tcp ${joinHostPort(isLoopback(host) ? host.replace(/^localhost$/, "127.0.0.1") : d.ip, port)}: connect: connection refused` };
    return { success: true, output: "" };
  }
  if (spec.grpc) {
    const addr = joinHostPort(target.podIP, spec.grpc.port);
    const d = target.dial(target.podIP, spec.grpc.port);
    if (d.kind !== "refused" && d.kind !== "unresolved" && d.grpc) return { success: true, output: "service healthy" };
    return { success: false, output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${timeout}s: context deadline exceeded` };
  }
  return { success: false, output: "missing probe handler" };
}

/** The node's address on the pod network (the bridge's first address), where kubelet probes come from. */
export function gateway(podIP: string): string {
  const parts = podIP.split(".");
  return parts.length === 4 ? `${parts[0]}.${parts[1]}.${parts[2]}.1` : podIP;
}
