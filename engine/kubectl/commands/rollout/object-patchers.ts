/**
 * polymorphichelpers ObjectPauser, ObjectResumer and ObjectRestarter as strategic merge
 * patches: what `rollout pause`, `resume` and `restart` change in an object, or why
 * they cannot change it.
 */
import type { KubeObject } from "../../../api/object";
import { timestamp } from "../../../api/object";

export type Patcher = (o: KubeObject, now: number) => { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

const paused = (o: KubeObject): boolean => ((o.spec ?? {}) as Record<string, unknown>).paused === true;

export const pauser: Patcher = (o) => {
  if (o.kind !== "Deployment") return { ok: false, error: "pausing is not supported" };
  if (paused(o)) return { ok: false, error: "is already paused" };
  return { ok: true, value: { spec: { paused: true } } };
};

export const resumer: Patcher = (o) => {
  if (o.kind !== "Deployment") return { ok: false, error: "resuming is not supported" };
  if (!paused(o)) return { ok: false, error: "is not paused" };
  return { ok: true, value: { spec: { paused: null } } };
};

/** The restartedAt annotation on the pod template, which makes the controller roll out new pods. */
export const restarter: Patcher = (o, now) => {
  if (o.kind !== "Deployment" && o.kind !== "DaemonSet" && o.kind !== "StatefulSet") return { ok: false, error: "restarting is not supported" };
  if (o.kind === "Deployment" && paused(o)) return { ok: false, error: "can't restart paused deployment (run rollout resume first)" };
  return { ok: true, value: { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": timestamp(now) } } } } } };
};
