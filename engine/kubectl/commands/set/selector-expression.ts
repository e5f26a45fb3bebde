/**
 * metav1.ParseToLabelSelector, as `kubectl set selector` reads its EXPRESSIONS argument:
 * labels.Parse's requirements (a qualified-name key, label values), sorted by key, then
 * `=` and `==` into matchLabels and `in`, `notin`, `key`, `!key` into matchExpressions.
 * `!=`, `>` and `<` have no LabelSelector form and are refused.
 */
import { labelValueErrors, qualifiedNameErrors } from "../../../api/field-errors";
import type { Requirement } from "../../../api/label-selector";
import { parseLabelSelector } from "../../../api/label-selector";
import { goQuote } from "../../printers/jsonpath";

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  readonly values: readonly string[];
}

export interface ParsedSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly SelectorRequirement[];
}

export type SelectorParse = { ok: true; value: ParsedSelector } | { ok: false; error: string };

const OPERATORS: Partial<Record<Requirement["op"], SelectorRequirement["operator"]>> = { in: "In", notin: "NotIn", exists: "Exists", "!": "DoesNotExist" };

/** labels.NewRequirement's checks: field errors on `key` and `values[i][key]`. */
function requirementErrors(r: Requirement): string[] {
  const invalid = (path: string, value: string, errs: string[]) => (errs.length ? [`${path}: Invalid value: ${goQuote(value)}: ${errs.join("; ")}`] : []);
  return [...invalid("key", r.key, qualifiedNameErrors(r.key)), ...r.values.flatMap((v, i) => invalid(`values[${i}][${r.key}]`, v, labelValueErrors(v)))];
}

/** An aggregate error's text: one error alone, several in brackets. */
const aggregate = (errs: readonly string[]) => (errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);

export function parseSelectorExpression(input: string): SelectorParse {
  const parsed = parseLabelSelector(input);
  if (!parsed.ok) return { ok: false, error: `couldn't parse the selector string "${input}": ${parsed.error.message}` };
  for (const r of parsed.value) {
    const errs = requirementErrors(r);
    if (errs.length) return { ok: false, error: `couldn't parse the selector string "${input}": unable to parse requirement: ${aggregate(errs)}` };
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: SelectorRequirement[] = [];
  for (const r of [...parsed.value].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (r.op === "=") {
      matchLabels[r.key] = r.values[0];
      continue;
    }
    if (r.op === "gt" || r.op === "lt") return { ok: false, error: `"${r.op}" isn't supported in label selectors` };
    const operator = OPERATORS[r.op];
    if (!operator) return { ok: false, error: `"${r.op}" is not a valid label selector operator` };
    matchExpressions.push({ key: r.key, operator, values: operator === "In" || operator === "NotIn" ? [...new Set(r.values)].sort() : [] });
  }
  return { ok: true, value: { matchLabels, matchExpressions } };
}

/** The requirements as Go's `%v` prints a []LabelSelectorRequirement: `[{app NotIn [a b]}]`. */
export function formatRequirements(reqs: readonly SelectorRequirement[]): string {
  return `[${reqs.map((r) => `{${r.key} ${r.operator} [${r.values.join(" ")}]}`).join(" ")}]`;
}
