/**
 * How the API server decodes a learner's object for kubectl (fieldValidation=Strict):
 * a wrong JSON type is refused first (`json: cannot unmarshal ...`), then unknown fields
 * (`strict decoding error: unknown field "spec.x"`), as the Go decoder orders them.
 */
import type { StatusError } from "./errors";
import { badRequest } from "./errors";
import { typeMismatch, unknownFields } from "./openapi/schema";

export function decodeError(kind: string, version: string, obj: unknown): StatusError | undefined {
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  const mismatch = typeMismatch(kind, obj);
  if (mismatch) return badRequest(prefix + mismatch);
  const fields = unknownFields(kind, obj);
  if (fields.length === 0) return undefined;
  return badRequest(`${prefix}strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(", ")}`);
}
