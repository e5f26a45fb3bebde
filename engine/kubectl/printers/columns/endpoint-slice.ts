/**
 * `kubectl get endpointslices`: printEndpointSlice of printers.go. PORTS lists the port
 * numbers (a name, or `*`, for a port without one) and ENDPOINTS the addresses, the
 * first three of each, then `+ N more...`; an empty list reads `<unset>`.
 */
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import { AGE, defineColumns, NAME } from "./column";

const MAXIMUM = 3;

/** listWithMoreString */
function listWithMore(items: readonly string[]): string {
  const list = items.slice(0, MAXIMUM);
  if (items.length > MAXIMUM) return `${list.join(",")} + ${items.length - MAXIMUM} more...`;
  return list.join(",") || "<unset>";
}

export const formatDiscoveryPorts = (slice: EndpointSlice) => listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? "*"))));

export const formatDiscoveryEndpoints = (slice: EndpointSlice) => listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses ?? []));

export const ENDPOINT_SLICE_COLUMNS = defineColumns<EndpointSlice>([
  NAME,
  { name: "AddressType", priority: 0, cell: (s) => s.addressType ?? "" },
  { name: "Ports", priority: 0, cell: formatDiscoveryPorts },
  { name: "Endpoints", priority: 0, cell: formatDiscoveryEndpoints },
  AGE,
]);
