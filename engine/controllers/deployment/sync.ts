/**
 * The parts of the Deployment sync every strategy shares (deployment sync.go): finding or
 * creating the new ReplicaSet with its revision, scaling a ReplicaSet with the
 * ScalingReplicaSet event, proportional scaling, history cleanup and the status.
 */
import type { KubeObject } from "../../api/object";
import { timestamp } from "../../api/object";
import type { ControllerContext } from "../controller";
import type { Obj } from "../pod-control";
import { isObj, newControllerRef, omitZero, sameJson, specOf, statusOf, typeOf, updateMeta, writeStatus } from "../pod-control";
import { maxSurge, maxUnavailable, isRollingUpdate, replicasOf } from "./fenceposts";
import {
  actualTotal,
  availableTotal,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  DESIRED_REPLICAS,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  isActive,
  MAX_REPLICAS,
  maxRevision,
  readyTotal,
  REVISION,
  rsReplicas,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specTotal,
  terminatingTotal,
} from "./replica-sets";
import { computeHash, equalIgnoreHash, TEMPLATE_HASH_LABEL } from "./template-hash";

export const COMPONENT = "deployment-controller";
const RS = typeOf("ReplicaSet");
const DEPLOYMENT = typeOf("Deployment");

/** One sync of one Deployment: `d` is a working copy whose status and annotations the steps change. */
export interface DeploymentSync {
  readonly ctx: ControllerContext;
  d: KubeObject;
  rsList: KubeObject[];
  /** pods by the uid of the ReplicaSet that controls them */
  readonly podMap: ReadonlyMap<string, readonly KubeObject[]>;
  wrote: boolean;
}

export function conditionOf(status: Obj, type: string): Obj | undefined {
  return ((status.conditions as Obj[] | undefined) ?? []).find((c) => c.type === type);
}

export function newCondition(ctx: ControllerContext, type: string, status: string, reason: string, message: string): Obj {
  const now = timestamp(ctx.now());
  return { lastTransitionTime: now, lastUpdateTime: now, message, reason, status, type };
}

/** SetDeploymentCondition: unchanged when status and reason are; the transition time kept while the status is. */
export function setCondition(status: Obj, c: Obj): void {
  const current = conditionOf(status, String(c.type));
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c;
  status.conditions = [...((status.conditions as Obj[] | undefined) ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(status: Obj, type: string): void {
  const kept = ((status.conditions as Obj[] | undefined) ?? []).filter((x) => x.type !== type);
  if (kept.length) status.conditions = kept;
  else delete status.conditions;
}

/** UpdateStatus on a Deployment, which also carries its annotations (the revision). */
export function writeDeployment(s: DeploymentSync, status: Obj): void {
  const stored = s.ctx.api.store.get("deployments", s.d.metadata.namespace, s.d.metadata.name ?? "");
  if (!stored) return;
  let current = stored;
  if (!sameJson(stored.metadata.annotations ?? {}, s.d.metadata.annotations ?? {})) {
    current = updateMeta(s.ctx, DEPLOYMENT, stored, { ...stored.metadata, annotations: s.d.metadata.annotations }) ?? stored;
    s.wrote = true;
  }
  if (writeStatus(s.ctx, DEPLOYMENT, current, status)) s.wrote = true;
  s.d = { ...(s.ctx.api.store.get("deployments", s.d.metadata.namespace, s.d.metadata.name ?? "") ?? s.d) };
}

function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  if (d.metadata.annotations?.[REVISION] === revision) return false;
  d.metadata = { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: revision } };
  return true;
}

export const hasProgressDeadline = (d: KubeObject): boolean => typeof specOf(d).progressDeadlineSeconds === "number" && specOf(d).progressDeadlineSeconds !== 2147483647;

function replaceRS(s: DeploymentSync, rs: KubeObject): void {
  s.rsList = [...s.rsList.filter((x) => x.metadata.uid !== rs.metadata.uid), rs];
}

/** NewRSNewReplicas: how big the new ReplicaSet may get in this step. */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d)) return desired;
  const current = specTotal(allRSs);
  const maxTotal = desired + maxSurge(d);
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, desired - rsReplicas(newRS));
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and missing)
 * with its revision brought above every old one, and the old ReplicaSets.
 */
export function newAndOld(s: DeploymentSync, create: boolean): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
  const oldRSs = findOldReplicaSets(s.d, s.rsList);
  const newRS = getNewReplicaSet(s, oldRSs, create);
  return { newRS, oldRSs: findOldReplicaSets(s.d, s.rsList) };
}

function getNewReplicaSet(s: DeploymentSync, oldRSs: readonly KubeObject[], create: boolean): KubeObject | undefined {
  const { ctx, d } = s;
  const existing = findNewReplicaSet(d, s.rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  if (existing) {
    const annotations = { ...(existing.metadata.annotations ?? {}) };
    const changed = setNewReplicaSetAnnotations(d, annotations, newRevision, true, desired, max);
    const minReady = Number(specOf(d).minReadySeconds ?? 0);
    if (changed || Number(specOf(existing).minReadySeconds ?? 0) !== minReady) {
      const spec = { ...specOf(existing) };
      delete spec.minReadySeconds;
      if (minReady) spec.minReadySeconds = minReady;
      const r = ctx.api.update(RS, existing.metadata.namespace, { ...existing, metadata: { ...existing.metadata, annotations }, spec }, { fieldValidation: "Ignore" });
      s.wrote = true;
      if (r.ok) replaceRS(s, r.value.object);
      return r.ok ? r.value.object : existing;
    }
    let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION] ?? "");
    const status = structuredClone(statusOf(d));
    if (hasProgressDeadline(d) && !conditionOf(status, "Progressing")) {
      setCondition(status, newCondition(ctx, "Progressing", "True", "FoundNewReplicaSet", `Found new replica set "${existing.metadata.name}"`));
      needsUpdate = true;
    }
    if (needsUpdate) writeDeployment(s, status);
    return existing;
  }
  if (!create) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision, desired, max);
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: readonly KubeObject[], newRevision: number, desired: number, max: number): KubeObject | undefined {
  const { ctx, d } = s;
  const dSpec = specOf(d);
  const template = structuredClone(dSpec.template) as Obj;
  const collisionCount = statusOf(d).collisionCount as number | undefined;
  const hash = computeHash(template, collisionCount);
  const tm = isObj(template.metadata) ? template.metadata : (template.metadata = {});
  tm.labels = { ...((tm.labels as Record<string, string> | undefined) ?? {}), [TEMPLATE_HASH_LABEL]: hash };
  const selector = structuredClone(isObj(dSpec.selector) ? dSpec.selector : {});
  selector.matchLabels = { ...((selector.matchLabels as Record<string, string> | undefined) ?? {}), [TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const draft: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: d.metadata.namespace, labels: tm.labels as Record<string, string>, ownerReferences: [newControllerRef(d, DEPLOYMENT)] },
    spec: { replicas: 0, ...(dSpec.minReadySeconds ? { minReadySeconds: dSpec.minReadySeconds } : {}), selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, newRevision, false, desired, max);
  const created = ctx.api.create(RS, d.metadata.namespace, { ...draft, metadata: { ...draft.metadata, annotations }, spec: { ...specOf(draft), replicas } }, { fieldValidation: "Ignore" });
  const status = structuredClone(statusOf(d));
  if (!created.ok) {
    const other = ctx.api.store.get("replicasets", d.metadata.namespace, name);
    if (created.error.reason === "AlreadyExists" && other) {
      if (other.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid) && equalIgnoreHash(dSpec.template, specOf(other).template)) return other;
      writeDeployment(s, { ...status, collisionCount: (collisionCount ?? 0) + 1 });
      return undefined;
    }
    const msg = `Failed to create new replica set "${name}": ${created.error.message}`;
    if (hasProgressDeadline(d)) {
      setCondition(status, newCondition(ctx, "Progressing", "False", "ReplicaSetCreateError", msg));
      writeDeployment(s, status);
    }
    ctx.events.record(d, "Warning", "ReplicaSetCreateError", msg, { component: COMPONENT });
    return undefined;
  }
  const rs = created.value.object;
  s.wrote = true;
  s.rsList = [...s.rsList, rs];
  if (replicas > 0) ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${replicas}`, { component: COMPONENT });
  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) setCondition(status, newCondition(ctx, "Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${name}"`));
  writeDeployment(s, status);
  return rs;
}

/** scaleReplicaSet: the new size and the replica annotations written, and the event. */
export function scaleReplicaSet(s: DeploymentSync, rs: KubeObject, newScale: number, operation: "up" | "down" | ""): KubeObject {
  const d = s.d;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  const sizeNeedsUpdate = rsReplicas(rs) !== newScale;
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  const annotationsChanged = setReplicasAnnotations(annotations, desired, max);
  if (!sizeNeedsUpdate && !annotationsChanged) return rs;
  const r = s.ctx.api.update(RS, rs.metadata.namespace, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...specOf(rs), replicas: newScale } }, { fieldValidation: "Ignore" });
  if (!r.ok) return rs;
  s.wrote = true;
  replaceRS(s, r.value.object);
  if (sizeNeedsUpdate) {
    s.ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${rs.metadata.name} from ${rsReplicas(rs)} to ${newScale}`, { component: COMPONENT });
  }
  return r.value.object;
}

/** scaleReplicaSetAndRecordEvent: true when the size changed. */
export function scaleAndRecord(s: DeploymentSync, rs: KubeObject, newScale: number): boolean {
  if (rsReplicas(rs) === newScale) return false;
  scaleReplicaSet(s, rs, newScale, rsReplicas(rs) < newScale ? "up" : "down");
  return true;
}

function desiredAnnotation(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** isScalingEvent: an active ReplicaSet was sized for another replica count. */
export function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = newAndOld(s, false);
  return [...oldRSs, ...(newRS ? [newRS] : [])].filter(isActive).some((rs) => {
    const desired = desiredAnnotation(rs);
    return desired !== undefined && desired !== replicasOf(s.d);
  });
}

/** GetProportion via getReplicaSetFraction. */
function proportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (replicasOf(d) === 0) fraction = -rsReplicas(rs);
  else {
    const deploymentReplicas = replicasOf(d) + maxSurge(d);
    const maxAnnotation = rs.metadata.annotations?.[MAX_REPLICAS];
    const annotated = maxAnnotation !== undefined && /^\d+$/.test(maxAnnotation) ? Number(maxAnnotation) : Number(statusOf(d).replicas ?? 0);
    fraction = Math.round((rsReplicas(rs) * deploymentReplicas) / annotated) - rsReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** scale: a size change spread over the ReplicaSets in proportion to their sizes. */
export function scale(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): void {
  const d = s.d;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (rsReplicas(activeOrLatest) !== replicasOf(d)) scaleAndRecord(s, activeOrLatest, replicasOf(d));
    return;
  }
  if (newRS && isSaturated(d, newRS)) {
    for (const old of oldRSs.filter(isActive)) scaleAndRecord(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = [...oldRSs, ...(newRS ? [newRS] : [])].filter(isActive);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - specTotal(all);
  const operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : "";
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = all.map((rs) => {
    const p = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
    added += p;
    return rsReplicas(rs) + p;
  });
  all.forEach((rs, i) => {
    let size = sizes[i];
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(s, rs, size, operation);
  });
}

/** IsSaturated: the new ReplicaSet runs every replica the Deployment wants. */
function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return desired === String(replicasOf(d)) && rsReplicas(rs) === replicasOf(d) && Number(statusOf(rs).availableReplicas ?? 0) === replicasOf(d);
}

/** cleanupDeployment: all but the newest revisionHistoryLimit old ReplicaSets that are empty go. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: readonly KubeObject[]): void {
  const limit = specOf(s.d).revisionHistoryLimit;
  if (typeof limit !== "number") return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
  const diff = cleanable.length - limit;
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    const st = statusOf(rs);
    if (Number(st.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > Number(st.observedGeneration ?? 0)) continue;
    if (s.ctx.api.delete(RS, rs.metadata.namespace, rs.metadata.name ?? "").ok) s.wrote = true;
  }
}

/** calculateStatus. */
export function calculateStatus(s: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): Obj {
  const d = s.d;
  const available = availableTotal(allRSs);
  const total = specTotal(allRSs);
  const terminating = terminatingTotal(allRSs);
  const status: Obj = {
    ...omitZero({
      observedGeneration: d.metadata.generation,
      replicas: actualTotal(allRSs),
      updatedReplicas: actualTotal([newRS]),
      readyReplicas: readyTotal(allRSs),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
    }),
    ...(terminating !== undefined ? { terminatingReplicas: terminating } : {}),
    ...(statusOf(d).collisionCount !== undefined ? { collisionCount: statusOf(d).collisionCount } : {}),
  };
  const conditions = structuredClone((statusOf(d).conditions as Obj[] | undefined) ?? []);
  if (conditions.length) status.conditions = conditions;
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(s.ctx, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."));
  } else {
    setCondition(status, newCondition(s.ctx, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."));
  }
  return status;
}

/** syncDeploymentStatus: the status only, as a paused or scaled Deployment gets it. */
export function syncDeploymentStatus(s: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): void {
  writeDeployment(s, calculateStatus(s, allRSs, newRS));
}
