/** describe.go's ConfigMapDescriber (keys sorted, as kubectl does since it stopped walking a Go map). */
import type { ConfigMap } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from "./labels-annotations";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";
import { base64DecodedLength } from "./base64";

export function describeConfigMap(obj: KubeObject, ctx: DescribeContext): string {
  const cm = obj as unknown as ConfigMap;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const key of sortedKeys(cm.data)) {
    w.write(LEVEL_0, `${key}:\n----\n`);
    w.write(LEVEL_0, `${cm.data?.[key] ?? ""}\n`);
    w.write(LEVEL_0, "\n");
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const key of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${key}: ${base64DecodedLength(cm.binaryData?.[key] ?? "")} bytes\n`);
  w.write(LEVEL_0, "\n");
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
