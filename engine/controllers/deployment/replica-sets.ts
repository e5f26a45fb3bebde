/**
 * A Deployment's ReplicaSets as deployment_util.go sees them: which one is new (its
 * template equals the Deployment's), which are old, their revisions and the annotations
 * the controller keeps on them, their sizes, and the orders they are scaled in.
 */
import type { KubeObject } from "../../api/object";
import { parseTimestamp } from "../../api/object";
import { specOf, statusOf } from "../pod-control";
import { equalIgnoreHash } from "./template-hash";

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

/** Deployment annotations never copied to a ReplicaSet (nor back on rollback). */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

export const rsReplicas = (rs: KubeObject | undefined): number => (rs ? Number(specOf(rs).replicas ?? 0) : 0);
const statusCount = (rs: KubeObject | undefined, field: string): number => (rs ? Number(statusOf(rs)[field] ?? 0) : 0);

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export const specTotal = (rss: readonly (KubeObject | undefined)[]): number => rss.reduce((n, rs) => n + rsReplicas(rs), 0);
/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export const actualTotal = (rss: readonly (KubeObject | undefined)[]): number => rss.reduce((n, rs) => n + statusCount(rs, "replicas"), 0);
export const readyTotal = (rss: readonly (KubeObject | undefined)[]): number => rss.reduce((n, rs) => n + statusCount(rs, "readyReplicas"), 0);
export const availableTotal = (rss: readonly (KubeObject | undefined)[]): number => rss.reduce((n, rs) => n + statusCount(rs, "availableReplicas"), 0);

/** GetTerminatingReplicaCountForReplicaSets: unknown as soon as one ReplicaSet does not report it. */
export function terminatingTotal(rss: readonly (KubeObject | undefined)[]): number | undefined {
  let n = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = statusOf(rs).terminatingReplicas;
    if (typeof t !== "number") return undefined;
    n += t;
  }
  return n;
}

export function revisionOf(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(rss: readonly KubeObject[]): number {
  return Math.max(0, ...rss.map((rs) => revisionOf(rs) ?? 0));
}

const created = (o: KubeObject): number => parseTimestamp(o.metadata.creationTimestamp) ?? 0;

/** ReplicaSetsByCreationTimestamp: oldest first, names breaking ties. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  return created(a) - created(b) || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);
}

/** ReplicaSetsBySizeNewer: larger first, then newer first (scaling up). */
export function bySizeNewer(a: KubeObject, b: KubeObject): number {
  return rsReplicas(b) - rsReplicas(a) || -byCreation(a, b);
}

/** ReplicaSetsBySizeOlder: larger first, then older first (scaling down). */
export function bySizeOlder(a: KubeObject, b: KubeObject): number {
  return rsReplicas(b) - rsReplicas(a) || byCreation(a, b);
}

/** ReplicaSetsByRevision: lowest revision first, creation breaking ties. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const ra = revisionOf(a) ?? 0;
  const rb = revisionOf(b) ?? 0;
  return ra - rb || byCreation(a, b);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rsList: readonly KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(specOf(rs).template, specOf(d).template));
}

/** FindOldReplicaSets: every other ReplicaSet. */
export function findOldReplicaSets(d: KubeObject, rsList: readonly KubeObject[]): KubeObject[] {
  const newRS = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

export const isActive = (rs: KubeObject): boolean => rsReplicas(rs) > 0;

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const all = [...oldRSs, ...(newRS ? [newRS] : [])].sort(byCreation).reverse();
  const active = all.filter(isActive);
  if (active.length === 0) return newRS ?? all[0];
  return active.length === 1 ? active[0] : undefined;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when they changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  let changed = false;
  if (annotations[DESIRED_REPLICAS] !== String(desired)) {
    annotations[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS] !== String(max)) {
    annotations[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

const MAX_REV_HISTORY_CHARS = 2000;

/**
 * SetNewReplicaSetAnnotations: the Deployment's own annotations copied over, the revision
 * raised to `newRevision` (keeping earlier numbers in revision-history, as a rollback to
 * this ReplicaSet does), and on creation the replica annotations. True when any changed.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, annotations: Record<string, string>, newRevision: number, exists: boolean, desired: number, max: number): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION];
  const had = oldRevision !== undefined;
  if (had && !/^-?\d+$/.test(oldRevision)) return false;
  const oldInt = had ? Number(oldRevision) : 0;
  if (oldInt < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    if (had) {
      const history = annotations[REVISION_HISTORY] ?? "";
      let revisions = history ? history.split(",") : [];
      let total = history.length + oldRevision.length + 1;
      while (total > MAX_REV_HISTORY_CHARS && revisions.length) {
        total -= revisions[0].length + 1;
        revisions = revisions.slice(1);
      }
      annotations[REVISION_HISTORY] = [...revisions, oldRevision].join(",");
    }
  }
  if (!exists && setReplicasAnnotations(annotations, desired, max)) changed = true;
  return changed;
}
