/**
 * `kubectl get serviceaccounts`: printServiceAccount of printers.go. The SECRETS column was
 * dropped (kubernetes/kubernetes#117160, merged for 1.35): nothing fills `secrets` since 1.24.
 */

import type { ServiceAccount } from "kubernetes-types/core/v1";
import { AGE, defineColumns, NAME } from "./column";

export const SERVICE_ACCOUNT_COLUMNS = defineColumns<ServiceAccount>([NAME, AGE]);
