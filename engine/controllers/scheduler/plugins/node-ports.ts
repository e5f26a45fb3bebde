/**
 * NodePorts: two pods on one node cannot bind the same host port and protocol, unless
 * each binds it on a different specific host IP (0.0.0.0 takes them all).
 */
import type { FilterPlugin, HostPort } from "../types";
import { unschedulable } from "../types";

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

const WILDCARD = "0.0.0.0";

export function portsConflict(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.hostIP === WILDCARD || b.hostIP === WILDCARD || a.hostIP === b.hostIP);
}

export const nodePorts: FilterPlugin = {
  name: "NodePorts",
  prepare(pod) {
    const wanted = pod.hostPorts;
    return {
      filter: (node) => (wanted.some((w) => node.usedPorts.some((u) => portsConflict(w, u))) ? unschedulable(ERR_REASON_PORTS) : undefined),
    };
  },
};
