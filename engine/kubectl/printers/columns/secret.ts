/** `kubectl get secrets`: printSecret of printers.go. */

import type { Secret } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";

// The internal Secret the server prints has stringData already merged into data.
const keyCount = (s: Secret) => new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]).size;

export const SECRET_COLUMNS = defineColumns<Secret>([
  NAME,
  // An unset type is what SetDefaults_Secret turns into Opaque before storing.
  { name: "Type", priority: 0, cell: (s) => s.type || "Opaque" },
  { name: "Data", priority: 0, cell: (s) => String(keyCount(s)) },
  AGE,
]);
