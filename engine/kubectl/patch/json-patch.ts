/**
 * JSON patch (RFC 6902) as gopkg.in/evanphx/json-patch.v4 decodes and applies it, with
 * that library's error texts: `add`, `remove`, `replace`, `move`, `copy`, `test` on JSON
 * pointers (`~1` for `/`, `~0` for `~`, `-` to append, negative indexes from the end).
 */
import { deepEqual, isMap } from "./smp-lists";

export interface JsonPatchOperation {
  readonly op?: unknown;
  readonly path?: unknown;
  readonly from?: unknown;
  readonly value?: unknown;
}

export type JsonPatchResult<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = <T>(error: string): JsonPatchResult<T> => ({ ok: false, error });

function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}

/** jsonpatch.DecodePatch: the patch must be a list of objects. */
export function decodeJsonPatch(patch: unknown): JsonPatchResult<JsonPatchOperation[]> {
  if (!Array.isArray(patch)) return fail(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type jsonpatch.Patch`);
  const bad = patch.find((op) => !isMap(op) && op !== null);
  if (bad !== undefined) return fail(`json: cannot unmarshal ${jsonKind(bad)} into Go value of type jsonpatch.Operation`);
  return { ok: true, value: patch.map((op) => (op ?? {}) as JsonPatchOperation) };
}

const decodeKey = (k: string) => k.replace(/~1/g, "/").replace(/~0/g, "~");

type Container = Record<string, unknown> | unknown[];

/** findObject: the container holding the path's last part, and that part. */
function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split("/");
  if (split.length < 2) return undefined;
  let cur: unknown = doc;
  for (const part of split.slice(1, -1)) {
    const next = get(cur as Container, decodeKey(part));
    if (!next.ok || next.value === undefined || next.value === null || typeof next.value !== "object") return undefined;
    cur = next.value;
  }
  return [cur as Container, decodeKey(split[split.length - 1])];
}

function arrayIndex(a: unknown[], key: string, forInsert: boolean): JsonPatchResult<number> {
  if (!/^-?\d+$/.test(key)) return fail(`strconv.Atoi: parsing "${key}": invalid syntax`);
  let i = Number(key);
  const max = forInsert ? a.length : a.length - 1;
  if (i < 0) {
    if (i < -a.length) return fail(`Unable to access invalid index: ${i}: invalid index referenced`);
    i += a.length;
  }
  if (i > max) return fail(`Unable to access invalid index: ${i}: invalid index referenced`);
  return { ok: true, value: i };
}

function get(c: Container, key: string): JsonPatchResult<unknown> {
  if (!Array.isArray(c)) return { ok: true, value: Object.hasOwn(c, key) ? c[key] : undefined };
  const i = arrayIndex(c, key, false);
  return i.ok ? { ok: true, value: c[i.value] } : i;
}

function add(c: Container, key: string, value: unknown): JsonPatchResult<true> {
  if (!Array.isArray(c)) {
    c[key] = value;
    return { ok: true, value: true };
  }
  if (key === "-") {
    c.push(value);
    return { ok: true, value: true };
  }
  const i = arrayIndex(c, key, true);
  if (!i.ok) return i;
  c.splice(i.value, 0, value);
  return { ok: true, value: true };
}

function remove(c: Container, key: string): JsonPatchResult<unknown> {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) return fail(`Unable to remove nonexistent key: ${key}: missing value`);
    const v = c[key];
    delete c[key];
    return { ok: true, value: v };
  }
  const i = arrayIndex(c, key, false);
  if (!i.ok) return i;
  return { ok: true, value: c.splice(i.value, 1)[0] };
}

function apply(doc: Container, op: JsonPatchOperation): JsonPatchResult<true> {
  const kind = typeof op.op === "string" ? op.op : "unknown";
  const path = typeof op.path === "string" ? op.path : undefined;
  if (path === undefined) return fail(`${kind} operation failed to decode path: missing value`);
  const target = findObject(doc, path);
  const value = op.value === undefined ? null : structuredClone(op.value);
  switch (kind) {
    case "add": {
      if (!target) return fail(`add operation does not apply: doc is missing path: "${path}": missing value`);
      const r = add(target[0], target[1], value);
      return r.ok ? r : fail(`error in add for path: '${path}': ${r.error}`);
    }
    case "remove": {
      if (!target) return fail(`remove operation does not apply: doc is missing path: "${path}": missing value`);
      const r = remove(target[0], target[1]);
      return r.ok ? { ok: true, value: true } : fail(`error in remove for path: '${path}': ${r.error}`);
    }
    case "replace": {
      if (!target) return fail(`replace operation does not apply: doc is missing path: ${path}: missing value`);
      const cur = get(target[0], target[1]);
      if (!cur.ok || cur.value === undefined) return fail(`replace operation does not apply: doc is missing key: ${path}: missing value`);
      if (Array.isArray(target[0])) target[0][Number(target[1]) < 0 ? target[0].length + Number(target[1]) : Number(target[1])] = value;
      else target[0][target[1]] = value;
      return { ok: true, value: true };
    }
    case "move":
    case "copy": {
      const from = typeof op.from === "string" ? op.from : undefined;
      if (from === undefined) return fail(`${kind} operation failed to decode from: missing value`);
      const source = findObject(doc, from);
      if (!source) return fail(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
      const v = kind === "move" ? remove(source[0], source[1]) : get(source[0], source[1]);
      if (!v.ok || v.value === undefined) return fail(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
      const dest = findObject(doc, path);
      if (!dest) return fail(`${kind} operation does not apply: doc is missing destination path: ${path}: missing value`);
      return add(dest[0], dest[1], structuredClone(v.value));
    }
    case "test": {
      const cur = target ? get(target[0], target[1]) : undefined;
      if (!cur?.ok || !deepEqual(cur.value === undefined ? null : cur.value, value)) return fail(`testing value ${path} failed: test failed`);
      return { ok: true, value: true };
    }
    default:
      return fail(`Unexpected kind: ${kind}`);
  }
}

/** Patch.Apply: the patched document, or the first operation's error. */
export function applyJsonPatch(doc: Record<string, unknown>, ops: readonly JsonPatchOperation[]): JsonPatchResult<Record<string, unknown>> {
  const out = structuredClone(doc);
  for (const op of ops) {
    const r = apply(out, op);
    if (!r.ok) return r;
  }
  return { ok: true, value: out };
}
