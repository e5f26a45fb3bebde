/**
 * Creating strategic merge patches (apimachinery `strategicpatch`): the two-way patch
 * `kubectl edit` and `set` send (original → modified), and the three-way patch `kubectl
 * apply` sends, which takes additions and changes from the live object to the manifest
 * and deletions from the last-applied configuration to the manifest, so that fields
 * removed from the file are removed and fields others set are kept.
 */
import type { TypeExpr } from "../../api/openapi/type-expr";
import { goSprint } from "../printers/jsonpath";
import { elemType, lookupPatchMeta } from "./patch-meta";
import type { SmpResult } from "./smp-errors";
import { ERR_NO_LIST_OF_LISTS, errBadArgType, errNoMergeKey, errOther, smpFail, smpOk } from "./smp-errors";
import type { GoJsonType, JsonMap } from "./smp-lists";
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
  goJsonType,
  isMap,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sliceElementType,
  sortMapsByField,
  sortScalars,
} from "./smp-lists";
import { mergeMap } from "./strategic-merge";

interface DiffOptions {
  readonly setElementOrder: boolean;
  readonly ignoreChangesAndAdditions: boolean;
  readonly ignoreDeletions: boolean;
  readonly buildRetainKeysDirective: boolean;
}

const DIFF: DiffOptions = { setElementOrder: false, ignoreChangesAndAdditions: false, ignoreDeletions: false, buildRetainKeysDirective: false };

/** A check on the patch that must hold, e.g. that apiVersion, kind and name did not change. */
export type Precondition = (patch: JsonMap) => boolean;

export const requireKeyUnchanged =
  (key: string): Precondition =>
  (patch) =>
    !Object.hasOwn(patch, key);

export const requireMetadataKeyUnchanged =
  (key: string): Precondition =>
  (patch) =>
    !isMap(patch.metadata) || !Object.hasOwn(patch.metadata, key);

export const PRECONDITION_FAILED = "precondition failed";

/** CreateTwoWayMergePatch: the patch that turns `original` into `modified`. */
export function createTwoWayMergePatch(original: JsonMap, modified: JsonMap, t: TypeExpr | undefined, preconditions: readonly Precondition[] = []): SmpResult<JsonMap> {
  const patch = diffMaps(original, modified, t, { ...DIFF, setElementOrder: true });
  if (!patch.ok) return patch;
  if (!preconditions.every((fn) => fn(patch.value))) return smpFail(errOther(PRECONDITION_FAILED));
  return smpOk(patch.value);
}

/** CreateThreeWayMergePatch with overwrite: what `kubectl apply` sends. */
export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, t: TypeExpr | undefined, preconditions: readonly Precondition[] = []): SmpResult<JsonMap> {
  const delta = diffMaps(current, modified, t, { ...DIFF, ignoreDeletions: true, setElementOrder: true });
  if (!delta.ok) return delta;
  const deletions = diffMaps(original ?? {}, modified, t, { ...DIFF, setElementOrder: true, ignoreChangesAndAdditions: true });
  if (!deletions.ok) return deletions;
  const patch = mergeMap(deletions.value, delta.value, t, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  if (!patch.ok) return patch;
  if (!preconditions.every((fn) => fn(patch.value))) return smpFail(errOther(PRECONDITION_FAILED));
  return smpOk(patch.value);
}

function diffMaps(original: JsonMap, modified: JsonMap, t: TypeExpr | undefined, options: DiffOptions): SmpResult<JsonMap> {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const key of Object.keys(modified).sort()) {
    const modifiedValue = modified[key];
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== "string" || typeof modifiedValue !== "string") return smpFail(errOther(`invalid value for special key: ${DIRECTIVE_MARKER}`));
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (goJsonType(originalValue) !== goJsonType(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    let r: SmpResult<true> = smpOk(true);
    if (isMap(originalValue)) r = handleMapDiff(key, originalValue, modifiedValue as JsonMap, patch, t, options);
    else if (Array.isArray(originalValue)) r = handleSliceDiff(key, originalValue, modifiedValue as unknown[], patch, t, options);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
    if (!r.ok) return r;
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  const hasAdditionalNewField = Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField)) patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys);
  return smpOk(patch);
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  patch[key] = modified;
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, t: TypeExpr | undefined, options: DiffOptions): SmpResult<true> {
  const meta = lookupPatchMeta(t, key);
  if (meta.strategy === REPLACE_DIRECTIVE) {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return smpOk(true);
  }
  const value = diffMaps(original, modified, meta.type, { ...options, buildRetainKeysDirective: meta.retainKeys });
  if (!value.ok) return value;
  if (Object.keys(value.value).length > 0) patch[key] = value.value;
  return smpOk(true);
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, t: TypeExpr | undefined, options: DiffOptions): SmpResult<true> {
  const meta = lookupPatchMeta(t, key);
  if (meta.strategy !== MERGE_DIRECTIVE) {
    replaceIfNotEqual(key, original, modified, patch, options);
    return smpOk(true);
  }
  const lists = diffLists(original, modified, elemType(meta.type), meta.mergeKey, { ...options, buildRetainKeysDirective: meta.retainKeys });
  if (!lists.ok) return lists;
  const [add, del, order] = lists.value;
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = del;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = order;
  return smpOk(true);
}

type Lists = [unknown[], unknown[], unknown[]];

function diffLists(original: unknown[], modified: unknown[], elem: TypeExpr | undefined, mergeKey: string, options: DiffOptions): SmpResult<Lists> {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return smpOk([[], [], []]);
    return smpOk([modified, [], []]);
  }
  const kind = sliceElementType(original, modified);
  if (!kind.ok) return kind;
  if (kind.value === "slice") return smpFail(ERR_NO_LIST_OF_LISTS);
  if (kind.value === "map") {
    const maps = diffListsOfMaps(original, modified, elem, mergeKey, options);
    if (!maps.ok) return maps;
    const sorted = normalizeSliceOrder(maps.value[0], modified, mergeKey, kind.value);
    if (!sorted.ok) return sorted;
    const orderSame = isOrderSame(original, modified, mergeKey);
    if (!orderSame.ok) return orderSame;
    const patchList = [...sorted.value, ...maps.value[1]];
    let order: unknown[] = [];
    const changed = (!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame.value)) || (!options.ignoreDeletions && patchList.length > 0);
    if (options.setElementOrder && changed) order = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] }));
    return smpOk([patchList, [], order]);
  }
  const scalars = diffListsOfScalars(original, modified, options);
  const sorted = normalizeSliceOrder(scalars[0], modified, mergeKey, kind.value);
  if (!sorted.ok) return sorted;
  const changed = (!options.ignoreDeletions && scalars[1].length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified));
  return smpOk([sorted.value, scalars[1], options.setElementOrder && changed ? modified : []]);
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): SmpResult<boolean> {
  if (original.length !== modified.length) return smpOk(false);
  for (let i = 0; i < modified.length; i++) {
    const eq = mergeKeyValueEqual(original[i], modified[i], mergeKey);
    if (!eq.ok || !eq.value) return eq;
  }
  return smpOk(true);
}

/** The additions and the deletions between two lists of scalars, compared by their `%v` text. */
function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goSprint(o[i]) : undefined;
    const ms = j < m.length ? goSprint(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!options.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function mapAndKey(list: unknown[], index: number, mergeKey: string): SmpResult<[JsonMap, unknown]> {
  const m = list[index];
  if (!isMap(m)) return smpFail(errBadArgType("map", m));
  if (!Object.hasOwn(m, mergeKey)) return smpFail(errNoMergeKey(m, mergeKey));
  return smpOk([m, m[mergeKey]]);
}

/** Changes and additions as patch elements; deletions as `$patch: delete` elements. */
function diffListsOfMaps(original: unknown[], modified: unknown[], elem: TypeExpr | undefined, mergeKey: string, options: DiffOptions): SmpResult<[unknown[], unknown[]]> {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const o = sortMergeList(original, mergeKey);
  const m = sortMergeList(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    let oe: [JsonMap, unknown] | undefined;
    let me: [JsonMap, unknown] | undefined;
    if (i < o.length) {
      const r = mapAndKey(o, i, mergeKey);
      if (!r.ok) return r;
      oe = r.value;
    }
    if (j < m.length) {
      const r = mapAndKey(m, j, mergeKey);
      if (!r.ok) return r;
      me = r.value;
    }
    const os = oe ? goSprint(oe[1]) : "";
    const ms = me ? goSprint(me[1]) : "";
    if (oe && me && os === ms) {
      const value = diffMaps(oe[0], me[0], elem, options);
      if (!value.ok) return value;
      if (Object.keys(value.value).length > 0) {
        value.value[mergeKey] = me[1];
        patch.push(value.value);
      }
      i++;
      j++;
    } else if (me && (!oe || os > ms)) {
      if (!options.ignoreChangesAndAdditions) patch.push(me[0]);
      j++;
    } else if (oe) {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: oe[1], [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return smpOk([patch, deletions]);
}

/** sortMergeListsByNameArray without recursion: scalars de-duplicated and sorted, maps sorted by merge key. */
function sortMergeList(s: unknown[], mergeKey: string): unknown[] {
  if (s.length === 0) return s;
  const kind: GoJsonType = goJsonType(s[0]);
  return kind === "map" ? sortMapsByField(s, mergeKey) : sortScalars(deduplicateScalars(s));
}
