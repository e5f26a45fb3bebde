/**
 * The API server decodes every quantity into a resource.Quantity and encodes it back in
 * canonical form, so what is stored (and what `-o yaml` shows) is `500m` for `0.5` and
 * `1Gi` for `1024Mi`. Done after validation, which reports some values as they were sent.
 */
import { canonicalQuantity } from "./resource-quantity";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function canonicalList(holder: Obj, key: string): void {
  const list = holder[key];
  if (isObj(list)) holder[key] = Object.fromEntries(Object.entries(list).map(([name, q]) => [name, canonicalQuantity(q)]));
}

export function canonicalizeLimitRange(lr: Obj): void {
  const spec = isObj(lr.spec) ? lr.spec : {};
  for (const item of Array.isArray(spec.limits) ? spec.limits : []) {
    if (!isObj(item)) continue;
    for (const key of ["default", "defaultRequest", "max", "maxLimitRequestRatio", "min"]) canonicalList(item, key);
  }
}

export function canonicalizeResourceQuota(rq: Obj): void {
  if (isObj(rq.spec)) canonicalList(rq.spec, "hard");
  if (isObj(rq.status)) for (const key of ["hard", "used"]) canonicalList(rq.status, key);
}

/** A pod spec's quantities: container resources, pod-level resources and overhead, emptyDir size limits. */
export function canonicalizePodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const c of Array.isArray(spec[key]) ? spec[key] : []) {
      if (!isObj(c) || !isObj(c.resources)) continue;
      canonicalList(c.resources, "requests");
      canonicalList(c.resources, "limits");
    }
  }
  if (isObj(spec.resources)) {
    canonicalList(spec.resources, "requests");
    canonicalList(spec.resources, "limits");
  }
  canonicalList(spec, "overhead");
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (isObj(v) && isObj(v.emptyDir) && v.emptyDir.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalQuantity(v.emptyDir.sizeLimit);
  }
}

export function canonicalizePod(pod: Obj): void {
  canonicalizePodSpec(pod.spec);
}

/** Deployments, ReplicaSets, DaemonSets and Jobs: their pod template. */
export function canonicalizeTemplate(o: Obj): void {
  const spec = isObj(o.spec) ? o.spec : {};
  if (isObj(spec.template)) canonicalizePodSpec(spec.template.spec);
}

export function canonicalizeCronJob(o: Obj): void {
  const spec = isObj(o.spec) ? o.spec : {};
  if (isObj(spec.jobTemplate)) canonicalizeTemplate(spec.jobTemplate);
}
