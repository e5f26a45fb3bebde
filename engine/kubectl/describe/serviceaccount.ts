/** describe.go's ServiceAccountDescriber. */
import type { Secret, ServiceAccount } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";

const TOKEN_TYPE = "kubernetes.io/service-account-token";
// kubectl pads the three headers to one width itself and prints them in sorted order.
const EMPTY_HEADER = "                   ";
const PULL_HEADER = "Image pull secrets:";
const MOUNT_HEADER = "Mountable secrets: ";
const TOKEN_HEADER = "Tokens:            ";

export function describeServiceAccount(obj: KubeObject, ctx: DescribeContext): string {
  const sa = obj as unknown as ServiceAccount;
  const secrets = ctx.list("Secret", obj.metadata.namespace) as unknown as Secret[];
  const existing = new Set(secrets.map((s) => s.metadata?.name));
  const tokens = secrets
    .filter((s) => s.type === TOKEN_TYPE && s.metadata?.annotations?.["kubernetes.io/service-account.name"] === obj.metadata.name && s.metadata?.annotations?.["kubernetes.io/service-account.uid"] === obj.metadata.uid)
    .map((s) => s.metadata?.name ?? "");
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  const sections: [string, string[]][] = [
    [PULL_HEADER, (sa.imagePullSecrets ?? []).map((s) => s.name ?? "")],
    [MOUNT_HEADER, (sa.secrets ?? []).map((s) => s.name ?? "")],
    [TOKEN_HEADER, tokens],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name}${existing.has(name) ? "" : " (not found)"}\n`));
  }
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
