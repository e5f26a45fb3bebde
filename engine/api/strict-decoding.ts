/**
 * How the API server decodes a learner's object (fieldValidation): a value that is no
 * quantity where one belongs is refused first, then a wrong JSON type (`json: cannot
 * unmarshal ...`), as the Go decoder orders them; unknown fields
 * are refused under `Strict` (kubectl's default), dropped with a warning under `Warn`,
 * and dropped silently under `Ignore`.
 */
import type { StatusError } from "./errors";
import { badRequest } from "./errors";
import { dropUnknownFields } from "./openapi/drop-unknown-fields";
import { quantityError, typeMismatch, unknownFields } from "./openapi/schema";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export type Decoded = { ok: true; value: Record<string, unknown>; warnings: string[] } | { ok: false; error: StatusError };

/** Checks `obj`; unless Strict, `value` is obj without its unknown fields. */
export function decode(kind: string, version: string, obj: Record<string, unknown>, validation: FieldValidation): Decoded {
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  const mismatch = quantityError(kind, obj) ?? typeMismatch(kind, obj);
  if (mismatch) return { ok: false, error: badRequest(prefix + mismatch) };
  const fields = unknownFields(kind, obj);
  if (fields.length === 0) return { ok: true, value: obj, warnings: [] };
  if (validation === "Strict") {
    return { ok: false, error: badRequest(`${prefix}strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(", ")}`) };
  }
  return { ok: true, value: dropUnknownFields(kind, obj), warnings: validation === "Warn" ? fields.map((f) => `unknown field "${f}"`) : [] };
}
