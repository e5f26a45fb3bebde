/**
 * The list handling strategic merge patch shares between applying and creating patches:
 * element kinds, merge-key lookups, scalar de-duplication and sorting, and the ordering
 * rules that keep patched lists in the order of `$setElementOrder`, the patch and the
 * live object (apimachinery `strategicpatch/patch.go`).
 */
import { goSprint } from "../printers/jsonpath";
import type { SmpResult } from "./smp-errors";
import { ERR_NO_LIST_OF_LISTS, errBadArgType, errNoMergeKey, errOther, smpFail, smpOk } from "./smp-errors";

export type JsonMap = Record<string, unknown>;

export const DIRECTIVE_MARKER = "$patch";
export const DELETE_DIRECTIVE = "delete";
export const REPLACE_DIRECTIVE = "replace";
export const MERGE_DIRECTIVE = "merge";
export const RETAIN_KEYS_DIRECTIVE = "$retainKeys";
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";
export const SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";

export const isMap = (v: unknown): v is JsonMap => typeof v === "object" && v !== null && !Array.isArray(v);

/** The Go type of a decoded JSON value, as reflect.TypeOf compares them. */
export type GoJsonType = "map" | "slice" | "string" | "number" | "bool" | "nil";

export function goJsonType(v: unknown): GoJsonType {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  if (typeof v === "number") return "number";
  return typeof v === "boolean" ? "bool" : "string";
}

/** reflect.DeepEqual of decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = goJsonType(a);
  if (ta !== goJsonType(b)) return false;
  if (ta === "slice") {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ta === "map") {
    const x = a as JsonMap;
    const y = b as JsonMap;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k]));
  }
  return false;
}

/** sliceElementType: the one element type of all given lists. */
export function sliceElementType(...slices: readonly (readonly unknown[])[]): SmpResult<GoJsonType> {
  let prev: GoJsonType | undefined;
  for (const s of slices) {
    for (const v of s) {
      const t = goJsonType(v);
      if (prev === undefined) {
        prev = t;
        if (prev === "slice") return smpFail(ERR_NO_LIST_OF_LISTS);
      } else if (prev !== t) {
        return smpFail(errOther(`list element types are not identical: ${goSprint(slices)}`));
      }
    }
  }
  return prev === undefined ? smpFail(errOther("no elements in any of the given slices")) : smpOk(prev);
}

/** Go interface equality of two scalars (merge-key values are scalars). */
const same = (a: unknown, b: unknown) => a === b;

/** deduplicateScalars, including its way of moving the last element into a duplicate's place. */
export function deduplicateScalars(input: readonly unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (same(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** sortScalars: by their `%v` text. */
export function sortScalars(s: readonly unknown[]): unknown[] {
  return [...s].sort((a, b) => {
    const x = goSprint(a);
    const y = goSprint(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export function sortMapsByField(s: readonly unknown[], field: string): unknown[] {
  return [...s].sort((a, b) => {
    const x = goSprint((a as JsonMap)[field]);
    const y = goSprint((b as JsonMap)[field]);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** index: where an item (by merge key for maps) is in a list, or -1. */
export function indexOf(l: readonly unknown[], item: unknown, mergeKey: string, kind: GoJsonType): number {
  const val = (v: unknown) => (kind === "map" ? (isMap(v) ? v[mergeKey] : undefined) : v);
  const wanted = val(item);
  return l.findIndex((v) => same(val(v), wanted));
}

function validateMergeKeyInLists(mergeKey: string, ...lists: readonly (readonly unknown[])[]): SmpResult<true> {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) return smpFail(errBadArgType("map", item));
      if (!Object.hasOwn(item, mergeKey)) return smpFail(errNoMergeKey(item, mergeKey));
    }
  }
  return smpOk(true);
}

export function extractToDeleteItems(l: readonly unknown[]): SmpResult<[unknown[], unknown[]]> {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of l) {
    if (!isMap(v)) return smpFail(errBadArgType("map", v));
    if (v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) del.push(v);
    else keep.push(v);
  }
  return smpOk([keep, del]);
}

/** sort.SliceStable with the package's partial order, which is an insertion sort for lists this short. */
function stableSortBy(s: unknown[], less: (a: unknown, b: unknown) => boolean): unknown[] {
  const out = [...s];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
  }
  return out;
}

/** normalizeSliceOrder: sort by `order`, deletions last. */
export function normalizeSliceOrder(toSort: readonly unknown[], order: readonly unknown[], mergeKey: string, kind: GoJsonType): SmpResult<unknown[]> {
  let items = [...toSort];
  let toDelete: unknown[] = [];
  if (kind === "map") {
    const v = validateMergeKeyInLists(mergeKey, toSort, order);
    if (!v.ok) return v;
    const split = extractToDeleteItems(items);
    if (!split.ok) return split;
    [items, toDelete] = split.value;
  }
  const sorted = stableSortBy(items, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    const ib = indexOf(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return smpOk([...sorted, ...toDelete]);
}

/** mergeSortedSlice: interleave two sorted lists by their order in the live list. */
function mergeSortedSlice(left: readonly unknown[], right: readonly unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoJsonType): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, interleaved. */
export function normalizeElementOrder(
  patch: readonly unknown[],
  serverOnly: readonly unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: GoJsonType,
): SmpResult<unknown[]> {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  if (!p.ok) return p;
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  if (!s.ok) return s;
  return smpOk(mergeSortedSlice(s.value, p.value, serverOrder, mergeKey, kind));
}

export function findMapInSlice(m: readonly unknown[], key: string, value: unknown): SmpResult<{ map: JsonMap; index: number } | undefined> {
  for (let k = 0; k < m.length; k++) {
    const v = m[k];
    if (!isMap(v)) return smpFail(errOther(`value for key ${k} is not a map.`));
    if (Object.hasOwn(v, key) && same(v[key], value)) return smpOk({ map: v, index: k });
  }
  return smpOk(undefined);
}

/** Items of `list` present in `by` first, the rest second. */
export function partitionByPresentInList(list: readonly unknown[], by: readonly unknown[], mergeKey: string): SmpResult<[unknown[], unknown[]]> {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of list) {
    if (!mergeKey) {
      (by.some((b) => same(b, v)) ? inPatch : serverOnly).push(v);
      continue;
    }
    if (!isMap(v)) return smpFail(errBadArgType("map", v));
    if (!Object.hasOwn(v, mergeKey)) return smpFail(errNoMergeKey(v, mergeKey));
    const found = findMapInSlice(by, mergeKey, v[mergeKey]);
    if (!found.ok) return found;
    (found.value ? inPatch : serverOnly).push(v);
  }
  return smpOk([inPatch, serverOnly]);
}

export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): SmpResult<boolean> {
  if (!mergeKey) return smpOk(same(left, right));
  if (!isMap(left)) return smpFail(errBadArgType("map", left));
  if (!isMap(right)) return smpFail(errBadArgType("map", right));
  if (!Object.hasOwn(left, mergeKey)) return smpFail(errNoMergeKey(left, mergeKey));
  if (!Object.hasOwn(right, mergeKey)) return smpFail(errNoMergeKey(right, mergeKey));
  return smpOk(same(left[mergeKey], right[mergeKey]));
}
