/**
 * The admission chain of a create, in kube-apiserver's plugin order. Mutating plugins run
 * after defaulting and before the strategy validates (LimitRanger fills container
 * resources); validating plugins run after it and may refuse with a Forbidden error
 * (LimitRanger's min/max, then ResourceQuota). The other plugins the simulator models
 * (NamespaceLifecycle, ServiceAccount, DefaultTolerationSeconds, Priority) live with the
 * pod defaults and the server.
 */
import type { Result } from "../errors";
import { fail, forbidden, ok } from "../errors";
import type { KubeObject } from "../object";
import { qualifiedPlural, type ResourceType } from "../resources";
import type { Store } from "../store";
import { applyLimitRangeDefaults, limitRangeViolation } from "./limit-ranger";
import { checkQuotas } from "./resource-quota";

type Obj = Record<string, unknown>;

export interface AdmissionRequest {
  readonly type: ResourceType;
  /** the namespace of a namespaced object; admission has nothing to do for the others */
  readonly namespace: string | undefined;
  /** the object being created: mutated in place by the mutating phase */
  readonly object: Obj;
  readonly store: Store;
  readonly now: number;
}

/** LimitRanges are read in name order; the first that refuses a pod decides. */
function limitRanges(req: AdmissionRequest): KubeObject[] {
  return [...req.store.list("limitranges", req.namespace)].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
}

export function mutatingAdmission(req: AdmissionRequest): void {
  if (req.type.plural === "pods" && req.namespace) applyLimitRangeDefaults(req.object, limitRanges(req));
}

/** The quotas to charge once the object is stored, or the Forbidden error refusing it. */
export function validatingAdmission(req: AdmissionRequest): Result<KubeObject[]> {
  if (!req.namespace) return ok([]);
  const name = String((req.object.metadata as Obj | undefined)?.name ?? "");
  const refuse = (reason: string) => fail<KubeObject[]>(forbidden(qualifiedPlural(req.type), name, reason));
  if (req.type.plural === "pods") {
    const violation = limitRangeViolation(req.object, limitRanges(req));
    if (violation) return refuse(violation);
  }
  const quotas = checkQuotas(req.store, req.type, req.namespace, req.object, req.now);
  return quotas.ok ? ok(quotas.quotas) : refuse(quotas.reason);
}
