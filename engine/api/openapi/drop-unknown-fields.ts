/**
 * Dropping the fields a kind's schema does not have, as decoding into the Go struct does
 * when the field validation directive only warns about them.
 */
import { OPENAPI } from "./schema";
import type { TypeExpr } from "./type-expr";
import { parseTypeExpr } from "./type-expr";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function strip(t: TypeExpr, v: unknown): unknown {
  if (t.kind === "array") return Array.isArray(v) ? v.map((e) => strip(t.of, e)) : v;
  if (t.kind === "map") return isMap(v) ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, strip(t.of, e)])) : v;
  if (t.kind !== "named" || !isMap(v)) return v;
  const type = OPENAPI.types[t.name];
  if (!type || type.scalar) return v;
  const fields = type.fields ?? {};
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => Object.hasOwn(fields, k))
      .map(([k, e]) => [k, strip(parseTypeExpr(fields[k].type), e)]),
  );
}

/** The object without the fields its kind's schema lacks; unchanged for a kind the schema does not know. */
export function dropUnknownFields(kind: string, obj: Record<string, unknown>): Record<string, unknown> {
  return OPENAPI.types[kind] ? (strip({ kind: "named", name: kind }, obj) as Record<string, unknown>) : obj;
}
