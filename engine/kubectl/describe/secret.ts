/** describe.go's describeSecret: values stay hidden, only their decoded sizes are shown. */
import type { Secret } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from "./labels-annotations";
import { base64DecodedLength, decodeBase64 } from "./base64";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";

/** Secrets never show events: kubectl's SecretDescriber does not look them up. */
export function describeSecret(obj: KubeObject): string {
  const secret = obj as unknown as Secret;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const key of sortedKeys(secret.data)) {
    const value = secret.data?.[key] ?? "";
    // A service account token is the one value kubectl prints in full.
    if (key === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${key}:\t${decodeBase64(value)}\n`);
    else w.write(LEVEL_0, `${key}:\t${base64DecodedLength(value)} bytes\n`);
  }
  return w.render();
}
