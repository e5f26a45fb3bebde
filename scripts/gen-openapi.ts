/**
 * Build script: writes engine/api/openapi/schema.json, the API schema the simulated
 * server serves to `kubectl explain` and to strict field validation.
 *
 *   npx tsx scripts/gen-openapi.ts
 *
 * Source: the `kubernetes-models` package (5.1.0, generated from the Kubernetes v1.36.0
 * OpenAPI document). Its .d.ts interfaces carry the field names, types, required
 * fields, enums (as string-literal unions) and the OpenAPI descriptions as TSDoc; they
 * are read with the TypeScript compiler API. Whether a number is an `integer` and
 * whether it is int64 only survives in the package's compiled JSON-schema validators,
 * so those are asked, by validating probe values. engine/api/openapi/overlay-v1.35.json
 * adds what the package cannot say (Go type names, Quantity's text) and takes the few
 * v1.36 changes found so far back to v1.35. Only the kinds the simulator serves and the
 * types reachable from them are emitted. Output is sorted and deterministic.
 *
 * Field types are written the way kubectl explain's `typeGuess` names them:
 * `string`, `integer`, `number`, `boolean`, a type name (`PodSpec`), `[]T`,
 * `map[string]T`. Named scalar types (Time, Quantity, IntOrString, RawExtension,
 * FieldsV1) carry a `scalar` tag instead of fields.
 */
import ts from "typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

const overlayField = z.strictObject({ type: z.string(), description: z.string(), required: z.boolean().optional() });
const fieldKey = z.string().regex(/^[A-Z]\w*\.\w+$/);
const overlaySchema = z.strictObject({
  about: z.string(),
  typeDescriptions: z.record(z.string(), z.string()),
  namedStringFields: z.array(fieldKey),
  v135: z.strictObject({
    about: z.string(),
    removedFields: z.array(fieldKey),
    optionalFields: z.array(fieldKey),
    fieldDescriptions: z.record(fieldKey, z.string()),
    newTypes: z.record(z.string(), z.strictObject({ description: z.string(), fields: z.record(z.string(), overlayField) })),
    newFields: z.record(z.string(), z.record(z.string(), overlayField)),
  }),
});
type Overlay = z.infer<typeof overlaySchema>;

interface RawField {
  /** as in schema.json, except that every JSON number is `number` until the validator is asked */
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
  readonly enum?: readonly string[];
}

interface Decl {
  readonly file: string;
  readonly description?: string;
  readonly scalar?: Scalar;
  readonly fields?: ReadonlyMap<string, RawField>;
}

const KINDS: readonly { kind: string; dir: string; group: string }[] = [
  { kind: "ConfigMap", dir: "v1", group: "" },
  { kind: "Endpoints", dir: "v1", group: "" },
  { kind: "Event", dir: "v1", group: "" },
  { kind: "LimitRange", dir: "v1", group: "" },
  { kind: "Namespace", dir: "v1", group: "" },
  { kind: "Node", dir: "v1", group: "" },
  { kind: "Pod", dir: "v1", group: "" },
  { kind: "ResourceQuota", dir: "v1", group: "" },
  { kind: "Secret", dir: "v1", group: "" },
  { kind: "Service", dir: "v1", group: "" },
  { kind: "ServiceAccount", dir: "v1", group: "" },
  { kind: "DaemonSet", dir: "apps/v1", group: "apps" },
  { kind: "Deployment", dir: "apps/v1", group: "apps" },
  { kind: "ReplicaSet", dir: "apps/v1", group: "apps" },
  { kind: "CronJob", dir: "batch/v1", group: "batch" },
  { kind: "Job", dir: "batch/v1", group: "batch" },
  { kind: "EndpointSlice", dir: "discovery.k8s.io/v1", group: "discovery.k8s.io" },
];

/** Type aliases that are scalars on the wire, and how each one decodes. */
const ALIAS_SCALARS: Readonly<Record<string, Scalar>> = { Quantity: "quantity", IntOrString: "int-or-string", Time: "string", MicroTime: "string" };

/**
 * kubernetes-models' own base interface for apiVersion and kind. The server's schema
 * has them as plain optional strings, so fields declared there are taken from there.
 */
const TYPE_META = "TypeMeta";

/**
 * The text of the `/** … *\/` comment right before `node`, with the comment syntax
 * removed. kubernetes-models writes every `*` of a description as `\*` so that none
 * can close the comment.
 */
function jsDocText(sf: ts.SourceFile, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const last = ranges.filter((r) => sf.text.startsWith("/**", r.pos)).at(-1);
  if (!last) return undefined;
  const lines = sf.text.slice(last.pos + 3, last.end - 2).split("\n");
  const text =
    lines.length === 1
      ? lines[0].trim()
      : lines
          .slice(1, -1)
          .map((l) => l.replace(/^\s*\* ?/, ""))
          .join("\n");
  return text.replaceAll("\\*", "*");
}

/** The interface or type alias a type name refers to, through imports and `export type { X as Y }`. */
function declarationOf(checker: ts.TypeChecker, name: ts.EntityName | ts.Expression): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
  if (!decl) throw new Error(`${name.getSourceFile().fileName}: cannot resolve ${name.getText()}`);
  return decl as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
}

/** kubernetes-models names each interface `I` + the OpenAPI short name (`IPodSpec`). */
const typeName = (decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration) => decl.name.text.replace(/^I/, "");

function stringLiterals(node: ts.TypeNode): string[] | undefined {
  const parts = ts.isUnionTypeNode(node) ? node.types : [node];
  const values = parts.map((p) => (ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal) ? p.literal.text : undefined));
  return values.every((v): v is string => v !== undefined) ? values : undefined;
}

function typeExpr(node: ts.TypeNode, checker: ts.TypeChecker, refs: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>): string {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return "string";
    case ts.SyntaxKind.NumberKeyword:
      return "number";
    case ts.SyntaxKind.BooleanKeyword:
      return "boolean";
  }
  if (stringLiterals(node)) return "string";
  if (ts.isTypeReferenceNode(node)) {
    if (node.typeName.getText() === "Array" && node.typeArguments?.length === 1) return `[]${typeExpr(node.typeArguments[0], checker, refs)}`;
    const decl = declarationOf(checker, node.typeName);
    refs.set(typeName(decl), decl);
    return typeName(decl);
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1) {
    const index = node.members[0];
    if (ts.isIndexSignatureDeclaration(index) && index.type) return `map[string]${typeExpr(index.type, checker, refs)}`;
  }
  throw new Error(`${node.getSourceFile().fileName}: unsupported type ${node.getText()}`);
}

/** The properties of an interface, by name. */
function members(decl: ts.InterfaceDeclaration): Map<string, ts.PropertySignature> {
  const props = decl.members.filter(ts.isPropertySignature);
  return new Map(props.map((m) => [ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(), m]));
}

function parseDecl(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, checker: ts.TypeChecker, refs: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>): Decl {
  const sf = decl.getSourceFile();
  const file = sf.fileName;
  const description = jsDocText(sf, decl);
  if (ts.isTypeAliasDeclaration(decl)) {
    const scalar = ALIAS_SCALARS[typeName(decl)];
    if (!scalar) throw new Error(`${file}: unexpected type alias ${decl.name.text}`);
    return { file, description, scalar };
  }
  const own = members(decl);
  if (own.size === 0) return { file, description, scalar: "object" };
  const inherited = new Map<string, ts.PropertySignature>();
  for (const h of decl.heritageClauses?.flatMap((c) => c.types) ?? []) {
    const base = declarationOf(checker, h.expression);
    if (base.name.text !== TYPE_META || !ts.isInterfaceDeclaration(base)) throw new Error(`${file}: ${decl.name.text} extends ${base.name.text}`);
    for (const [k, m] of members(base)) inherited.set(k, m);
  }
  const fields = new Map<string, RawField>();
  for (const [name, m] of own) {
    const from = inherited.get(name);
    if (from?.type) {
      fields.set(name, { type: "string", required: false, description: jsDocText(from.getSourceFile(), from) });
      continue;
    }
    if (!m.type) throw new Error(`${file}: ${decl.name.text}.${name} has no type`);
    const values = stringLiterals(m.type);
    fields.set(name, {
      type: typeExpr(m.type, checker, refs),
      required: m.questionToken === undefined,
      description: jsDocText(sf, m),
      ...(values ? { enum: [...values].sort(cmp) } : {}),
    });
  }
  return { file, description, fields };
}

/** The named type a type expression refers to: `[]map[string]Foo` → `Foo`. */
function namedIn(type: string): string | undefined {
  const inner = type.replace(/^(\[\]|map\[string\])+/, "");
  return /^[A-Z]/.test(inner) ? inner : undefined;
}

/**
 * Every type reachable from the served kinds, by name; two declarations of one name are
 * an error, except discovery.k8s.io's EndpointPort, which has the same fields as the core
 * EndpointPort (only `port` being optional) and is served as that one.
 */
function collect(modelsRoot: string): Map<string, Decl> {
  const roots = KINDS.map((k) => path.join(modelsRoot, k.dir, `${k.kind}.d.ts`));
  const program = ts.createProgram(roots, { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const queue: (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[] = roots.map((file, i) => {
    const sf = program.getSourceFile(file);
    const decl = sf?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${KINDS[i].kind}`);
    if (!decl) throw new Error(`${file} declares no interface I${KINDS[i].kind}`);
    return decl;
  });
  const decls = new Map<string, Decl>();
  while (queue.length > 0) {
    const decl = queue.shift() as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
    const name = typeName(decl);
    const known = decls.get(name);
    if (known) {
      const file = decl.getSourceFile().fileName;
      const endpointPorts = name === "EndpointPort" && [known.file, file].some((f) => f.includes("/discovery.k8s.io/"));
      if (known.file !== file && !endpointPorts) throw new Error(`type ${name} is declared in ${known.file} and ${file}`);
      if (endpointPorts && known.file.includes("/discovery.k8s.io/")) decls.set(name, parseDecl(decl, checker, new Map()));
      continue;
    }
    const refs = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
    decls.set(name, parseDecl(decl, checker, refs));
    queue.push(...refs.values());
  }
  return decls;
}

type Validate = ((data: unknown) => boolean) & { errors?: readonly { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null };

/** The compiled JSON-schema validator the package's model class beside `dts` registers. */
async function validatorFor(dts: string): Promise<Validate> {
  const js = dts.replace(/\.d\.ts$/, ".js");
  const spec = /from\s*"(\.[^"]*\/_schemas\/[^"]+\.js)"/.exec(readFileSync(js, "utf8"))?.[1];
  if (!spec) throw new Error(`${js} imports no validator`);
  const mod = (await import(pathToFileURL(path.resolve(path.dirname(js), spec)).href)) as { validate: Validate };
  return mod.validate;
}

/** The JSON-schema type and format of a number field: `integer` (int32), `integer` + int64, or `number`. */
async function numberKind(dts: string, field: string, type: string): Promise<{ type: string; int64: boolean }> {
  const validate = await validatorFor(dts);
  const wrap = (t: string, v: unknown): unknown => (t.startsWith("[]") ? [wrap(t.slice(2), v)] : t.startsWith("map[string]") ? { k: wrap(t.slice(11), v) } : v);
  const errorsFor = (v: number) => {
    validate({ [field]: wrap(type, v) });
    return (validate.errors ?? []).filter((e) => e.instancePath === `/${field}` || e.instancePath.startsWith(`/${field}/`));
  };
  const asInteger = type.replace(/number$/, "integer");
  if (!errorsFor(1.5).some((e) => e.keyword === "type" && e.params.type === "integer")) return { type, int64: false };
  // Past int32 but a safe integer: only an int32 field refuses it (Kubernetes gives every integer a format).
  const big = errorsFor(2 ** 31);
  if (big.some((e) => e.keyword !== "format" || e.params.format !== "int32")) throw new Error(`${dts}: unexpected errors for ${field}: ${JSON.stringify(big)}`);
  return { type: asInteger, int64: big.length === 0 };
}

/** A type, or a field of one, that the overlay names but the package does not have: the overlay is stale. */
function stale(what: string): never {
  throw new Error(`the overlay names ${what}, which kubernetes-models does not have (or no longer lacks): update overlay-v1.35.json`);
}

/** The package's declarations with the v1.35 corrections of the overlay applied. */
function applyV135(decls: ReadonlyMap<string, Decl>, v135: Overlay["v135"]): Map<string, Decl> {
  const out = new Map(decls);
  const edit = (key: string, change: (fields: Map<string, RawField>, field: string) => void) => {
    const [type, field] = key.split(".");
    const decl = out.get(type);
    if (!decl?.fields) stale(key);
    const fields = new Map(decl.fields);
    change(fields, field);
    out.set(type, { ...decl, fields });
  };
  const existing = (fields: Map<string, RawField>, field: string, key: string) => fields.get(field) ?? stale(key);
  for (const key of v135.removedFields) {
    edit(key, (fields, field) => {
      existing(fields, field, key);
      fields.delete(field);
    });
  }
  for (const key of v135.optionalFields) edit(key, (fields, field) => fields.set(field, { ...existing(fields, field, key), required: false }));
  for (const [key, description] of Object.entries(v135.fieldDescriptions)) edit(key, (fields, field) => fields.set(field, { ...existing(fields, field, key), description }));
  const raw = (f: z.infer<typeof overlayField>): RawField => ({ type: f.type, required: f.required ?? false, description: f.description });
  for (const [name, t] of Object.entries(v135.newTypes)) {
    if (out.has(name)) stale(`new type ${name}`);
    out.set(name, { file: "overlay-v1.35.json", description: t.description, fields: new Map(Object.entries(t.fields).map(([k, f]) => [k, raw(f)])) });
  }
  for (const [type, added] of Object.entries(v135.newFields)) {
    for (const [field, f] of Object.entries(added)) edit(`${type}.${field}`, (fields) => (fields.has(field) ? stale(`new field ${type}.${field}`) : fields.set(field, raw(f))));
  }
  return out;
}

/** The names of the types the served kinds reach, following field types. */
function reachable(decls: ReadonlyMap<string, Decl>): Set<string> {
  const seen = new Set<string>();
  const queue = KINDS.map((k) => k.kind);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    const decl = decls.get(name);
    if (!decl) throw new Error(`type ${name} is referred to but not declared`);
    seen.add(name);
    for (const f of decl.fields?.values() ?? []) {
      const ref = namedIn(f.type);
      if (ref) queue.push(ref);
    }
  }
  return seen;
}

async function fieldOut(typeName: string, fieldName: string, f: RawField, file: string, overlay: Overlay): Promise<FieldOut> {
  // Only the package's `number` is ambiguous; the overlay writes schema.json's own types.
  const num = f.type.endsWith("number") && file.endsWith(".d.ts") ? await numberKind(file, fieldName, f.type) : { type: f.type, int64: false };
  return {
    type: num.type,
    ...(f.description ? { description: f.description } : {}),
    ...(f.required ? { required: true as const } : {}),
    ...(f.enum ? { enum: [...f.enum] } : {}),
    ...(num.int64 ? { format: "int64" as const } : {}),
    ...(f.enum || overlay.namedStringFields.includes(`${typeName}.${fieldName}`) ? { goNamed: true as const } : {}),
  };
}

async function build(modelsRoot: string, overlay: Overlay): Promise<{ kinds: Record<string, { group: string; version: string }>; types: Record<string, TypeOut> }> {
  const decls = applyV135(collect(modelsRoot), overlay.v135);
  const names = reachable(decls);
  const types: Record<string, TypeOut> = {};
  for (const name of names) {
    const decl = decls.get(name) as Decl;
    const description = overlay.typeDescriptions[name] ?? decl.description;
    if (decl.scalar) {
      types[name] = { ...(description ? { description } : {}), scalar: decl.scalar };
      continue;
    }
    const fields: Record<string, FieldOut> = {};
    for (const [fieldName, f] of decl.fields ?? []) fields[fieldName] = await fieldOut(name, fieldName, f, decl.file, overlay);
    types[name] = { ...(description ? { description } : {}), fields: sortKeys(fields) };
  }

  for (const name of Object.keys(overlay.typeDescriptions)) if (!types[name]) stale(`type ${name}`);
  for (const key of overlay.namedStringFields) {
    const [type, field] = key.split(".");
    if (!types[type]?.fields?.[field]) stale(key);
  }

  return {
    kinds: Object.fromEntries([...KINDS].sort((a, b) => cmp(a.kind, b.kind)).map((k) => [k.kind, { group: k.group, version: "v1" }])),
    types: sortKeys(types),
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
export const OVERLAY_JSON = path.join(OPENAPI_DIR, "overlay-v1.35.json");

/** The text of schema.json as this script writes it; `overlayText` stands in for overlay-v1.35.json. */
export async function generateSchemaJson(overlayText: string = readFileSync(OVERLAY_JSON, "utf8")): Promise<string> {
  const modelsRoot = path.dirname(createRequire(import.meta.url).resolve("kubernetes-models/package.json"));
  const overlay = overlaySchema.parse(JSON.parse(overlayText));
  return `${JSON.stringify(await build(modelsRoot, overlay), null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_JSON, await generateSchemaJson());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_JSON)}`);
}
