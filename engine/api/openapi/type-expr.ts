/**
 * Field types in schema.json are written as kubectl explain names them: `string`,
 * `integer`, `boolean`, `number`, a type name (`PodSpec`, `Quantity`), `[]T` and
 * `map[string]T`. This turns that text into a tree the walkers can follow.
 */

export type Primitive = "string" | "integer" | "boolean" | "number";

export type TypeExpr =
  | { readonly kind: "primitive"; readonly name: Primitive }
  | { readonly kind: "named"; readonly name: string }
  | { readonly kind: "array"; readonly of: TypeExpr }
  | { readonly kind: "map"; readonly of: TypeExpr };

const PRIMITIVES: readonly string[] = ["string", "integer", "boolean", "number"];

export function parseTypeExpr(text: string): TypeExpr {
  if (text.startsWith("[]")) return { kind: "array", of: parseTypeExpr(text.slice(2)) };
  if (text.startsWith("map[string]")) return { kind: "map", of: parseTypeExpr(text.slice("map[string]".length)) };
  if (PRIMITIVES.includes(text)) return { kind: "primitive", name: text as Primitive };
  return { kind: "named", name: text };
}

/** What a list or map holds, all the way down: `[]map[string]Foo` → `Foo`. */
export function elementOf(t: TypeExpr): Exclude<TypeExpr, { kind: "array" | "map" }> {
  return t.kind === "array" || t.kind === "map" ? elementOf(t.of) : t;
}
