/** describe.go's describeEndpointSliceV1: address type, ports, and each endpoint with its conditions and place. */
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from "./prefix-writer";

export function describeEndpointSlice(obj: KubeObject, ctx: DescribeContext): string {
  const eps = obj as unknown as EndpointSlice;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ""}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
  else {
    w.write(LEVEL_0, "Ports:\n");
    w.write(LEVEL_1, "Name\tPort\tProtocol\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    for (const port of ports) w.write(LEVEL_1, `${port.name || "<unset>"}\t${port.port ?? "<unset>"}\t${port.protocol ?? ""}\n`);
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
  else {
    w.write(LEVEL_0, "Endpoints:\n");
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
      w.write(LEVEL_2, "Conditions:\n");
      w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined || e.conditions.ready === null ? "<unset>" : String(e.conditions.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
