/** describe.go's getPodStatusForController: `Pods Status:` counts of the pods a controller owns. */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { isControlledBy } from "./controller-ref";
import type { DescribeContext } from "./describe-object";
import { selectorMatches } from "./selector-string";

export function podsStatus(owner: KubeObject, selector: LabelSelector | undefined, ctx: DescribeContext): string {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of ctx.list("Pod", owner.metadata.namespace)) {
    if (!selectorMatches(selector, pod.metadata.labels) || !isControlledBy(pod, owner.metadata.uid)) continue;
    const phase = (pod as unknown as Pod).status?.phase ?? "";
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}
