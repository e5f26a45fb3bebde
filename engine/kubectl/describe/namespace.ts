/** describe.go's describeNamespace with DescribeResourceQuotas and DescribeLimitRanges. */
import type { LimitRange, Namespace, ResourceQuota } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { canonicalQuantity } from "../../api/resource-quantity";
import type { DescribeContext } from "./describe-object";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { limitRangeTable } from "./limit-range";
import { DescribeWriter, LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";
import { SCOPE_HELP } from "./resource-quota";
import { rfc1123z } from "./time-format";

const byName = (a: KubeObject, b: KubeObject) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1);

function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, "No resource quota.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Quotas\n");
  for (const q of quotas) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ""}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_1, "Resource\tUsed\tHard\n");
    w.write(LEVEL_1, "--------\t---\t---\n");
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort()) w.write(LEVEL_1, `${name}\t${canonicalQuantity(q.status?.used?.[name] ?? "0")}\t${canonicalQuantity(hard[name])}\n`);
  }
}

function describeLimitRanges(ranges: LimitRange[], w: PrefixWriter): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, "No LimitRange resource.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Limits\n");
  limitRangeTable(ranges.flatMap((lr) => lr.spec?.limits ?? []), " ", w);
}

export function describeNamespace(obj: KubeObject, ctx: DescribeContext): string {
  const ns = obj as unknown as Namespace;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n");
    w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
  }
  const name = obj.metadata.name;
  w.write(LEVEL_0, "\n");
  describeResourceQuotas(ctx.list("ResourceQuota", name).sort(byName) as unknown as ResourceQuota[], w);
  w.write(LEVEL_0, "\n");
  describeLimitRanges(ctx.list("LimitRange", name) as unknown as LimitRange[], w);
  return w.render();
}
