/** describe.go's EndpointsDescriber: per subset its ready and not-ready addresses and its ports. */
import type { Endpoints } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from "./prefix-writer";

export function describeEndpoints(obj: KubeObject, ctx: DescribeContext): string {
  const ep = obj as unknown as Endpoints;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const port of subset.ports ?? []) w.write(LEVEL_2, `${port.name || "<unset>"}\t${port.port}\t${port.protocol ?? ""}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
