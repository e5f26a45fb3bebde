/**
 * core/v1 ResourceList arithmetic with exact quantities, as apiserver's quota helpers
 * (staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go) do it: Add keeps the first
 * operand's suffix family, Mask keeps the named entries, LessThanOrEqual names the
 * entries that exceed, and prettyPrint is the `name=value,...` of quota errors.
 */
import { addQuantity, compareQuantity, formatQuantity, parseQuantity, type Quantity } from "./resource-quantity";

export type ResourceList = ReadonlyMap<string, Quantity>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A stored list (`{cpu: "500m"}`); an entry that does not parse is left out. */
export function resourceListOf(json: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObj(json)) return out;
  for (const [name, raw] of Object.entries(json)) {
    const q = parseQuantity(raw);
    if (q) out.set(name, q);
  }
  return out;
}

/** The list as the API server stores it: canonical strings. */
export function resourceListJson(list: ResourceList): Record<string, string> {
  return Object.fromEntries([...list].map(([name, q]) => [name, formatQuantity(q)]));
}

/** quota.Add: every name of either list, summed where both have it. */
export function addResourceLists(a: ResourceList, b: ResourceList): Map<string, Quantity> {
  const out = new Map(a);
  for (const [name, q] of b) {
    const mine = out.get(name);
    out.set(name, mine ? addQuantity(mine, q) : q);
  }
  return out;
}

/** quota.Mask: only the named entries. */
export function maskResourceList(list: ResourceList, names: Iterable<string>): Map<string, Quantity> {
  const keep = new Set(names);
  return new Map([...list].filter(([name]) => keep.has(name)));
}

/** quota.RemoveZeros. */
export function removeZeros(list: ResourceList): Map<string, Quantity> {
  return new Map([...list].filter(([, q]) => q.nanos !== 0n));
}

/** quota.LessThanOrEqual: the names of `b` whose value in `a` is larger, sorted. */
export function exceededResources(a: ResourceList, b: ResourceList): string[] {
  return [...b].filter(([name, limit]) => a.has(name) && compareQuantity(a.get(name) as Quantity, limit) > 0).map(([name]) => name).sort();
}

/** quota.Equals: the same names with equal values. */
export function resourceListsEqual(a: ResourceList, b: ResourceList): boolean {
  return a.size === b.size && [...a].every(([name, q]) => b.has(name) && compareQuantity(q, b.get(name) as Quantity) === 0);
}

/** prettyPrint of the quota admission: `name=value` sorted by name, joined by commas. */
export function prettyPrintResourceList(list: ResourceList): string {
  return [...list.keys()].sort().map((name) => `${name}=${formatQuantity(list.get(name) as Quantity)}`).join(",");
}
