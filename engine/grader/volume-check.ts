/** `sharedVolume:` one volume of the pod mounted by every container named (the sidecar pattern). */
import type { Pod } from "kubernetes-types/core/v1";
import type { Outcome } from "./compare";
import { lookup, type GradeTarget } from "./target";

export function sharedVolume(target: GradeTarget, spec: { pod: string; namespace?: string; containers: readonly string[]; type?: string }, cluster?: string): Outcome {
  const found = lookup(target, { kind: "pod", name: spec.pod, namespace: spec.namespace }, cluster);
  if (!found.ok) return { ok: false, detail: found.detail };
  if (!found.object) return { ok: false, detail: `${found.where} not found` };
  const pod = found.object as unknown as Pod;
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const missing = spec.containers.filter((n) => !all.some((c) => c.name === n));
  if (missing.length) return { ok: false, detail: `no container named ${missing.map((m) => `"${m}"`).join(", ")} in ${found.where}` };
  // every container mounts the service account token the API server injects: it proves nothing
  const volumes = (pod.spec?.volumes ?? []).filter((v) => (spec.type ? spec.type in v : !v.name.startsWith("kube-api-access-")));
  const shared = volumes.find((v) => spec.containers.every((n) => all.find((c) => c.name === n)?.volumeMounts?.some((m) => m.name === v.name)));
  if (shared) return { ok: true, detail: `volume "${shared.name}" is mounted by ${spec.containers.join(" and ")}` };
  const kind = spec.type ? `${spec.type} volume` : "volume";
  return { ok: false, detail: `no ${kind} is mounted by all of ${spec.containers.join(", ")}` };
}
