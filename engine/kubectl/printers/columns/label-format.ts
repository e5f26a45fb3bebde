/**
 * How apimachinery writes label maps and label selectors into table cells:
 * labels.FormatLabels, metav1.FormatLabelSelector and LabelSelectorAsSelector(...).String().
 */

import type { LabelSelector } from "kubernetes-types/meta/v1";

/** labels.Set.String sorts the `k=v` strings themselves, byte-wise; empty is `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? "<none>" : pairs.sort(byCodePoint).join(",");
}

/** metav1.FormatLabelSelector: `<none>` when the selector selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector);
  return s === undefined ? "<error>" : s === "" ? "<none>" : s;
}

/**
 * LabelSelectorAsSelector(selector).String(): requirements sorted by key, `k=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k`; undefined when the selector is invalid.
 */
export function selectorString(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return "";
  const requirements: { key: string; text: string }[] = Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({ key, text: `${key}=${v}` }));
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byCodePoint).join(",");
    const count = e.values?.length ?? 0;
    if ((e.operator === "In" || e.operator === "NotIn") && count === 0) return undefined;
    if ((e.operator === "Exists" || e.operator === "DoesNotExist") && count > 0) return undefined;
    if (e.operator === "In") requirements.push({ key: e.key, text: `${e.key} in (${values})` });
    else if (e.operator === "NotIn") requirements.push({ key: e.key, text: `${e.key} notin (${values})` });
    else if (e.operator === "Exists") requirements.push({ key: e.key, text: e.key });
    else if (e.operator === "DoesNotExist") requirements.push({ key: e.key, text: `!${e.key}` });
    else return undefined;
  }
  return requirements.sort((a, b) => byCodePoint(a.key, b.key)).map((r) => r.text).join(",");
}

/** Go compares strings byte-wise, which for UTF-8 is code point order. */
export function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
