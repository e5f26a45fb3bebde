/**
 * Applying a strategic merge patch (apimachinery `strategicpatch.mergeMap` and friends):
 * maps merge key by key, lists with the `merge` strategy merge their elements by merge key,
 * other lists are replaced, `null` deletes, and the directives `$patch: delete|replace`,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>` do
 * what they say. The API server applies with parallel lists merged and unmatched nulls
 * ignored; kubectl's three-way patch merges two patches without either.
 */
import type { TypeExpr } from "../../api/openapi/type-expr";
import { goSprint } from "../printers/jsonpath";
import type { PatchStrategy } from "./patch-meta";
import { elemType, lookupPatchMeta } from "./patch-meta";
import type { SmpResult } from "./smp-errors";
import {
  ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER,
  errBadArgType,
  errBadPatchType,
  errNoMergeKey,
  errOther,
  smpFail,
  smpOk,
} from "./smp-errors";
import type { JsonMap } from "./smp-lists";
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  deduplicateScalars,
  deepEqual,
  extractToDeleteItems,
  findMapInSlice,
  goJsonType,
  isMap,
  mergeKeyValueEqual,
  normalizeElementOrder,
  partitionByPresentInList,
  sliceElementType,
} from "./smp-lists";

export interface MergeOptions {
  /** apply `$deleteFromPrimitiveList` and `$setElementOrder` (server side) instead of carrying them */
  readonly mergeParallelList: boolean;
  /** drop a null whose key the original lacks instead of keeping it (server side) */
  readonly ignoreUnmatchedNulls: boolean;
}

const SERVER_SIDE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** StrategicMergeMapPatch: the object the API server stores for `original` patched with `patch`. */
export function strategicMergePatch(original: JsonMap, patch: JsonMap, t: TypeExpr | undefined): SmpResult<JsonMap> {
  return mergeMap(structuredClone(original), structuredClone(patch), t, SERVER_SIDE);
}

const sortedKeys = (m: JsonMap) => Object.keys(m).sort();

function extractKey(s: string, prefix: string): SmpResult<string> {
  const slash = s.indexOf("/");
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) return smpFail(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    return smpFail(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER);
  }
  return smpOk(s.slice(slash + 1));
}

export function mergeMap(original: JsonMap | null, patch: JsonMap, t: TypeExpr | undefined, options: MergeOptions): SmpResult<JsonMap> {
  if (Object.hasOwn(patch, DIRECTIVE_MARKER)) {
    const directive = patch[DIRECTIVE_MARKER];
    if (directive === REPLACE_DIRECTIVE) {
      delete patch[DIRECTIVE_MARKER];
      return smpOk(patch);
    }
    if (directive === DELETE_DIRECTIVE) return smpOk({});
    return smpFail(errBadPatchType(directive, patch));
  }
  const target: JsonMap = original ?? {};
  const retained = applyRetainKeysDirective(target, patch, options);
  if (!retained.ok) return retained;
  const ordered = mergePatchIntoOriginal(target, patch, t, options);
  if (!ordered.ok) return ordered;

  for (const key of sortedKeys(patch)) {
    const patchV = patch[key];
    let k = key;
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        target[key] = patchV;
        continue;
      }
      const plain = extractKey(key, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      if (!plain.ok) return plain;
      k = plain.value;
      isDeleteList = true;
    }
    if (patchV === null) {
      delete target[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!Object.hasOwn(target, k)) {
      target[k] = patchV;
      continue;
    }
    const originalType = goJsonType(target[k]);
    if (originalType !== goJsonType(patchV)) {
      target[k] = patchV;
      continue;
    }
    const meta = lookupPatchMeta(t, k);
    let merged: SmpResult<unknown>;
    if (originalType === "map") merged = mergeMapHandler(target[k], patchV, meta.type, meta.strategy, options);
    else if (originalType === "slice") merged = mergeSliceHandler(target[k], patchV, meta.type, meta.strategy, meta.mergeKey, isDeleteList, options);
    else merged = smpOk(patchV);
    if (!merged.ok) return merged;
    target[k] = merged.value;
  }
  return smpOk(target);
}

function mergeMapHandler(original: unknown, patch: unknown, t: TypeExpr | undefined, strategy: PatchStrategy, options: MergeOptions): SmpResult<JsonMap> {
  if (!isMap(original)) return smpFail(errBadArgType("map", original));
  if (!isMap(patch)) return smpFail(errBadArgType("map", patch));
  return strategy === REPLACE_DIRECTIVE ? smpOk(patch) : mergeMap(original, patch, t, options);
}

function mergeSliceHandler(
  original: unknown,
  patch: unknown,
  t: TypeExpr | undefined,
  strategy: PatchStrategy,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
): SmpResult<unknown[]> {
  if (!Array.isArray(original)) return smpFail(errBadArgType("slice", original));
  if (!Array.isArray(patch)) return smpFail(errBadArgType("slice", patch));
  if (strategy !== MERGE_DIRECTIVE) return smpOk(patch);
  return mergeSlice(original, patch, elemType(t), mergeKey, options, isDeleteList);
}

function mergeSlice(original: unknown[], patch: unknown[], elem: TypeExpr | undefined, mergeKey: string, options: MergeOptions, isDeleteList: boolean): SmpResult<unknown[]> {
  if (original.length === 0 && patch.length === 0) return smpOk(original);
  const kind = sliceElementType(original, patch);
  if (!kind.ok) return kind;
  let merged: unknown[];
  let base = original;
  let items = patch;
  if (kind.value !== "map") {
    if (options.mergeParallelList && isDeleteList) return smpOk(original.filter((v) => !patch.includes(v)));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) return smpFail(errOther("cannot merge lists without merge key for type map"));
    const special = mergeSliceWithSpecialElements(original, patch, mergeKey);
    if (!special.ok) return special;
    [base, items] = special.value;
    const m = mergeSliceWithoutSpecialElements(base, items, mergeKey, elem, options);
    if (!m.ok) return m;
    merged = m.value;
  }
  const parts = partitionByPresentInList(merged, items, kind.value === "map" ? mergeKey : "");
  if (!parts.ok) return parts;
  return normalizeElementOrder(parts.value[0], parts.value[1], items, base, kind.value === "map" ? mergeKey : "", kind.value);
}

function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): SmpResult<[unknown[], unknown[]]> {
  const plain: unknown[] = [];
  let replace = false;
  let base = original;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = m[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!Object.hasOwn(m, mergeKey)) return smpFail(errNoMergeKey(m, mergeKey));
      base = base.filter((item) => !(isMap(item) && Object.hasOwn(item, mergeKey) && item[mergeKey] === m[mergeKey]));
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      return smpFail(errOther("merging lists cannot yet be specified in the patch"));
    } else {
      return smpFail(errBadPatchType(directive, m));
    }
  }
  return smpOk(replace ? [plain, []] : [base, plain]);
}

function mergeSliceWithoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, elem: TypeExpr | undefined, options: MergeOptions): SmpResult<unknown[]> {
  const out = [...original];
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, mergeKey)) return smpFail(errNoMergeKey(m, mergeKey));
    const found = findMapInSlice(out, mergeKey, m[mergeKey]);
    if (!found.ok) return found;
    if (found.value) {
      const merged = mergeMap(found.value.map, m, elem, options);
      if (!merged.ok) return merged;
      out[found.value.index] = merged.value;
    } else {
      out.push(v);
    }
  }
  return smpOk(out);
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): SmpResult<true> {
  if (!Object.hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return smpOk(true);
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    if (Object.hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retainKeys)) return smpFail(errOther("retainKeys directives are not deep equal: this may happen when calculating the 3-way diff patch"));
    } else {
      original[RETAIN_KEYS_DIRECTIVE] = retainKeys;
    }
    return smpOk(true);
  }
  if (!Array.isArray(retainKeys)) return smpFail(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!retainKeys.includes(k)) return smpFail(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!retainKeys.includes(k)) delete original[k];
  return smpOk(true);
}

/** validatePatchWithSetOrderList: the patch list must follow the `$setElementOrder` list. */
function validatePatchWithSetOrderList(patchList: unknown, setOrderList: unknown, mergeKey: string): SmpResult<true> {
  if (!Array.isArray(setOrderList) || !Array.isArray(patchList)) return smpFail(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER);
  if (setOrderList.length === 0 || patchList.length === 0) return smpOk(true);
  let nonDelete = patchList;
  if (mergeKey) {
    const split = extractToDeleteItems(patchList);
    if (!split.ok) return split;
    nonDelete = split.value[0];
  }
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    if (isMap(nonDelete[p]) && Object.hasOwn(nonDelete[p] as JsonMap, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    const eq = mergeKeyValueEqual(nonDelete[p], setOrderList[s], mergeKey);
    if (!eq.ok) return eq;
    if (eq.value) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) return smpFail(errOther(`The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprint(setOrderList)}\n`));
  return smpOk(true);
}

/** mergePatchIntoOriginal: merge each list that has a `$setElementOrder` list and put it in that order. */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, t: TypeExpr | undefined, options: MergeOptions): SmpResult<true> {
  for (const key of sortedKeys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const setOrder = patch[key];
    if (!options.mergeParallelList) {
      if (Object.hasOwn(original, key)) {
        if (!deepEqual(original[key], setOrder)) return smpFail(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER);
      } else {
        original[key] = setOrder;
      }
    }
    delete patch[key];
    if (!Array.isArray(setOrder)) return smpFail(errBadArgType("slice", setOrder));
    const field = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    if (!field.ok) return field;
    const name = field.value;
    const foundOriginal = Object.hasOwn(original, name);
    const foundPatch = Object.hasOwn(patch, name);
    const originalList = original[name];
    const patchList = patch[name];
    if (foundOriginal && !Array.isArray(originalList)) return smpFail(errBadArgType("slice", originalList));
    if (foundPatch && !Array.isArray(patchList)) return smpFail(errBadArgType("slice", patchList));
    const meta = lookupPatchMeta(t, name);
    const valid = validatePatchWithSetOrderList(foundPatch ? patchList : [], setOrder, meta.mergeKey);
    if (!valid.ok) return valid;
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList as unknown[];
    else if (!foundOriginal && foundPatch) merged = patchList as unknown[];
    else if (foundOriginal && foundPatch) {
      const m = mergeSliceHandler(originalList, patchList, meta.type, meta.strategy, meta.mergeKey, false, options);
      if (!m.ok) return m;
      merged = m.value;
    } else continue;
    const parts = partitionByPresentInList(merged, setOrder, meta.mergeKey);
    if (!parts.ok) return parts;
    const kind = sliceElementType(foundOriginal ? (originalList as unknown[]) : [], foundPatch ? (patchList as unknown[]) : []);
    if (!kind.ok) return kind;
    const both = normalizeElementOrder(parts.value[0], parts.value[1], setOrder, foundOriginal ? (originalList as unknown[]) : [], meta.mergeKey, kind.value);
    if (!both.ok) return both;
    original[name] = both.value;
    delete patch[name];
  }
  return smpOk(true);
}
