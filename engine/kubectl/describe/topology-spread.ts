/** describe.go's describeTopologySpreadConstraints. */
import type { TopologySpreadConstraint } from "kubernetes-types/core/v1";
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";
import { formatLabelSelector } from "./selector-string";

export function describeTopologySpreadConstraints(constraints: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let line = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) line += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, line + "\n");
  });
}
