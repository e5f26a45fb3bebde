/** describe.go's describeReplicaSet. */
import type { ReplicaSet } from "kubernetes-types/apps/v1";
import type { KubeObject } from "../../api/object";
import { podsStatus } from "./controller-pods";
import { printController } from "./controller-ref";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { describePodTemplate } from "./pod-template";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./prefix-writer";
import { formatLabelSelector } from "./selector-string";

export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const rs = obj as unknown as ReplicaSet;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  const controlledBy = printController(obj.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(obj, rs.spec?.selector, ctx)}\n`);
  describePodTemplate(rs.spec?.template, w);
  const conditions = rs.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
