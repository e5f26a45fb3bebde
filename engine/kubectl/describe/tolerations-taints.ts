/** describe.go's printTolerationsMultilineWithIndent and printTaintsMultilineWithIndent. */
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";

/** Go sorts these with sort.Slice; for the handful a pod carries that is a stable insertion sort. */
function stableSorted<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** printPodTolerationsMultiline: continuation lines start with a bare tab, even under `  Tolerations`. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  stableSorted(tolerations, (t) => t.key ?? "").forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let line = t.key ?? "";
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    // A bare `operator: Exists` tolerates everything and prints with no leading space.
    if (t.operator === "Exists" && !t.value) line += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, line + "\n");
  });
}

/** corev1.Taint.ToString(). */
export function taintString(t: Taint): string {
  const value = t.value ?? "";
  if (!t.effect) return value ? `${t.key}=${value}:` : t.key;
  return value ? `${t.key}=${value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine("<none>");
    return;
  }
  stableSorted(taints, (t) => `${t.effect ?? ""},${t.key}`).forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, taintString(t) + "\n");
  });
}
