/** `kubectl get replicasets`: printReplicaSet of printers.go. */

import type { ReplicaSet } from "kubernetes-types/apps/v1";
import { AGE, containerImages, containerNames, defineColumns, NAME } from "./column";
import { formatLabelSelector } from "./label-format";

export const REPLICA_SET_COLUMNS = defineColumns<ReplicaSet>([
  NAME,
  { name: "Desired", priority: 0, cell: (rs) => String(rs.spec?.replicas ?? 0) },
  { name: "Current", priority: 0, cell: (rs) => String(rs.status?.replicas ?? 0) },
  { name: "Ready", priority: 0, cell: (rs) => String(rs.status?.readyReplicas ?? 0) },
  AGE,
  { name: "Containers", priority: 1, cell: (rs) => containerNames(rs.spec?.template?.spec?.containers) },
  { name: "Images", priority: 1, cell: (rs) => containerImages(rs.spec?.template?.spec?.containers) },
  { name: "Selector", priority: 1, cell: (rs) => formatLabelSelector(rs.spec?.selector) },
]);
