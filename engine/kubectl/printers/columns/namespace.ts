/** `kubectl get namespaces`: printNamespace of printers.go (STATUS is the phase: Active or Terminating). */

import type { Namespace } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";

export const NAMESPACE_COLUMNS = defineColumns<Namespace>([NAME, { name: "Status", priority: 0, cell: (ns) => ns.status?.phase ?? "" }, AGE]);
