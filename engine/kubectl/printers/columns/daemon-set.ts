/** `kubectl get daemonsets`: printDaemonSet of printers.go. */

import type { DaemonSet } from "kubernetes-types/apps/v1";
import { AGE, containerImages, containerNames, defineColumns, NAME } from "./column";
import { formatLabels, formatLabelSelector } from "./label-format";

export const DAEMON_SET_COLUMNS = defineColumns<DaemonSet>([
  NAME,
  { name: "Desired", priority: 0, cell: (ds) => String(ds.status?.desiredNumberScheduled ?? 0) },
  { name: "Current", priority: 0, cell: (ds) => String(ds.status?.currentNumberScheduled ?? 0) },
  { name: "Ready", priority: 0, cell: (ds) => String(ds.status?.numberReady ?? 0) },
  { name: "Up-to-date", priority: 0, cell: (ds) => String(ds.status?.updatedNumberScheduled ?? 0) },
  { name: "Available", priority: 0, cell: (ds) => String(ds.status?.numberAvailable ?? 0) },
  { name: "Node Selector", priority: 0, cell: (ds) => formatLabels(ds.spec?.template?.spec?.nodeSelector) },
  AGE,
  { name: "Containers", priority: 1, cell: (ds) => containerNames(ds.spec?.template?.spec?.containers) },
  { name: "Images", priority: 1, cell: (ds) => containerImages(ds.spec?.template?.spec?.containers) },
  { name: "Selector", priority: 1, cell: (ds) => formatLabelSelector(ds.spec?.selector) },
]);
