/**
 * The two selector languages scheduling reads. Node selector terms (component-helpers
 * nodeaffinity): requirements with In, NotIn, Exists, DoesNotExist, Gt and Lt over node
 * labels, `matchFields` over `metadata.name`; a term with nothing in it matches no node.
 * Label selectors (metav1.LabelSelectorAsSelector) for pod affinity: an absent selector
 * matches nothing, an empty one everything.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";

type Labels = Readonly<Record<string, string>>;

/** Gt and Lt compare the label as an int64; a label that is not one never matches. */
function asInt(v: string | undefined): number | undefined {
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export function requirementMatches(r: NodeSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return has && values.includes(value);
    case "NotIn":
      return !has || !values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      const label = asInt(has ? value : undefined);
      const bound = values.length === 1 ? asInt(values[0]) : undefined;
      if (label === undefined || bound === undefined) return false;
      return r.operator === "Gt" ? label > bound : label < bound;
    }
    default:
      return false;
  }
}

/** Only `metadata.name` is a node field a term may select on. */
function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean {
  if (r.key !== "metadata.name") return false;
  return requirementMatches(r, { "metadata.name": nodeName });
}

export function termMatches(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => fieldMatches(r, nodeName));
}

/** Terms are ORed. */
export function anyTermMatches(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  return terms.some((t) => termMatches(t, labels, nodeName));
}

/** A metav1.LabelSelectorRequirement: In, NotIn, Exists, DoesNotExist. */
function expressionMatches(e: { key: string; operator: string; values?: string[] }, labels: Labels): boolean {
  const has = Object.hasOwn(labels, e.key);
  const values = e.values ?? [];
  switch (e.operator) {
    case "In":
      return has && values.includes(labels[e.key]);
    case "NotIn":
      return !has || !values.includes(labels[e.key]);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
}

export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  return (selector.matchExpressions ?? []).every((e) => expressionMatches(e, labels));
}
