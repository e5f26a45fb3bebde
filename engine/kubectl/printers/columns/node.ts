/**
 * `kubectl get nodes`: printNode of printers.go. STATUS looks only at the Ready condition
 * (`Ready`, `NotReady`, or `Unknown` when there is none) and adds `SchedulingDisabled` for a
 * cordoned node; ROLES come from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels.
 */

import type { Node } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";
import { byCodePoint } from "./label-format";

const ROLE_PREFIX = "node-role.kubernetes.io/";

function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.filter((c) => c.type === "Ready").at(-1);
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === "kubernetes.io/role" && value !== "") roles.add(value);
  }
  return roles.size === 0 ? "<none>" : [...roles].sort(byCodePoint).join(",");
}

const address = (node: Node, type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";

export const NODE_COLUMNS = defineColumns<Node>([
  NAME,
  { name: "Status", priority: 0, cell: nodeStatus },
  { name: "Roles", priority: 0, cell: nodeRoles },
  AGE,
  { name: "Version", priority: 0, cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? "" },
  { name: "Internal-IP", priority: 1, cell: (n) => address(n, "InternalIP") },
  { name: "External-IP", priority: 1, cell: (n) => address(n, "ExternalIP") },
  { name: "OS-Image", priority: 1, cell: (n) => n.status?.nodeInfo?.osImage || "<unknown>" },
  { name: "Kernel-Version", priority: 1, cell: (n) => n.status?.nodeInfo?.kernelVersion || "<unknown>" },
  { name: "Container-Runtime", priority: 1, cell: (n) => n.status?.nodeInfo?.containerRuntimeVersion || "<unknown>" },
]);
