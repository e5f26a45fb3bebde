/**
 * `--overrides` and `--override-type` of `run` and `expose` (cmdutil.OverrideOptions): an
 * inline JSON document applied to the generated object as a JSON merge patch (the
 * default), a strategic merge patch, or a JSON patch; the result is read back as the
 * typed object, so every container keeps its `resources: {}`.
 */
import type { KubeObject } from "../../../api/object";
import type { FlagSpec, ParsedFlags } from "../../flags";
import { str } from "../../flags";
import { kindType } from "../../patch/patch-meta";
import { strategicMergePatch } from "../../patch/strategic-merge";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const OVERRIDE_FLAGS: readonly FlagSpec[] = [
  { name: "override-type", type: "string", default: "merge", usage: "The method used to override the generated object: json, merge, or strategic." },
  {
    name: "overrides",
    type: "string",
    usage: "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.",
  },
];

export type Overridden = { ok: true; value: KubeObject } | { ok: false; error: string };

/** RFC 7386, as evanphx/json-patch's MergePatch applies it. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

const unescapePointer = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");

/** RFC 6902 on a copy of the document; only the operations kubectl users reach for. */
function jsonPatch(doc: Obj, ops: unknown): Obj | string {
  if (!Array.isArray(ops)) return "json: cannot unmarshal object into Go value of type jsonpatch.Patch";
  const root: Obj = structuredClone(doc);
  for (const op of ops) {
    if (!isObj(op)) return "json: cannot unmarshal non-object into Go value of type jsonpatch.Operation";
    const path = String(op.path ?? "");
    const parts = path.split("/").slice(1).map(unescapePointer);
    const last = parts.pop();
    let parent: unknown = root;
    for (const p of parts) parent = Array.isArray(parent) ? parent[Number(p)] : isObj(parent) ? parent[p] : undefined;
    const kind = String(op.op);
    if (last === undefined || (!isObj(parent) && !Array.isArray(parent))) return `${kind} operation does not apply: doc is missing path: "${path}": missing value`;
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : Number(last);
      if (kind === "add") parent.splice(i, 0, op.value);
      else if (kind === "replace" && i < parent.length) parent[i] = op.value;
      else if (kind === "remove" && i < parent.length) parent.splice(i, 1);
      else return `${kind} operation does not apply: doc is missing path: "${path}": missing value`;
      continue;
    }
    if (kind === "replace" && !(last in parent)) return `replace operation does not apply: doc is missing key: ${path}: missing value`;
    if (kind === "remove" && !(last in parent)) return `error in remove for path: '${path}': Unable to remove nonexistent key: ${last}: missing value`;
    if (kind === "add" || kind === "replace") parent[last] = op.value;
    else if (kind === "remove") delete parent[last];
    else return `Unexpected kind: ${kind}`;
  }
  return root;
}

/** What decoding into the typed object and encoding it again restores. */
function typed(o: Obj): Obj {
  const spec = isObj(o.spec) ? o.spec : undefined;
  for (const list of [spec?.containers, spec?.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c) && !isObj(c.resources)) c.resources = {};
  }
  if (o.kind === "Pod" && !isObj(o.status)) o.status = {};
  return o;
}

export function applyOverrides(flags: ParsedFlags, object: KubeObject): Overridden {
  const overrides = str(flags, "overrides");
  if (!overrides) return { ok: true, value: object };
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    return { ok: false, error: "Invalid JSON Patch" };
  }
  const type = str(flags, "override-type") || "strategic";
  let result: unknown;
  if (type === "merge") {
    if (!isObj(patch)) return { ok: false, error: "Invalid JSON Patch" };
    result = mergePatch(object, patch);
  } else if (type === "strategic") {
    if (!isObj(patch)) return { ok: false, error: "Invalid JSON Patch" };
    const r = strategicMergePatch(object as Obj, patch, kindType(object.kind));
    if (!r.ok) return { ok: false, error: r.error.message };
    result = r.value;
  } else if (type === "json") {
    const r = jsonPatch(object as Obj, patch);
    if (typeof r === "string") return { ok: false, error: r };
    result = r;
  } else {
    return { ok: false, error: `invalid override type: ${type}` };
  }
  return { ok: true, value: typed(result as Obj) as KubeObject };
}
