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

/** The old spec with the fields an update may change copied over from the new one. */
function withAllowedChanges(oldSpec: Obj, newSpec: Obj): Obj {
  const merged = structuredClone(oldSpec);
  for (const list of ["containers", "initContainers"]) {
    const o = merged[list];
    const n = newSpec[list];
    if (Array.isArray(o) && Array.isArray(n) && o.length === n.length) {
      o.forEach((c, i) => {
        if (isObj(c) && isObj(n[i])) {
          c.image = (n[i] as Obj).image;
          if ((n[i] as Obj).resources !== undefined && c.resources === undefined) c.resources = (n[i] as Obj).resources;
        }
      });
    }
  }
  merged.activeDeadlineSeconds = newSpec.activeDeadlineSeconds;
  if (merged.activeDeadlineSeconds === undefined) delete merged.activeDeadlineSeconds;
  const ot = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const nt = Array.isArray(newSpec.tolerations) ? newSpec.tolerations : [];
  const additionsOnly = ot.every((t) => nt.some((u) => JSON.stringify(u) === JSON.stringify(t)));
  if (additionsOnly) merged.tolerations = newSpec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === "number" && oldSpec.terminationGracePeriodSeconds < 0 && newSpec.terminationGracePeriodSeconds === 1) {
    merged.terminationGracePeriodSeconds = 1;
  }
  return merged;
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => (isObj(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b))) : val), 1);
}

export function validatePodUpdate(next: Obj, prev: Obj): StatusCause[] {
  const causes = validatePod(next);
  const oldSpec = isObj(prev.spec) ? prev.spec : {};
  const newSpec = isObj(next.spec) ? next.spec : {};
  const allowed = withAllowedChanges(oldSpec, newSpec);
  if (canonical(allowed) !== canonical(newSpec)) {
    const diff = unifiedDiff(canonical(allowed), canonical(newSpec));
    causes.push(fieldError.forbidden("spec", `${MUTABLE_MESSAGE}\n${diff}`));
  }
  const nt = Array.isArray(newSpec.tolerations) ? newSpec.tolerations : [];
  const ot = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  if (!ot.every((t) => nt.some((u) => JSON.stringify(u) === JSON.stringify(t)))) {
    causes.push(fieldError.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
  }
  return causes;
}
