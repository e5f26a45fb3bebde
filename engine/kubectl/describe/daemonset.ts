/** describe.go's describeDaemonSet. */
import type { DaemonSet } from "kubernetes-types/apps/v1";
import type { KubeObject } from "../../api/object";
import { podsStatus } from "./controller-pods";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { describePodTemplate } from "./pod-template";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";
import { selectorString } from "./selector-string";

export function describeDaemonSet(obj: KubeObject, ctx: DescribeContext): string {
  const ds = obj as unknown as DaemonSet;
  const status = ds.status;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  // These five lines have no tab in kubectl, so they are never aligned.
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(obj, ds.spec?.selector, ctx)}\n`);
  describePodTemplate(ds.spec?.template, w);
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
