/**
 * The quota Evaluator contract (apiserver pkg/quota/v1/interfaces.go), trimmed to what
 * the simulator uses: which quota resource names an evaluator measures, whether an
 * object is inside a scope, what one object uses, and the pod's "must specify" rule.
 */
import type { Quantity } from "../resource-quantity";

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A quota scope as a selector requirement: `scopes` entries are `Exists` requirements. */
export interface ScopeRequirement {
  readonly scopeName: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface Evaluator {
  /** MatchingResources: the names among `names` this evaluator measures, sorted. */
  matchingResources(names: readonly string[]): string[];
  matchesScope(scope: ScopeRequirement, obj: Obj): boolean;
  /** Usage of one object at virtual time `now`. */
  usage(obj: Obj, now: number): Map<string, Quantity>;
  /** Constraints: why the object cannot be admitted under a quota on `required`, if it cannot. */
  constraints(required: readonly string[], obj: Obj): string | undefined;
}

/** quota.Intersection: the names of `a` also in `b`, once each, sorted. */
export function intersection(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set(a.filter((n) => b.includes(n)))].sort();
}

/** getScopeSelectorsFromQuota: `spec.scopes` as Exists requirements, then the scopeSelector's. */
export function quotaScopes(quota: Obj): ScopeRequirement[] {
  const spec = isObj(quota.spec) ? quota.spec : {};
  const scopes = Array.isArray(spec.scopes) ? spec.scopes.map((s) => ({ scopeName: String(s), operator: "Exists" })) : [];
  const selector = isObj(spec.scopeSelector) && Array.isArray(spec.scopeSelector.matchExpressions) ? spec.scopeSelector.matchExpressions.filter(isObj) : [];
  return [...scopes, ...selector.map((e) => ({ scopeName: String(e.scopeName), operator: String(e.operator), values: Array.isArray(e.values) ? e.values.map(String) : undefined }))];
}

/** generic.Matches: the quota limits something the evaluator measures, and the object is in all its scopes. */
export function quotaMatches(evaluator: Evaluator, quota: Obj, obj: Obj): boolean {
  const status = isObj(quota.status) ? quota.status : {};
  const hard = Object.keys(isObj(status.hard) ? status.hard : {});
  return evaluator.matchingResources(hard).length > 0 && quotaScopes(quota).every((s) => evaluator.matchesScope(s, obj));
}
