/**
 * The API schema the simulated server publishes, generated into schema.json by
 * scripts/gen-openapi.ts (the kubernetes-models package plus the v1.35 overlay beside it).
 * `kubectl explain` renders it; the create/update path checks objects against it the
 * way the API server's strict JSON decoder does (sigs.k8s.io/json, apimachinery).
 */
import raw from "./schema.json";
import { quantityParseError } from "../resource-quantity";
import { elementOf, parseTypeExpr, type TypeExpr } from "./type-expr";

export interface SchemaField {
  /** `string`, `integer`, `boolean`, a type name, `[]T` or `map[string]T` */
  readonly type: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly enum?: readonly string[];
  /** integers are int32 in Go unless marked int64 */
  readonly format?: "int64";
  /** the Go type is a named type (`v1.RestartPolicy`) whose name the schema does not carry */
  readonly goNamed?: boolean;
}

/** Types that decode from a JSON scalar (or, for `object`, from any JSON object). */
export type ScalarKind = "string" | "quantity" | "int-or-string" | "object";

export interface SchemaType {
  readonly description?: string;
  readonly scalar?: ScalarKind;
  readonly fields?: Readonly<Record<string, SchemaField>>;
}

export interface OpenApiSchema {
  readonly kinds: Readonly<Record<string, { readonly group: string; readonly version: string }>>;
  readonly types: Readonly<Record<string, SchemaType>>;
}

export const OPENAPI: OpenApiSchema = raw as unknown as OpenApiSchema;

export interface KindSchema {
  readonly kind: string;
  /** "" for the core group */
  readonly group: string;
  readonly version: string;
  readonly type: SchemaType;
}

export function schemaForKind(kind: string, schema: OpenApiSchema = OPENAPI): KindSchema | undefined {
  const k = schema.kinds[kind];
  const type = schema.types[kind];
  return k && type ? { kind, group: k.group, version: k.version, type } : undefined;
}

/**
 * The field at `path` below a kind (`["spec", "containers", "image"]`); lists and maps
 * are stepped through without a path element, as kubectl explain does.
 */
export function lookupField(kind: string, path: readonly string[], schema: OpenApiSchema = OPENAPI): { readonly field: SchemaField; readonly type: TypeExpr } | undefined {
  let current: TypeExpr = { kind: "named", name: kind };
  let found: { field: SchemaField; type: TypeExpr } | undefined;
  for (const name of path) {
    const el = elementOf(current);
    const fields = el.kind === "named" ? schema.types[el.name]?.fields : undefined;
    const field = fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) return undefined;
    current = parseTypeExpr(field.type);
    found = { field, type: current };
  }
  return found;
}

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** kubectl sends JSON marshalled from a Go map, so keys arrive in byte order. */
function sortedKeys(o: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** apimachinery's strict decoder keeps at most this many strict errors. */
const MAX_STRICT_ERRORS = 100;

/**
 * Paths of the fields in `obj` that the kind's schema does not have, in the order and
 * format of the API server's strict decoding errors: `spec.containrs`,
 * `spec.containers[0].imagee`, `metadata.labelz`. Map keys (labels, data, limits) are
 * free; lists index with `[i]`. Empty for a kind the schema does not know.
 */
export function unknownFields(kind: string, obj: unknown, schema: OpenApiSchema = OPENAPI): string[] {
  if (!schema.types[kind]) return [];
  const out: string[] = [];
  const walk = (t: TypeExpr, value: unknown, path: string): void => {
    if (t.kind === "array") {
      if (Array.isArray(value)) value.forEach((v, i) => walk(t.of, v, `${path}[${i}]`));
    } else if (t.kind === "map") {
      if (isObject(value)) for (const k of sortedKeys(value)) walk(t.of, value[k], path ? `${path}.${k}` : k);
    } else if (t.kind === "named" && isObject(value)) {
      const type = schema.types[t.name];
      if (!type || type.scalar) return;
      for (const k of sortedKeys(value)) {
        const p = path ? `${path}.${k}` : k;
        const f = type.fields && Object.hasOwn(type.fields, k) ? type.fields[k] : undefined;
        if (f) walk(parseTypeExpr(f.type), value[k], p);
        else if (out.length < MAX_STRICT_ERRORS && !out.includes(p)) out.push(p);
      }
    }
  };
  walk({ kind: "named", name: kind }, obj, "");
  return out;
}

function jsonKind(v: unknown): "string" | "number" | "bool" | "object" | "array" | "null" {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "string";
  return "object";
}

/**
 * The Go type a value decodes into, as reflect prints it; undefined where the schema
 * cannot tell (named string types) or the type decodes itself (Quantity, Time, …).
 */
function goType(t: TypeExpr, field: SchemaField | undefined, schema: OpenApiSchema): string | undefined {
  switch (t.kind) {
    case "primitive":
      if (t.name === "string") return field?.goNamed ? undefined : "string";
      if (t.name === "integer") return field?.format === "int64" ? "int64" : "int32";
      return t.name === "boolean" ? "bool" : "float64";
    case "named":
      return schema.types[t.name]?.scalar ? undefined : `v1.${t.name}`;
    case "array": {
      const inner = goType(t.of, field, schema);
      return inner && `[]${inner}`;
    }
    case "map": {
      const inner = field?.goNamed ? undefined : goType(t.of, field, schema);
      return inner && `map[string]${inner}`;
    }
  }
}

/**
 * The first quantity the decoder cannot parse (`512MB`, `""`), as ParseQuantity words it.
 * Quantity decodes itself, and its error stops decoding at once, so it is reported before
 * any type mismatch. Fields are visited in the order kubectl's JSON has them: sorted.
 */
export function quantityError(kind: string, obj: unknown, schema: OpenApiSchema = OPENAPI): string | undefined {
  const walk = (t: TypeExpr, value: unknown): string | undefined => {
    if (t.kind === "array") return Array.isArray(value) ? firstOf(value, (v) => walk(t.of, v)) : undefined;
    if (t.kind === "map") return isObject(value) ? firstOf(sortedKeys(value), (k) => walk(t.of, value[k])) : undefined;
    if (t.kind !== "named") return undefined;
    const type = schema.types[t.name];
    if (type?.scalar === "quantity") return quantityParseError(value);
    if (!type?.fields || !isObject(value)) return undefined;
    const fields = type.fields;
    return firstOf(sortedKeys(value), (k) => (Object.hasOwn(fields, k) ? walk(parseTypeExpr(fields[k].type), value[k]) : undefined));
  };
  return schema.types[kind] ? walk({ kind: "named", name: kind }, obj) : undefined;
}

function firstOf<T>(items: readonly T[], f: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const found = f(item);
    if (found) return found;
  }
  return undefined;
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const;

/**
 * The first value in `obj` whose JSON type the kind's Go struct cannot take, as
 * encoding/json words it: `json: cannot unmarshal string into Go struct field
 * ContainerPort.spec.containers.ports.containerPort of type int32`. The server prefixes
 * it with `<Kind> in version "v1" cannot be handled as a <Kind>: `, and reports it
 * instead of any unknown fields. Only mismatches whose Go type name is certain are
 * reported.
 */
export function typeMismatch(kind: string, obj: unknown, schema: OpenApiSchema = OPENAPI): string | undefined {
  if (!schema.types[kind]) return undefined;
  const fail = (value: string, struct: string, stack: readonly string[], go: string | undefined) =>
    go === undefined ? undefined : `json: cannot unmarshal ${value} into Go struct field ${struct}.${stack.join(".")} of type ${go}`;

  const walk = (t: TypeExpr, field: SchemaField | undefined, value: unknown, struct: string, stack: readonly string[]): string | undefined => {
    const got = jsonKind(value);
    if (got === "null") return undefined;
    switch (t.kind) {
      case "primitive": {
        if (t.name === "integer" && got === "number") {
          const go = field?.format === "int64" ? "int64" : "int32";
          const [min, max] = INT_RANGE[go];
          const n = value as number;
          return Number.isInteger(n) && n >= min && n <= max ? undefined : fail(`number ${String(n)}`, struct, stack, go);
        }
        const ok = (t.name === "string" && got === "string") || (t.name === "boolean" && got === "bool") || (t.name === "number" && got === "number");
        return ok ? undefined : fail(got, struct, stack, goType(t, field, schema));
      }
      case "array":
        if (got !== "array") return fail(got, struct, stack, goType(t, field, schema));
        for (const v of value as readonly unknown[]) {
          const e = walk(t.of, field, v, struct, stack);
          if (e) return e;
        }
        return undefined;
      case "map": {
        if (got !== "object") return fail(got, struct, stack, goType(t, field, schema));
        if (field?.goNamed) return undefined;
        const o = value as Readonly<Record<string, unknown>>;
        for (const k of sortedKeys(o)) {
          const e = walk(t.of, field, o[k], struct, stack);
          if (e) return e;
        }
        return undefined;
      }
      case "named": {
        const type = schema.types[t.name];
        if (!type || type.scalar) return undefined;
        if (got !== "object") return fail(got, struct, stack, goType(t, field, schema));
        const o = value as Readonly<Record<string, unknown>>;
        for (const k of sortedKeys(o)) {
          // The server reads apiVersion and kind before decoding, with its own error text.
          if (stack.length === 0 && (k === "apiVersion" || k === "kind")) continue;
          const f = type.fields && Object.hasOwn(type.fields, k) ? type.fields[k] : undefined;
          const e = f && walk(parseTypeExpr(f.type), f, o[k], t.name, [...stack, k]);
          if (e) return e;
        }
        return undefined;
      }
    }
  };
  return walk({ kind: "named", name: kind }, undefined, obj, kind, []);
}
