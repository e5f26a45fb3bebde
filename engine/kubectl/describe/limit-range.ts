/** describe.go's LimitRangeDescriber, and the rows it shares with the namespace describer. */
import type { LimitRange, LimitRangeItem } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { canonicalQuantity } from "../../api/resource-quantity";
import { DescribeWriter, LEVEL_0, type PrefixWriter } from "./prefix-writer";

const HEADER = "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n";
const RULE = "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n";

/** describeLimitRangeSpec: one row per item and resource, `-` where the item sets nothing. */
function describeLimitRangeSpec(items: readonly LimitRangeItem[], prefix: string, w: PrefixWriter): void {
  for (const item of items) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    // kubectl walks a Go map here, so its row order varies run to run; sorted is one of those orders.
    const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort();
    for (const name of names) {
      const cells = lists.map((l) => (l && Object.hasOwn(l, name) ? canonicalQuantity(l[name]) : "-"));
      w.write(LEVEL_0, `${prefix}${item.type}\t${name}\t${cells.join("\t")}\n`);
    }
  }
}

/** The `Type Resource Min ...` table with its header, indented by `prefix` (the namespace describer's is one space). */
export function limitRangeTable(items: readonly LimitRangeItem[], prefix: string, w: PrefixWriter): void {
  w.write(LEVEL_0, prefix + HEADER);
  w.write(LEVEL_0, prefix + RULE);
  describeLimitRangeSpec(items, prefix, w);
}

export function describeLimitRange(obj: KubeObject): string {
  const lr = obj as unknown as LimitRange;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  limitRangeTable(lr.spec?.limits ?? [], "", w);
  return w.render();
}
