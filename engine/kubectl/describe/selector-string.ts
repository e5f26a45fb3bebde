/**
 * metav1.LabelSelectorAsSelector(...).String() and metav1.FormatLabelSelector, plus the
 * matching that getPodStatusForController and listReplicaSets do with those selectors.
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";

type Requirement = { key: string; text: string; matches: (labels: Readonly<Record<string, string>>) => boolean };

export type ParsedSelector = { ok: true; requirements: Requirement[]; nothing: boolean } | { ok: false; error: string };

export function parseLabelSelector(selector: LabelSelector | undefined | null): ParsedSelector {
  if (!selector) return { ok: true, requirements: [], nothing: true };
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}`, matches: (l) => l[key] === value });
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    const has = (l: Readonly<Record<string, string>>) => Object.prototype.hasOwnProperty.call(l, e.key);
    switch (e.operator) {
      case "In":
        reqs.push({ key: e.key, text: `${e.key} in (${values.join(",")})`, matches: (l) => has(l) && values.includes(l[e.key]) });
        break;
      case "NotIn":
        reqs.push({ key: e.key, text: `${e.key} notin (${values.join(",")})`, matches: (l) => !has(l) || !values.includes(l[e.key]) });
        break;
      case "Exists":
        reqs.push({ key: e.key, text: e.key, matches: has });
        break;
      case "DoesNotExist":
        reqs.push({ key: e.key, text: `!${e.key}`, matches: (l) => !has(l) });
        break;
      default:
        return { ok: false, error: `"${e.operator}" is not a valid label selector operator` };
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: true, requirements: reqs, nothing: false };
}

/** Selector.String(): empty for a nil or empty selector. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  const parsed = parseLabelSelector(selector);
  return parsed.ok ? parsed.requirements.map((r) => r.text).join(",") : "";
}

/** metav1.FormatLabelSelector: like selectorString, but `<none>` when empty and `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) return "<error>";
  const s = parsed.requirements.map((r) => r.text).join(",");
  return s === "" ? "<none>" : s;
}

/** A nil selector matches nothing, an empty one everything. */
export function selectorMatches(selector: LabelSelector | undefined | null, labels: Readonly<Record<string, string>> | undefined): boolean {
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok || parsed.nothing) return false;
  return parsed.requirements.every((r) => r.matches(labels ?? {}));
}
