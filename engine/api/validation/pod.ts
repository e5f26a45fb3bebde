/**
 * Pod create and update validation. On update only a few spec fields may change
 * (`ValidatePodUpdate`); anything else is one Forbidden cause on `spec`, followed by a
 * unified diff of the two specs as kubectl v1.34+ shows it.
 */
import type { StatusCause } from "../errors";
import { fieldError } from "../field-errors";
import { validateObjectMeta } from "./metadata";
import { POD_RULES, validatePodSpec } from "./pod-spec";
import { unifiedDiff } from "./unified-diff";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function validatePod(pod: Obj): StatusCause[] {
  return [...validateObjectMeta(pod.metadata as Obj, "subdomain"), ...validatePodSpec(pod.spec, "spec", POD_RULES)];
}

const MUTABLE_MESSAGE =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/**
 * ValidatePodUpdate's "munged" spec: the new spec with every field an update may change
 * set back to its old value, so what differs from the old spec is what may not change.
 */
function mungedSpec(newSpec: Obj, oldSpec: Obj): Obj {
  const munged = structuredClone(newSpec);
  for (const list of ["containers", "initContainers"]) {
    const n = munged[list];
    const o = oldSpec[list];
    if (Array.isArray(n) && Array.isArray(o)) {
      n.forEach((c, i) => {
        if (isObj(c) && isObj(o[i])) c.image = (o[i] as Obj).image;
      });
    }
  }
  const restore = (key: string) => {
    if (oldSpec[key] === undefined) delete munged[key];
    else munged[key] = structuredClone(oldSpec[key]);
  };
  restore("activeDeadlineSeconds");
  restore("tolerations");
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === "number" && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  return munged;
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => (isObj(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b))) : val), 1);
}

export function validatePodUpdate(next: Obj, prev: Obj): StatusCause[] {
  const causes = validatePod(next);
  const oldSpec = isObj(prev.spec) ? prev.spec : {};
  const newSpec = isObj(next.spec) ? next.spec : {};
  const nt = Array.isArray(newSpec.tolerations) ? newSpec.tolerations : [];
  const ot = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const sameIgnoringSeconds = (a: unknown, b: unknown) => isObj(a) && isObj(b) && canonical({ ...a, tolerationSeconds: undefined }) === canonical({ ...b, tolerationSeconds: undefined });
  if (!ot.every((t) => nt.some((u) => sameIgnoringSeconds(u, t)))) {
    causes.push(fieldError.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
  }
  const munged = mungedSpec(newSpec, oldSpec);
  if (canonical(munged) !== canonical(oldSpec)) {
    causes.push(fieldError.forbidden("spec", `${MUTABLE_MESSAGE}\n${unifiedDiff(canonical(oldSpec), canonical(munged))}`));
  }
  return causes;
}
