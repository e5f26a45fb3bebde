/** `kubectl get configmaps`: printConfigMap of printers.go; DATA counts data and binaryData keys. */

import type { ConfigMap } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";

const keyCount = (cm: ConfigMap) => Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;

export const CONFIG_MAP_COLUMNS = defineColumns<ConfigMap>([NAME, { name: "Data", priority: 0, cell: (cm) => String(keyCount(cm)) }, AGE]);
