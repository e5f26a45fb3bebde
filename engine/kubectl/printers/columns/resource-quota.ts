/**
 * `kubectl get resourcequotas`: printResourceQuota of printers.go. Every limited resource
 * shows as `name: used/hard`, sorted by name; `limits.*` ones go to LIMIT, all others
 * (`requests.*`, `pods`, `count/...`) to REQUEST.
 */

import type { ResourceQuota } from "kubernetes-types/core/v1";
import { canonicalQuantity } from "../../../api/resource-quantity";
import { AGE, defineColumns, NAME } from "./column";

function usage(rq: ResourceQuota, limits: boolean): string {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  return Object.keys(hard)
    .sort()
    .filter((name) => (name.split(".")[0] === "limits" && name.includes(".")) === limits)
    .map((name) => `${name}: ${canonicalQuantity(used[name] ?? "0")}/${canonicalQuantity(hard[name])}`)
    .join(", ");
}

export const RESOURCE_QUOTA_COLUMNS = defineColumns<ResourceQuota>([
  NAME,
  AGE,
  { name: "Request", priority: 0, cell: (rq) => usage(rq, false) },
  { name: "Limit", priority: 0, cell: (rq) => usage(rq, true) },
]);
