/**
 * The Service that `kubectl expose` and `kubectl run --expose` build
 * (expose.go createService, formerly the service/v2 generator): the selector, ports and
 * labels as strings the way the flags give them, one ServicePort per port, target ports
 * equal to the ports unless `--target-port` says otherwise.
 */
import type { KubeObject } from "../../../api/object";

export interface ServiceRequest {
  readonly name: string;
  readonly namespace?: string;
  /** `k=v,k2=v2` */
  readonly selector: string;
  readonly labels?: string;
  /** one port as the user gave it, or a comma list taken from the exposed object */
  readonly port?: string;
  readonly ports?: string;
  readonly protocol?: string;
  /** `port/PROTO` pairs found on the exposed object */
  readonly protocols?: string;
  readonly targetPort?: string;
  readonly type?: string;
  readonly externalIP?: string;
  readonly loadBalancerIP?: string;
  readonly sessionAffinity?: string;
  readonly clusterIP?: string;
}

export type ServiceBuild = { ok: true; value: KubeObject } | { ok: false; error: string };

/** expose.go parseLabels: plain `k=v` pairs only. */
export function parseLabels(spec: string): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  if (!spec) return { ok: false, error: "no label spec passed" };
  const labels: Record<string, string> = {};
  for (const pair of spec.split(",")) {
    const kv = pair.split("=");
    if (kv.length !== 2) return { ok: false, error: `unexpected label spec: ${pair}` };
    if (!kv[0]) return { ok: false, error: "unexpected empty label key" };
    labels[kv[0]] = kv[1];
  }
  return { ok: true, value: labels };
}

/** strconv.Atoi, with Go's error text. */
export function atoi(s: string): { ok: true; value: number } | { ok: false; error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { ok: true, value: n };
}

function protocolMap(protocols: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const pair of protocols.split(",").filter(Boolean)) {
    const [port, proto] = pair.split("/");
    m.set(port, [...(m.get(port) ?? []), proto]);
  }
  return m;
}

type ServicePort = { name?: string; protocol: string; port: number; targetPort?: number | string };

export function buildService(r: ServiceRequest): ServiceBuild {
  if (!r.selector) return { ok: false, error: "selector must be specified" };
  const selector = parseLabels(r.selector);
  if (!selector.ok) return selector;
  let labels: Record<string, string> | undefined;
  if (r.labels) {
    const parsed = parseLabels(r.labels);
    if (!parsed.ok) return parsed;
    labels = parsed.value;
  }
  if (!r.name) return { ok: false, error: "name must be specified" };
  const byPort = protocolMap(r.protocols ?? "");
  const portString = r.ports || r.port || "";
  const portList = portString ? portString.split(",") : [];
  const ports: ServicePort[] = [];
  for (const [i, text] of portList.entries()) {
    const port = atoi(text);
    if (!port.ok) return port;
    const name = portList.length > 1 ? `port-${i + 1}` : "";
    let protocol = r.protocol ?? "";
    if (!protocol) {
      const found = byPort.get(text) ?? [];
      if (found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port: port.value });
        continue;
      }
      protocol = found[0] ?? "TCP";
    }
    ports.push({ ...(name ? { name } : {}), protocol, port: port.value });
  }
  const target = r.targetPort ? (/^\d+$/.test(r.targetPort) ? Number(r.targetPort) : r.targetPort) : undefined;
  for (const p of ports) p.targetPort = target ?? p.port;
  if (r.sessionAffinity && r.sessionAffinity !== "None" && r.sessionAffinity !== "ClientIP") {
    return { ok: false, error: `unknown session affinity: ${r.sessionAffinity}` };
  }
  const spec = {
    ...(ports.length ? { ports } : {}),
    selector: selector.value,
    ...(r.clusterIP ? { clusterIP: r.clusterIP } : {}),
    ...(r.type ? { type: r.type } : {}),
    ...(r.externalIP ? { externalIPs: [r.externalIP] } : {}),
    ...(r.sessionAffinity ? { sessionAffinity: r.sessionAffinity } : {}),
    ...(r.type === "LoadBalancer" && r.loadBalancerIP ? { loadBalancerIP: r.loadBalancerIP } : {}),
  };
  const metadata = { name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}), ...(labels ? { labels } : {}) };
  return { ok: true, value: { kind: "Service", apiVersion: "v1", metadata, spec, status: { loadBalancer: {} } } };
}
