/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, created
 * without a nodeName but with a required node affinity for its node, so the default
 * scheduler binds it there as in v1.35; failed and surplus pods go, pods on nodes that no
 * longer qualify go, a RollingUpdate replaces old pods maxUnavailable nodes at a time, and
 * the status counts desired, current, ready, updated, available and misscheduled pods.
 */
import type { KubeObject } from "../api/object";
import { parseTimestamp } from "../api/object";
import type { LabelSelectorSpec } from "../api/label-selector";
import { selectorFromSpec } from "../api/label-selector";
import type { Controller, ControllerContext } from "./controller";
import { daemonPodSpec, nodeShouldRunDaemonPod, targetNode } from "./daemonset-nodes";
import { computeHash } from "./deployment/template-hash";
import { scaledValue } from "./deployment/fenceposts";
import type { Obj } from "./pod-control";
import { claim, createPod, deletePod, isObj, isPodAvailable, isPodReady, isPodTerminal, podAvailableAt, podsIn, retryDueAt, specOf, statusOf, typeOf, writeStatus } from "./pod-control";

const COMPONENT = "daemonset-controller";
const DS = typeOf("DaemonSet");
const POD = typeOf("Pod");
const HASH_LABEL = "controller-revision-hash";
const GENERATION_LABEL = "pod-template-generation";
const GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

/** The template generation: the API server's annotation, else the object's generation. */
const templateGeneration = (ds: KubeObject): string => ds.metadata.annotations?.[GENERATION_ANNOTATION] ?? String(ds.metadata.generation ?? 1);

/** IsPodUpdated: the current hash, or (for pods from before hashes) the current template generation. */
const isPodUpdated = (p: KubeObject, ds: KubeObject, hash: string): boolean => p.metadata.labels?.[HASH_LABEL] === hash || p.metadata.labels?.[GENERATION_LABEL] === templateGeneration(ds);

const created = (p: KubeObject): number => parseTimestamp(p.metadata.creationTimestamp) ?? 0;

/** podByCreationTimestampAndPhase: running first, then oldest first. */
function oldestRunningFirst(a: KubeObject, b: KubeObject): number {
  const ra = statusOf(a).phase === "Running" ? 0 : 1;
  const rb = statusOf(b).phase === "Running" ? 0 : 1;
  return ra - rb || created(a) - created(b) || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);
}

interface DaemonSync {
  readonly ctx: ControllerContext;
  readonly ds: KubeObject;
  readonly nodes: readonly KubeObject[];
  readonly hash: string;
}

function nodeToPods(s: DaemonSync): Map<string, KubeObject[]> {
  const selectorSpec = specOf(s.ds).selector as LabelSelectorSpec;
  const all = podsIn(s.ctx, s.ds.metadata.namespace);
  const { claimed } = claim(s.ctx, POD, { owner: s.ds, ownerType: DS, selector: selectorFromSpec(selectorSpec) }, all);
  const map = new Map<string, KubeObject[]>();
  for (const p of claimed) {
    if (isPodTerminal(p) && p.metadata.deletionTimestamp) continue;
    const node = targetNode(p);
    if (node !== undefined) map.set(node, [...(map.get(node) ?? []), p]);
  }
  return map;
}

/** podsShouldBeOnNode over every node: the nodes that need a pod and the pods to delete. */
function manage(s: DaemonSync, byNode: Map<string, KubeObject[]>): { create: string[]; remove: KubeObject[] } {
  const { ctx, ds } = s;
  const create: string[] = [];
  const remove: KubeObject[] = [];
  for (const node of s.nodes) {
    const name = node.metadata.name ?? "";
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const pods = byNode.get(name) ?? [];
    if (shouldRun && pods.length === 0) create.push(name);
    else if (shouldContinueRunning) {
      const running: KubeObject[] = [];
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        if (statusOf(p).phase === "Failed") {
          const due = retryDueAt(ctx, ds, "FailedDaemonPod", 1000, 900_000);
          if (due !== undefined) {
            ctx.wakeAt(due, `${ds.metadata.namespace}/${ds.metadata.name}`);
            continue;
          }
          ctx.events.record(ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`, { component: COMPONENT });
          remove.push(p);
        } else if (statusOf(p).phase === "Succeeded") remove.push(p);
        else running.push(p);
      }
      if (running.length > 1) remove.push(...[...running].sort(oldestRunningFirst).slice(1));
    } else remove.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
  }
  const nodeNames = new Set(s.nodes.map((n) => n.metadata.name));
  for (const [node, pods] of byNode) if (!nodeNames.has(node)) remove.push(...pods.filter((p) => !specOf(p).nodeName && !p.metadata.deletionTimestamp));
  return { create, remove };
}

/** syncNodes: deletions, then one pod per node that needs one. */
function syncNodes(s: DaemonSync, remove: readonly KubeObject[], create: readonly string[]): void {
  const { ctx, ds } = s;
  for (const p of remove) deletePod(ctx, ds, p, COMPONENT);
  if (create.length === 0) return;
  const due = retryDueAt(ctx, ds, "FailedCreate");
  if (due !== undefined) {
    ctx.wakeAt(due, `${ds.metadata.namespace}/${ds.metadata.name}`);
    return;
  }
  const template = structuredClone((specOf(ds).template as Obj | undefined) ?? {});
  const spec = isObj(template.spec) ? template.spec : {};
  for (const node of create) {
    const r = createPod(ctx, ds, DS, template, COMPONENT, {
      labels: { [HASH_LABEL]: s.hash, [GENERATION_LABEL]: templateGeneration(ds) },
      spec: daemonPodSpec(spec, node),
    });
    if (!r.ok) break;
  }
}

/** rollingUpdate with maxSurge 0: old pods go, on at most maxUnavailable nodes at a time. */
function rollingUpdate(s: DaemonSync, byNode: Map<string, KubeObject[]>): void {
  const { ctx, ds, hash } = s;
  const strategy = isObj(specOf(ds).updateStrategy) ? (specOf(ds).updateStrategy as Obj) : {};
  if (strategy.type === "OnDelete") return;
  const ru = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const desired = s.nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  const surge = scaledValue(ru.maxSurge ?? 0, desired, true);
  const maxUnavailable = Math.max(scaledValue(ru.maxUnavailable ?? 1, desired, true), surge === 0 ? 1 : 0);
  const minReady = Number(specOf(ds).minReadySeconds ?? 0);
  const now = ctx.now();
  let unavailable = 0;
  const replace: KubeObject[] = [];
  const candidates: KubeObject[] = [];
  for (const node of [...byNode.keys()].sort()) {
    const pods = (byNode.get(node) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    const fresh = pods.filter((p) => isPodUpdated(p, ds, hash));
    const old = pods.filter((p) => !isPodUpdated(p, ds, hash));
    if (fresh.length > 1 || old.length > 1 || fresh.length === old.length) {
      unavailable++;
      continue;
    }
    if (fresh.length === 1) {
      if (!isPodAvailable(fresh[0], minReady, now)) unavailable++;
      continue;
    }
    if (!isPodAvailable(old[0], minReady, now)) replace.push(old[0]);
    else if (unavailable < maxUnavailable) candidates.push(old[0]);
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  syncNodes(s, [...replace, ...candidates.slice(0, remaining)], []);
}

function updateStatus(s: DaemonSync, byNode: Map<string, KubeObject[]>): boolean {
  const { ctx, ds, hash } = s;
  const minReady = Number(specOf(ds).minReadySeconds ?? 0);
  const now = ctx.now();
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (const node of s.nodes) {
    const pods = byNode.get(node.metadata.name ?? "") ?? [];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length) misscheduled++;
      continue;
    }
    desired++;
    if (pods.length === 0) continue;
    current++;
    const pod = [...pods].sort(oldestRunningFirst)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else ctx.wakeAt(podAvailableAt(pod, minReady) ?? now, `${ds.metadata.namespace}/${ds.metadata.name}`);
    }
    if (isPodUpdated(pod, ds, hash)) updated++;
  }
  const status: Obj = { ...statusOf(ds), currentNumberScheduled: current, desiredNumberScheduled: desired, numberMisscheduled: misscheduled, numberReady: ready, observedGeneration: ds.metadata.generation };
  for (const [field, value] of [
    ["updatedNumberScheduled", updated],
    ["numberAvailable", available],
    ["numberUnavailable", desired - available],
  ] as const) {
    if (value) status[field] = value;
    else delete status[field];
  }
  return writeStatus(ctx, DS, ds, status);
}

function syncDaemonSet(ctx: ControllerContext, ds: KubeObject): boolean {
  const selector = specOf(ds).selector as LabelSelectorSpec | undefined;
  if (!selector?.matchLabels && !selector?.matchExpressions) return false;
  const before = ctx.api.store.resourceVersion;
  const nodes = [...ctx.api.store.list("nodes")].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
  const s: DaemonSync = { ctx, ds, nodes, hash: computeHash(specOf(ds).template, statusOf(ds).collisionCount as number | undefined) };
  if (!ds.metadata.deletionTimestamp) {
    const { create, remove } = manage(s, nodeToPods(s));
    syncNodes(s, remove, create);
    rollingUpdate(s, nodeToPods(s));
  }
  updateStatus(s, nodeToPods(s));
  return ctx.api.store.resourceVersion !== before;
}

export const daemonSetController: Controller = {
  name: "daemonset-controller",
  reconcile(ctx) {
    let wrote = false;
    for (const ds of ctx.api.store.list("daemonsets")) wrote = syncDaemonSet(ctx, ds) || wrote;
    return wrote;
  },
};
