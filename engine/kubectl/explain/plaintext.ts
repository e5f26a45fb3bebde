/**
 * kubectl's `plaintext` explain template (kubectl pkg/explain/v2/templates/plaintext.tmpl)
 * over the simulator's schema. The template walks an OpenAPI v3 document in which a
 * field that refers to a type is `allOf: [$ref]`, a list is `items` and a map is
 * `additionalProperties`; here those are the `T`, `[]T` and `map[string]T` of
 * schema.json, and every step of the template is mirrored below.
 */
import type { OpenApiSchema, SchemaField } from "../../api/openapi/schema";
import { elementOf, parseTypeExpr, type TypeExpr } from "../../api/openapi/type-expr";
import { wrapString } from "./word-wrap";

export interface ExplainTarget {
  readonly kind: string;
  /** "" for the core group, which prints no GROUP line */
  readonly group: string;
  readonly version: string;
}

/** The template's `indent`: pads the first line and every line after a newline. */
function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.replaceAll("\n", `\n${pad}`);
}

const enumValue = (v: string) => (v === "" ? `""` : v);

/** `typeGuess`: `[]Container`, `map[string]string`, `Quantity`; a type that is a string on the wire (Time) prints `string`. */
export function typeGuess(t: TypeExpr, schema: OpenApiSchema): string {
  switch (t.kind) {
    case "array":
      return `[]${typeGuess(t.of, schema)}`;
    case "map":
      return `map[string]${typeGuess(t.of, schema)}`;
    case "primitive":
      return t.name;
    case "named":
      return schema.types[t.name]?.scalar === "string" ? "string" : t.name;
  }
}

/** `description`: the field's own text, then the text of the type it holds. */
function fieldDescription(field: SchemaField, schema: OpenApiSchema): string {
  const el = elementOf(parseTypeExpr(field.type));
  const typeText = el.kind === "named" ? schema.types[el.name]?.description : undefined;
  return [field.description, typeText].filter((d): d is string => !!d).map((d) => `${d}\n`).join("");
}

/** `fieldDetail` */
function fieldDetail(name: string, field: SchemaField, level: number, short: boolean, schema: OpenApiSchema): string {
  const indentAmount = level * 2;
  let out = `${" ".repeat(indentAmount)}${name}\t<${typeGuess(parseTypeExpr(field.type), schema)}>`;
  if (field.required) out += " -required-";
  if (field.enum && field.enum.length > 0) {
    const shown = field.enum.slice(0, 4).map(enumValue).join(", ");
    out += `\n${" ".repeat(indentAmount)}enum: ${shown}${field.enum.length > 4 ? ", ...." : ""}`;
  }
  out += "\n";
  if (!short) out += `${indent(indentAmount + 2, wrapString(field.description || "<no description>", 78 - indentAmount))}\n\n`;
  return out;
}

/** `fieldList`: lists and maps are looked through; a type already on the path ends a cycle. */
function fieldList(t: TypeExpr, level: number, recursive: boolean, seen: ReadonlySet<string>, schema: OpenApiSchema): string {
  const el = elementOf(t);
  if (el.kind !== "named" || seen.has(el.name)) return "";
  const fields = schema.types[el.name]?.fields ?? {};
  const onPath = new Set(seen).add(el.name);
  let out = "";
  for (const name of Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    out += fieldDetail(name, fields[name], level, recursive, schema);
    if (recursive) out += fieldList(parseTypeExpr(fields[name].type), level + 1, recursive, onPath, schema);
  }
  return out;
}

/**
 * The whole explain text for `target` and `fieldPath`, or undefined when the path
 * names a field the schema does not have.
 */
export function renderPlaintext(schema: OpenApiSchema, target: ExplainTarget, fieldPath: readonly string[], recursive: boolean): string | undefined {
  let t: TypeExpr = { kind: "named", name: target.kind };
  let field: SchemaField | undefined;
  for (const name of fieldPath) {
    const el = elementOf(t);
    const fields = el.kind === "named" ? schema.types[el.name]?.fields : undefined;
    field = fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) return undefined;
    t = parseTypeExpr(field.type);
  }

  let out = target.group ? `GROUP:      ${target.group}\n` : "";
  out += `KIND:       ${target.kind}\nVERSION:    ${target.version}\n\n`;
  let description: string;
  if (field) {
    const enumLines = field.enum?.map((v) => `\n    ${enumValue(v)}`).join("") ?? "";
    out += `FIELD: ${fieldPath[fieldPath.length - 1]} <${typeGuess(t, schema)}>\n${field.enum?.length ? `ENUM:${enumLines}` : ""}\n\n`;
    description = fieldDescription(field, schema);
  } else {
    const d = schema.types[target.kind]?.description;
    description = d ? `${d}\n` : "";
  }
  out += `DESCRIPTION:\n${indent(4, wrapString(description || "<empty>", 76))}\n`;
  const fields = fieldList(t, 1, recursive, new Set(), schema);
  if (fields) out += `FIELDS:\n${fields}`;
  return `${out}\n`;
}
