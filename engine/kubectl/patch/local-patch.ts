/**
 * Applying a patch on the client (`kubectl patch --local` and `--dry-run=client`,
 * patch.go getPatchedJSON), with kubectl's rewording of a JSON patch that names a
 * missing field.
 */
import type { KubeObject } from "../../api/object";
import type { Failure } from "./failure";
import { applyJsonPatch, decodeJsonPatch } from "./json-patch";
import { jsonMergePatch } from "./json-merge-patch";
import { kindType } from "./patch-meta";
import type { PatchType } from "./server-patch";
import { isMap } from "./smp-lists";
import { strategicMergePatch } from "./strategic-merge";

export type LocalPatch = { ok: true; value: KubeObject } | { ok: false; error: Failure };

export function localPatch(object: KubeObject, patchType: PatchType, patch: unknown): LocalPatch {
  const doc = structuredClone(object) as Record<string, unknown>;
  if (patchType === "json") {
    const ops = decodeJsonPatch(patch);
    if (!ops.ok) return ops;
    const r = applyJsonPatch(doc, ops.value);
    if (r.ok) return { ok: true, value: r.value as KubeObject };
    const ix = r.error.indexOf("doc is missing key");
    return { ok: false, error: ix >= 0 ? `Object to be patched is missing field (${r.error.slice(r.error.indexOf("key:") + 5)})` : r.error };
  }
  if (!isMap(patch)) return { ok: false, error: "json: cannot unmarshal non-object into Go value of type map[string]interface {}" };
  if (patchType === "merge") return { ok: true, value: jsonMergePatch(doc, patch) as KubeObject };
  const r = strategicMergePatch(doc, patch, kindType(object.kind));
  return r.ok ? { ok: true, value: r.value as KubeObject } : { ok: false, error: r.error.message };
}
