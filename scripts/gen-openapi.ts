/**
 * Build script: writes engine/api/openapi/schema.json, the API schema the simulated
 * server serves to `kubectl explain` and to strict field validation.
 *
 *   npx tsx scripts/gen-openapi.ts
 *
 * Source: the TSDoc-commented interfaces of the `kubernetes-types` package (v1.30),
 * read with the TypeScript compiler API, plus engine/api/openapi/overlay-v1.35.json
 * for what 1.30 lacks (enums, fields added since, Go integer widths). Only the kinds
 * the simulator serves and the types reachable from them are emitted. Output is
 * sorted and deterministic.
 *
 * Field types are written the way kubectl explain's `typeGuess` names them:
 * `string`, `integer`, `boolean`, a type name (`PodSpec`), `[]T`, `map[string]T`.
 * Named scalar types (Time, Quantity, IntOrString, RawExtension, FieldsV1) carry a
 * `scalar` tag instead of fields.
 */
import ts from "typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

type Scalar = "string" | "quantity" | "int-or-string" | "object";

interface FieldOut {
  type: string;
  description?: string;
  required?: true;
  enum?: string[];
  format?: "int64";
  goNamed?: true;
}

interface TypeOut {
  description?: string;
  scalar?: Scalar;
  fields?: Record<string, FieldOut>;
}

const overlayField = z.strictObject({ type: z.string(), description: z.string().optional(), required: z.boolean().optional() });
const overlaySchema = z.strictObject({
  about: z.string(),
  typeDescriptions: z.record(z.string(), z.string()),
  newTypes: z.record(z.string(), z.strictObject({ description: z.string(), fields: z.record(z.string(), overlayField) })),
  newFields: z.record(z.string(), z.record(z.string(), overlayField)),
  enums: z.record(z.string(), z.strictObject({ values: z.array(z.string()), description: z.string() })),
  int64Fields: z.array(z.string()),
  namedStringFields: z.array(z.string()),
});
type Overlay = z.infer<typeof overlaySchema>;

interface Decl {
  readonly file: string;
  readonly description?: string;
  readonly scalar?: Scalar;
  readonly fields?: Map<string, { readonly type: string; readonly optional: boolean; readonly description?: string }>;
}

const KINDS: readonly { kind: string; file: string; group: string }[] = [
  { kind: "ConfigMap", file: "core/v1", group: "" },
  { kind: "Event", file: "core/v1", group: "" },
  { kind: "Namespace", file: "core/v1", group: "" },
  { kind: "Node", file: "core/v1", group: "" },
  { kind: "Pod", file: "core/v1", group: "" },
  { kind: "Secret", file: "core/v1", group: "" },
  { kind: "Service", file: "core/v1", group: "" },
  { kind: "ServiceAccount", file: "core/v1", group: "" },
  { kind: "DaemonSet", file: "apps/v1", group: "apps" },
  { kind: "Deployment", file: "apps/v1", group: "apps" },
  { kind: "ReplicaSet", file: "apps/v1", group: "apps" },
  { kind: "CronJob", file: "batch/v1", group: "batch" },
  { kind: "Job", file: "batch/v1", group: "batch" },
];

const SOURCE_FILES = ["core/v1", "apps/v1", "batch/v1", "meta/v1", "api/resource", "runtime"];

/** Type aliases that are strings on the wire, and how each one decodes. */
const ALIAS_SCALARS: Readonly<Record<string, Scalar>> = { Quantity: "quantity", Time: "string", MicroTime: "string" };

/** The text of the `/** … *\/` comment right before `node`, with the comment syntax removed. */
function jsDocText(sf: ts.SourceFile, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const last = ranges.filter((r) => sf.text.startsWith("/**", r.pos)).at(-1);
  if (!last) return undefined;
  const lines = sf.text.slice(last.pos + 3, last.end - 2).split("\n");
  if (lines.length === 1) return lines[0].trim();
  return lines
    .slice(1, -1)
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .join("\n");
}

function typeExpr(node: ts.TypeNode, sf: ts.SourceFile): string {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return "string";
    case ts.SyntaxKind.NumberKeyword:
      return "integer";
    case ts.SyntaxKind.BooleanKeyword:
      return "boolean";
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return "string";
  if (ts.isUnionTypeNode(node) && node.getText(sf) === "number | string") return "IntOrString";
  if (ts.isArrayTypeNode(node)) return `[]${typeExpr(node.elementType, sf)}`;
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(sf);
    if (name === "Array" && node.typeArguments?.length === 1) return `[]${typeExpr(node.typeArguments[0], sf)}`;
    return name;
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1) {
    const index = node.members[0];
    if (ts.isIndexSignatureDeclaration(index) && index.type) return `map[string]${typeExpr(index.type, sf)}`;
  }
  throw new Error(`${sf.fileName}: unsupported type ${node.getText(sf)}`);
}

function parseFile(file: string, decls: Map<string, Decl[]>, root: string): void {
  const fileName = path.join(root, `${file}.d.ts`);
  const sf = ts.createSourceFile(fileName, readFileSync(fileName, "utf8"), ts.ScriptTarget.Latest, true);
  const add = (name: string, decl: Decl) => decls.set(name, [...(decls.get(name) ?? []), decl]);
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const description = jsDocText(sf, st);
      const props = st.members.filter(ts.isPropertySignature);
      if (props.length === 0) {
        add(st.name.text, { file, description, scalar: "object" });
        continue;
      }
      const fields = new Map<string, { type: string; optional: boolean; description?: string }>();
      for (const m of props) {
        if (!m.type) throw new Error(`${file}: ${st.name.text}.${m.name.getText(sf)} has no type`);
        const name = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(sf);
        fields.set(name, { type: typeExpr(m.type, sf), optional: m.questionToken !== undefined, description: jsDocText(sf, m) });
      }
      add(st.name.text, { file, description, fields });
    } else if (ts.isTypeAliasDeclaration(st)) {
      const scalar = ALIAS_SCALARS[st.name.text];
      if (!scalar) throw new Error(`${file}: unexpected type alias ${st.name.text}`);
      add(st.name.text, { file, description: jsDocText(sf, st), scalar });
    }
  }
}

/** The named type a type expression refers to: `[]map[string]Foo` → `Foo`. */
function namedIn(type: string): string | undefined {
  const inner = type.replace(/^(\[\]|map\[string\])+/, "");
  return /^[A-Z]/.test(inner) ? inner : undefined;
}

function fieldOut(typeName: string, fieldName: string, type: string, description: string | undefined, required: boolean, overlay: Overlay): FieldOut {
  const key = `${typeName}.${fieldName}`;
  const e = overlay.enums[key];
  const text = e?.description ?? description;
  return {
    type,
    ...(text ? { description: text } : {}),
    ...(required ? { required: true as const } : {}),
    ...(e ? { enum: [...e.values] } : {}),
    ...(overlay.int64Fields.includes(key) ? { format: "int64" as const } : {}),
    ...(e || overlay.namedStringFields.includes(key) ? { goNamed: true as const } : {}),
  };
}

function build(root: string, overlay: Overlay): { kinds: Record<string, { group: string; version: string }>; types: Record<string, TypeOut> } {
  const decls = new Map<string, Decl[]>();
  for (const file of SOURCE_FILES) parseFile(file, decls, root);
  decls.set("IntOrString", [{ file: "util/intstr", scalar: "int-or-string" }]);
  for (const [name, t] of Object.entries(overlay.newTypes)) {
    const fields = new Map(Object.entries(t.fields).map(([k, f]) => [k, { type: f.type, optional: !f.required, description: f.description }]));
    decls.set(name, [{ file: "overlay", description: t.description, fields }]);
  }

  const types = new Map<string, TypeOut>();
  const queue = KINDS.map((k) => k.kind);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (types.has(name)) continue;
    const found = decls.get(name);
    if (!found) throw new Error(`type ${name} is not declared in ${SOURCE_FILES.join(", ")}`);
    if (found.length > 1) throw new Error(`type ${name} is declared in ${found.map((d) => d.file).join(" and ")}`);
    const decl = found[0];
    const description = overlay.typeDescriptions[name] ?? decl.description;
    if (decl.scalar) {
      types.set(name, { ...(description ? { description } : {}), scalar: decl.scalar });
      continue;
    }
    const added = Object.entries(overlay.newFields[name] ?? {}).map(([k, f]) => [k, { type: f.type, optional: !f.required, description: f.description }] as const);
    const fields: Record<string, FieldOut> = {};
    for (const [fieldName, f] of [...(decl.fields ?? []), ...added]) {
      fields[fieldName] = fieldOut(name, fieldName, f.type, f.description, !f.optional, overlay);
      const ref = namedIn(f.type);
      if (ref && !types.has(ref)) queue.push(ref);
    }
    types.set(name, { ...(description ? { description } : {}), fields: sortKeys(fields) });
  }

  for (const k of KINDS) {
    if (decls.get(k.kind)?.[0].file !== k.file) throw new Error(`kind ${k.kind} is not declared in ${k.file}`);
  }
  for (const key of [...Object.keys(overlay.enums), ...overlay.int64Fields, ...overlay.namedStringFields]) {
    const [typeName, fieldName] = key.split(".");
    if (!types.get(typeName)?.fields?.[fieldName]) throw new Error(`the overlay names ${key}, which the schema does not have`);
  }

  return {
    kinds: Object.fromEntries([...KINDS].sort((a, b) => cmp(a.kind, b.kind)).map((k) => [k.kind, { group: k.group, version: "v1" }])),
    types: sortKeys(Object.fromEntries(types)),
  };
}

/** Go's byte-wise string order, which kubectl's templates range over maps in. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
}

const OPENAPI_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "engine", "api", "openapi");
export const SCHEMA_JSON = path.join(OPENAPI_DIR, "schema.json");

/** The text of schema.json as this script writes it. */
export function generateSchemaJson(): string {
  const typesRoot = path.dirname(createRequire(import.meta.url).resolve("kubernetes-types/package.json"));
  const overlay = overlaySchema.parse(JSON.parse(readFileSync(path.join(OPENAPI_DIR, "overlay-v1.35.json"), "utf8")));
  return `${JSON.stringify(build(typesRoot, overlay), null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_JSON, generateSchemaJson());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_JSON)}`);
}
