/** describe.go's describeDeployment, with kubectl's deploymentutil old/new ReplicaSet split. */
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { isControlledBy } from "./controller-ref";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { describePodTemplate } from "./pod-template";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./prefix-writer";
import { selectorMatches, selectorString } from "./selector-string";
import { rfc1123z } from "./time-format";

const HASH_LABEL = "pod-template-hash";

/** Go zero values and empty collections drop out, as apiequality.Semantic treats nil and empty alike. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalize);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const n = normalize((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null || v === "" || v === false || v === 0 ? undefined : v;
}

/** deploymentutil.EqualIgnoreHash. */
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels[HASH_LABEL];
    return JSON.stringify(normalize({ ...t, metadata: { ...t?.metadata, labels } }));
  };
  return strip(a) === strip(b);
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? "") || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? "") || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? "";
  const nb = b.metadata?.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The ReplicaSets the deployment controls: the oldest one matching its template is new, the rest old. */
function deploymentReplicaSets(obj: KubeObject, ctx: DescribeContext): { oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const d = obj as unknown as Deployment;
  const owned = ctx
    .list("ReplicaSet", obj.metadata.namespace)
    .filter((rs) => selectorMatches(d.spec?.selector, rs.metadata.labels) && isControlledBy(rs, obj.metadata.uid))
    .map((rs) => rs as unknown as ReplicaSet)
    .sort(byCreation);
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function replicaSetsByLabels(sets: ReplicaSet[]): string {
  const list = sets.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
  return list || "<none>";
}

export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const d = obj as unknown as Deployment;
  const spec = d.spec;
  const status = d.status;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${status?.updatedReplicas ?? 0} updated | ${status?.replicas ?? 0} total | ${status?.availableReplicas ?? 0} available | ${status?.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ""}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const ru = spec?.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(spec?.template, w);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const { oldRSs, newRS } = deploymentReplicaSets(obj, ctx);
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
