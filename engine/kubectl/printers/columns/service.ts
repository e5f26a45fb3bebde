/**
 * `kubectl get services`: printService of printers.go. EXTERNAL-IP depends on the type
 * (`<none>`, the load balancer's addresses or `<pending>`, or the external name), and
 * PORT(S) lists `port/protocol` or `port:nodePort/protocol`.
 */

import type { Service } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";
import { byCodePoint, formatLabels } from "./label-format";

/** The server clips load balancer addresses to 16 bytes unless `-o wide`; tables here are always built wide. */
function loadBalancerAddresses(svc: Service): string {
  const addresses = new Set<string>();
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) addresses.add(ingress.ip);
    else if (ingress.hostname) addresses.add(ingress.hostname);
  }
  return [...addresses].sort(byCodePoint).join(",");
}

function externalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerAddresses(svc);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
    default:
      return "<unknown>";
  }
}

function ports(svc: Service): string {
  const text = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`)).join(",");
  return text || "<none>";
}

export const SERVICE_COLUMNS = defineColumns<Service>([
  NAME,
  // Unset type and protocol read as the defaults the API server fills in before storing.
  { name: "Type", priority: 0, cell: (s) => s.spec?.type ?? "ClusterIP" },
  // clusterIPs is filled from clusterIP when a client only sent the latter.
  { name: "Cluster-IP", priority: 0, cell: (s) => s.spec?.clusterIPs?.[0] || s.spec?.clusterIP || "<none>" },
  { name: "External-IP", priority: 0, cell: externalIP },
  { name: "Port(s)", priority: 0, cell: ports },
  AGE,
  { name: "Selector", priority: 1, cell: (s) => formatLabels(s.spec?.selector) },
]);
