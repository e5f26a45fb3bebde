/**
 * JSON merge patch (RFC 7386) as evanphx/json-patch's MergePatch applies it: objects
 * merge key by key, `null` removes a key, anything else replaces the value whole.
 */
import { isMap } from "./smp-lists";

/** The value with its `null` members dropped, as merging it into nothing leaves it. */
export function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isMap(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, e]) => e !== null)
      .map(([k, e]) => [k, pruneNulls(e)]),
  );
}

function mergeDocs(doc: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...doc };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isMap(out[k]) && isMap(v)) out[k] = mergeDocs(out[k] as Record<string, unknown>, v);
    else out[k] = pruneNulls(v);
  }
  return out;
}

/** The document with the patch applied; a patch that is not an object replaces the document. */
export function jsonMergePatch(doc: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return pruneNulls(patch);
  return mergeDocs(isMap(doc) ? doc : {}, patch);
}
