/**
 * `KEY=VALUE` and `KEY-` arguments after the resources (cmdutil GetResourcesAndPairs and
 * ParsePairs), as label, annotate, set image and set env read them.
 */

export type Split = { ok: true; value: { resources: string[]; pairs: string[] } } | { ok: false; error: string };

/** The resources before the first pair, and the pairs; a resource after a pair is an error. */
export function resourcesAndPairs(args: readonly string[], pairType: string): Split {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) return { ok: false, error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  // an LDAP-style name such as CN=Group1,OU=Groups is a resource though it holds '='
  if (resources.length === 0 && pairs.length > 0) resources.push(pairs.shift() as string);
  return { ok: true, value: { resources, pairs } };
}

export type Pairs = { ok: true; value: { set: Map<string, string>; remove: string[] } } | { ok: false; error: string };

/** ParsePairs: `k=v` (split at the first `=`) to set, `k-` to remove when allowed. */
export function parsePairs(pairs: readonly string[], pairType: string, supportRemove: boolean): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") {
      const eq = p.indexOf("=");
      set.set(p.slice(0, eq), p.slice(eq + 1));
    } else if (supportRemove && p.endsWith("-") && p !== "-") {
      remove.push(p.slice(0, -1));
    } else {
      invalid.push(p);
    }
  }
  if (invalid.length > 0) return { ok: false, error: `invalid ${pairType} format: ${invalid.join(", ")}` };
  return { ok: true, value: { set, remove } };
}
