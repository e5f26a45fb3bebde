/** `kubectl get deployments`: printDeployment of printers.go; READY is readyReplicas/spec.replicas. */

import type { Deployment } from "kubernetes-types/apps/v1";
import { AGE, containerImages, containerNames, defineColumns, NAME } from "./column";
import { selectorString } from "./label-format";

export const DEPLOYMENT_COLUMNS = defineColumns<Deployment>([
  NAME,
  { name: "Ready", priority: 0, cell: (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}` },
  { name: "Up-to-date", priority: 0, cell: (d) => String(d.status?.updatedReplicas ?? 0) },
  { name: "Available", priority: 0, cell: (d) => String(d.status?.availableReplicas ?? 0) },
  AGE,
  { name: "Containers", priority: 1, cell: (d) => containerNames(d.spec?.template?.spec?.containers) },
  { name: "Images", priority: 1, cell: (d) => containerImages(d.spec?.template?.spec?.containers) },
  // Unlike the other workloads, printDeployment prints the selector without the `<none>` fallback.
  { name: "Selector", priority: 1, cell: (d) => selectorString(d.spec?.selector) ?? "<invalid>" },
]);
