/**
 * kubectl's view of a Deployment's revisions (pkg/util/deployment GetAllReplicaSets and
 * polymorphichelpers): the ReplicaSets it controls, keyed by their revision annotation,
 * and the pod template of a revision printed as `describe` prints it.
 */
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../../api/object";
import type { LabelSelectorSpec } from "../../../api/label-selector";
import { matchesSelector, selectorFromSpec } from "../../../api/label-selector";
import type { ApiServer } from "../../../api/server";
import { findNewReplicaSet, revisionOf } from "../../../controllers/deployment/replica-sets";
import { describePodTemplate } from "../../describe/pod-template";
import { DescribeWriter } from "../../describe/prefix-writer";

const specOf = (o: KubeObject): Record<string, unknown> => (o.spec ?? {}) as Record<string, unknown>;

/** The ReplicaSets a Deployment controls, and the one whose template is current. */
export function deploymentReplicaSets(api: ApiServer, d: KubeObject): { all: KubeObject[]; newRS: KubeObject | undefined } {
  const selector = selectorFromSpec(specOf(d).selector as LabelSelectorSpec);
  const owned = api.store
    .list("replicasets", d.metadata.namespace)
    .filter((rs) => matchesSelector(selector, rs.metadata.labels) && (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
  return { all: owned, newRS: findNewReplicaSet(d, owned) };
}

/** revision → ReplicaSet; the current ReplicaSet wins a tie, as it is visited last. */
export function revisionMap(api: ApiServer, d: KubeObject): Map<number, KubeObject> {
  const { all, newRS } = deploymentReplicaSets(api, d);
  const ordered = [...all.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid), ...(newRS ? [newRS] : [])];
  const map = new Map<number, KubeObject>();
  for (const rs of ordered) {
    const v = revisionOf(rs);
    if (v !== undefined) map.set(v, rs);
  }
  return map;
}

/**
 * printTemplate: DescribePodTemplate through a bare PrefixWriter, so the tabs stay
 * unaligned in the output, as in kubectl's.
 */
export function printTemplate(template: unknown): string {
  const w = new DescribeWriter();
  describePodTemplate(template as PodTemplateSpec, w);
  return w.raw();
}
