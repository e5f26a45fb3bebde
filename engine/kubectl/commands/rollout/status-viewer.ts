/**
 * polymorphichelpers/rollout_status.go: what `rollout status` says about a Deployment or
 * DaemonSet at one moment, whether the rollout is done, or why it cannot finish.
 */
import type { KubeObject } from "../../../api/object";
import { revisionOf } from "../../../controllers/deployment/replica-sets";

export type RolloutStatus = { ok: true; message: string; done: boolean } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const num = (o: Obj, k: string): number => Number(o[k] ?? 0);

function deploymentStatus(d: KubeObject, revision: number): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d) ?? 0;
    if (revision !== current) return { ok: false, error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const status = (d.status ?? {}) as Obj;
  const spec = (d.spec ?? {}) as Obj;
  if ((d.metadata.generation ?? 0) > num(status, "observedGeneration")) return { ok: true, message: "Waiting for deployment spec update to be observed...\n", done: false };
  const progressing = ((status.conditions as Obj[] | undefined) ?? []).find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") return { ok: false, error: `deployment "${name}" exceeded its progress deadline` };
  const updated = num(status, "updatedReplicas");
  if (typeof spec.replicas === "number" && updated < spec.replicas) {
    return { ok: true, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
  }
  if (num(status, "replicas") > updated) {
    return { ok: true, message: `Waiting for deployment "${name}" rollout to finish: ${num(status, "replicas") - updated} old replicas are pending termination...\n`, done: false };
  }
  if (num(status, "availableReplicas") < updated) {
    return { ok: true, message: `Waiting for deployment "${name}" rollout to finish: ${num(status, "availableReplicas")} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { ok: true, message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: KubeObject): RolloutStatus {
  const name = ds.metadata.name;
  const strategy = (((ds.spec ?? {}) as Obj).updateStrategy ?? {}) as Obj;
  if (strategy.type !== "RollingUpdate") return { ok: false, error: "rollout status is only available for RollingUpdate strategy type" };
  const status = (ds.status ?? {}) as Obj;
  if ((ds.metadata.generation ?? 0) > num(status, "observedGeneration")) return { ok: true, message: "Waiting for daemon set spec update to be observed...\n", done: false };
  const desired = num(status, "desiredNumberScheduled");
  if (num(status, "updatedNumberScheduled") < desired) {
    return { ok: true, message: `Waiting for daemon set "${name}" rollout to finish: ${num(status, "updatedNumberScheduled")} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if (num(status, "numberAvailable") < desired) {
    return { ok: true, message: `Waiting for daemon set "${name}" rollout to finish: ${num(status, "numberAvailable")} of ${desired} updated pods are available...\n`, done: false };
  }
  return { ok: true, message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** StatusViewerFor: the viewer of a kind, or kubectl's error for kinds without one. */
export function rolloutStatus(o: KubeObject, revision: number): RolloutStatus {
  if (o.kind === "Deployment") return deploymentStatus(o, revision);
  if (o.kind === "DaemonSet") return daemonSetStatus(o);
  const group = o.apiVersion.includes("/") ? `.${o.apiVersion.split("/")[0]}` : "";
  return { ok: false, error: `no status viewer has been implemented for ${o.kind}${group}` };
}
