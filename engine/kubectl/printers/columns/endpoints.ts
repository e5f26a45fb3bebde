/**
 * `kubectl get endpoints`: printEndpoints of printers.go. ENDPOINTS is formatEndpoints:
 * `ip:port` for every ready address and port (an address alone for a subset without
 * ports), the first three, then `+ N more...`; `<none>` without subsets.
 */
import type { Endpoints } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";

const MAXIMUM = 3;

const joinHostPort = (ip: string, port: number) => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (entries: readonly string[]) => {
    count += entries.length;
    for (const e of entries) {
      if (list.length === MAXIMUM) {
        more = true;
        break;
      }
      list.push(e);
    }
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) add(addresses.map((a) => a.ip));
    else for (const port of ss.ports) add(addresses.map((a) => joinHostPort(a.ip, port.port)));
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - MAXIMUM} more...` : ret;
}

export const ENDPOINTS_COLUMNS = defineColumns<Endpoints>([NAME, { name: "Endpoints", priority: 0, cell: formatEndpoints }, AGE]);
