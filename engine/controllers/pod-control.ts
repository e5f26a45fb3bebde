/**
 * What the workload controllers share, after pkg/controller/controller_utils.go and
 * controller_ref_manager.go: pod predicates (active, terminating, ready, available),
 * controller references, claiming (adopting orphans, releasing strays), creating pods
 * from a template and deleting them with the SuccessfulCreate / SuccessfulDelete events.
 */
import type { KubeObject, OwnerReference } from "../api/object";
import { parseTimestamp } from "../api/object";
import type { ResourceType } from "../api/resources";
import { apiVersionOf, resourceForKind } from "../api/resources";
import type { Selector } from "../api/label-selector";
import { matchesSelector } from "../api/label-selector";
import type { ControllerContext } from "./controller";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A registered resource type; the registry always holds the kinds the controllers use. */
export function typeOf(kind: string): ResourceType {
  const t = resourceForKind(kind);
  if (!t) throw new Error(`resource kind ${kind} missing from the registry`);
  return t;
}

export const specOf = (o: KubeObject): Obj => (isObj(o.spec) ? o.spec : {});
export const statusOf = (o: KubeObject): Obj => (isObj(o.status) ? o.status : {});
const phaseOf = (p: KubeObject): string => String(statusOf(p).phase ?? "");
const conditionsOf = (o: KubeObject): Obj[] => ((statusOf(o).conditions as Obj[] | undefined) ?? []).filter(isObj);

export const isPodTerminal = (p: KubeObject): boolean => phaseOf(p) === "Succeeded" || phaseOf(p) === "Failed";
/** FilterActivePods: neither finished nor being deleted. */
export const isPodActive = (p: KubeObject): boolean => !isPodTerminal(p) && !p.metadata.deletionTimestamp;
/** FilterTerminatingPods: being deleted but not yet finished. */
export const isPodTerminating = (p: KubeObject): boolean => !!p.metadata.deletionTimestamp && !isPodTerminal(p);

export function isPodReady(p: KubeObject): boolean {
  return conditionsOf(p).some((c) => c.type === "Ready" && c.status === "True");
}

/** When the pod last became ready, if it is ready. */
export function podReadyTime(p: KubeObject): number | undefined {
  const c = conditionsOf(p).find((c) => c.type === "Ready" && c.status === "True");
  return c ? parseTimestamp(c.lastTransitionTime as string | undefined) : undefined;
}

/** podutil.IsPodAvailable: ready for longer than minReadySeconds. */
export function isPodAvailable(p: KubeObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const since = podReadyTime(p);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** When a ready pod turns available, so a controller can wake then. */
export function podAvailableAt(p: KubeObject, minReadySeconds: number): number | undefined {
  const since = podReadyTime(p);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

export function controllerRefOf(o: KubeObject): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
}

export function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
  return controllerRefOf(o)?.uid === owner.metadata.uid;
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject, type: ResourceType): OwnerReference {
  return { apiVersion: apiVersionOf(type), kind: type.kind, name: owner.metadata.name ?? "", uid: owner.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
}

/** Writes metadata (labels, owner references, finalizers, annotations) of an object. */
export function updateMeta(ctx: ControllerContext, type: ResourceType, o: KubeObject, meta: KubeObject["metadata"]): KubeObject | undefined {
  const r = ctx.api.update(type, o.metadata.namespace, { ...o, metadata: meta }, { fieldValidation: "Ignore" });
  return r.ok ? r.value.object : undefined;
}

/** Writes a status when it differs from the stored one; true when it did. */
export function writeStatus(ctx: ControllerContext, type: ResourceType, o: KubeObject, status: Obj): boolean {
  if (sameJson(statusOf(o), status)) return false;
  return ctx.api.updateStatus(type, { ...o, status }).ok;
}

/**
 * Whether a and b write the same JSON, key order aside: keys holding undefined are absent,
 * and in a list undefined is null. Compared in place, as controllers ask this on every
 * settle of every cluster.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (isObj(a) && isObj(b)) {
    let keys = 0;
    for (const k of Object.keys(a)) {
      if (a[k] === undefined) continue;
      if (b[k] === undefined || !Object.hasOwn(b, k) || !sameJson(a[k], b[k])) return false;
      keys++;
    }
    for (const k of Object.keys(b)) if (b[k] !== undefined) keys--;
    return keys === 0;
  }
  // primitives, written as JSON writes them (NaN as null, -0 as 0)
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Drops the keys whose value is 0, as `omitempty` integers do in the Go types. */
export function omitZero(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0 && v !== undefined));
}

export interface Claim {
  readonly owner: KubeObject;
  readonly ownerType: ResourceType;
  readonly selector: Selector;
  /** finalizers an adopted object gets (the Job's tracking finalizer) */
  readonly finalizers?: readonly string[];
}

/**
 * ControllerRefManager.ClaimObject for each candidate: ours and matching stay; ours and no
 * longer matching are released; matching orphans are adopted unless either side is being
 * deleted. Returns the claimed objects as stored after any write.
 */
export function claim(ctx: ControllerContext, type: ResourceType, c: Claim, candidates: readonly KubeObject[]): { claimed: KubeObject[]; wrote: boolean } {
  const claimed: KubeObject[] = [];
  let wrote = false;
  const ownerDeleting = !!c.owner.metadata.deletionTimestamp;
  for (const o of candidates) {
    const ref = controllerRefOf(o);
    const matches = matchesSelector(c.selector, o.metadata.labels);
    if (ref) {
      if (ref.uid !== c.owner.metadata.uid) continue;
      if (matches) {
        claimed.push(o);
        continue;
      }
      if (ownerDeleting) continue;
      const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== c.owner.metadata.uid);
      const meta = { ...o.metadata, ownerReferences: refs.length ? refs : undefined };
      if (!refs.length) delete meta.ownerReferences;
      wrote = !!updateMeta(ctx, type, o, meta) || wrote;
      continue;
    }
    if (ownerDeleting || !matches || o.metadata.deletionTimestamp || o.metadata.namespace !== c.owner.metadata.namespace) continue;
    const finalizers = [...(o.metadata.finalizers ?? []), ...(c.finalizers ?? []).filter((f) => !(o.metadata.finalizers ?? []).includes(f))];
    const adopted = updateMeta(ctx, type, o, {
      ...o.metadata,
      ownerReferences: [...(o.metadata.ownerReferences ?? []), newControllerRef(c.owner, c.ownerType)],
      ...(finalizers.length ? { finalizers } : {}),
    });
    if (adopted) {
      claimed.push(adopted);
      wrote = true;
    }
  }
  return { claimed, wrote };
}

export interface PodSpecOptions {
  /** generateName; `<owner>-` when absent */
  readonly generateName?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
  /** replaces fields of the template's pod spec */
  readonly spec?: Obj;
}

export type Created = { readonly ok: true; readonly pod: KubeObject } | { readonly ok: false; readonly message: string };

/**
 * RealPodControl.CreatePods: a pod from the template, owned by `owner`, named by the API
 * server from generateName; `Created pod: <name>` or `Error creating: <reason>`.
 */
export function createPod(ctx: ControllerContext, owner: KubeObject, ownerType: ResourceType, template: Obj, component: string, opts: PodSpecOptions = {}): Created {
  const tm = isObj(template.metadata) ? template.metadata : {};
  const labels = { ...((tm.labels as Record<string, string> | undefined) ?? {}), ...(opts.labels ?? {}) };
  const annotations = { ...((tm.annotations as Record<string, string> | undefined) ?? {}), ...(opts.annotations ?? {}) };
  const finalizers = [...((tm.finalizers as string[] | undefined) ?? []), ...(opts.finalizers ?? [])];
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: opts.generateName ?? `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ...(finalizers.length ? { finalizers } : {}),
      ownerReferences: [newControllerRef(owner, ownerType)],
    },
    spec: { ...structuredClone(isObj(template.spec) ? template.spec : {}), ...(opts.spec ?? {}) },
  };
  const r = ctx.api.create(typeOf("Pod"), owner.metadata.namespace, pod, { fieldValidation: "Ignore" });
  if (!r.ok) {
    ctx.events.record(owner, "Warning", "FailedCreate", `Error creating: ${r.error.message}`, { component });
    return { ok: false, message: r.error.message };
  }
  ctx.events.record(owner, "Normal", "SuccessfulCreate", `Created pod: ${r.value.object.metadata.name}`, { component });
  return { ok: true, pod: r.value.object };
}

/**
 * The workqueue's per-item rate limiter (5ms doubling to 1000s) for an owner whose last
 * syncs failed, rebuilt from its `reason` events: the time the next retry is due, or
 * undefined when a retry may run now.
 */
export function retryDueAt(ctx: ControllerContext, owner: KubeObject, reason: string, baseMs = 5, maxMs = 1_000_000): number | undefined {
  let failures = 0;
  let last = -Infinity;
  for (const e of ctx.api.store.list("events", owner.metadata.namespace)) {
    if (e.reason !== reason || (e.involvedObject as Obj | undefined)?.uid !== owner.metadata.uid) continue;
    failures += Number(e.count ?? 1);
    last = Math.max(last, parseTimestamp(e.lastTimestamp as string | undefined) ?? -Infinity);
  }
  if (failures === 0) return undefined;
  const due = last + Math.min(baseMs * 2 ** (failures - 1), maxMs);
  return due > ctx.now() ? due : undefined;
}

/** RealPodControl.DeletePod: a graceful delete and `Deleted pod: <name>`. */
export function deletePod(ctx: ControllerContext, owner: KubeObject, pod: KubeObject, component: string): boolean {
  const r = ctx.api.delete(typeOf("Pod"), pod.metadata.namespace, pod.metadata.name ?? "");
  if (!r.ok) return false;
  ctx.events.record(owner, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, { component });
  return true;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function maxRestarts(p: KubeObject): number {
  return Math.max(0, ...((statusOf(p).containerStatuses as Obj[] | undefined) ?? []).map((s) => Number(s.restartCount ?? 0)));
}

/** floor(log2) of how long ago, in nanoseconds, as LogarithmicScaleDown ranks times. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Later (or unknown) first; equal logarithmic ranks fall back to the uid. */
function newerFirst(a: KubeObject, b: KubeObject, ta: number | undefined, tb: number | undefined, now: number): number | undefined {
  if (ta === tb) return undefined;
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff === 0) return (a.metadata.uid ?? "") < (b.metadata.uid ?? "") ? -1 : 1;
  return diff < 0 ? -1 : 1;
}

/**
 * ActivePodsWithRanks.Less as a comparator: the pods to delete first come first —
 * unscheduled, then pending, not ready, lower deletion cost, more pods of the same owner
 * on their node (rank), ready more recently, more restarts, created more recently.
 */
export function deletionOrder(now: number, rank: (p: KubeObject) => number = () => 0): (a: KubeObject, b: KubeObject) => number {
  return (a, b) => {
    const na = String(specOf(a).nodeName ?? "");
    const nb = String(specOf(b).nodeName ?? "");
    if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
    const pa = PHASE_ORDINAL[phaseOf(a)] ?? 0;
    const pb = PHASE_ORDINAL[phaseOf(b)] ?? 0;
    if (pa !== pb) return pa - pb;
    if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
    const ca = Number(a.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0) || 0;
    const cb = Number(b.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0) || 0;
    if (ca !== cb) return ca - cb;
    if (rank(a) !== rank(b)) return rank(b) - rank(a);
    if (isPodReady(a) && isPodReady(b)) {
      const r = newerFirst(a, b, podReadyTime(a), podReadyTime(b), now);
      if (r !== undefined) return r;
    }
    if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
    return newerFirst(a, b, parseTimestamp(a.metadata.creationTimestamp), parseTimestamp(b.metadata.creationTimestamp), now) ?? 0;
  };
}

const byName = (a: KubeObject, b: KubeObject): number => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);

/** The pods in a namespace, in the order the informer cache lists them (by name). */
export function podsIn(ctx: ControllerContext, namespace: string | undefined): KubeObject[] {
  return [...ctx.api.store.list("pods", namespace)].sort(byName);
}

/**
 * The pods of one reconcile pass indexed the way the controllers' pod informers are: by
 * controller uid, plus the orphans per namespace (the only pods a controller may adopt).
 * Built once per pass so a thousand pods cost one scan, not one per owner.
 */
export class PodIndex {
  private readonly owned = new Map<string, KubeObject[]>();
  private readonly orphans = new Map<string, KubeObject[]>();

  constructor(ctx: ControllerContext) {
    for (const p of [...ctx.api.store.list("pods")].sort(byName)) {
      const uid = controllerRefOf(p)?.uid;
      const map = uid ? this.owned : this.orphans;
      const key = uid ?? p.metadata.namespace ?? "";
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    }
  }

  /** The pods an owner controls or could adopt: the candidates of a claim. */
  candidates(owner: KubeObject): KubeObject[] {
    return [...(this.owned.get(owner.metadata.uid ?? "") ?? []), ...(this.orphans.get(owner.metadata.namespace ?? "") ?? [])].sort(byName);
  }

  /** The pods a controller uid controls. */
  ownedBy(uid: string | undefined): readonly KubeObject[] {
    return (uid && this.owned.get(uid)) || [];
  }
}

/**
 * Records an event unless the same one was recorded at or after `since`. A real controller
 * syncs only when something changed; these reconcilers run on every pass, so an event a
 * sync would repeat is held to one per occasion.
 */
export function recordOnce(ctx: ControllerContext, o: KubeObject, type: "Normal" | "Warning", reason: string, message: string, component: string, since = -Infinity): void {
  const seen = ctx.api.store.list("events", o.metadata.namespace).some((e) => e.reason === reason && e.message === message && (e.involvedObject as Obj | undefined)?.uid === o.metadata.uid && (parseTimestamp(e.lastTimestamp as string | undefined) ?? 0) >= since);
  if (!seen) ctx.events.record(o, type, reason, message, { component });
}
