/**
 * `kubectl -o jsonpath=...`: client-go's util/jsonpath evaluated over decoded JSON, with
 * kubectl's printing (maps and lists as compact JSON, scalars as Go's fmt prints them) and
 * its error texts. Data is what Go's unstructured decoding gives: whole JSON numbers are
 * int64, others float64; map keys are visited in sorted order where Go's order is random.
 */

import type { JsonPathNode, ListNode, SliceParam } from "./jsonpath-parser";
import { parseJsonPathTemplate } from "./jsonpath-parser";

export interface JsonPathTemplate {
  readonly raw: string;
  readonly root: ListNode;
}

export type JsonPathOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Go's zero reflect.Value: what `@` is inside a range over nothing, or over a null item. */
export const NO_VALUE: unique symbol = Symbol("no value");
/** A float64 written in the template (`1.0`), unequal in kind to a JSON integer. */
export class GoFloat {
  constructor(readonly value: number) {}
}
/** A byte of a string, as `*` and `..` visit strings. */
export class GoByte {
  constructor(readonly value: number) {}
}

type GoKind = "invalid" | "nil" | "bool" | "int" | "uint" | "float" | "string" | "map" | "slice";

export function goKind(v: unknown): GoKind {
  if (v === NO_VALUE) return "invalid";
  if (v === null || v === undefined) return "nil";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? "int" : "float";
  if (v instanceof GoFloat) return "float";
  if (v instanceof GoByte) return "uint";
  return Array.isArray(v) ? "slice" : "map";
}

const isMap = (v: unknown): v is Record<string, unknown> => goKind(v) === "map";

/** Go orders strings by UTF-8 bytes, which is code point order, not UTF-16 order. */
export function compareGoStrings(a: string, b: string): number {
  const unit = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = unit(a.charCodeAt(i)) - unit(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const sortedEntries = (m: Record<string, unknown>) =>
  Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings)
    .map((k): [string, unknown] => [k, m[k]]);

/** strconv.FormatFloat(x, 'g', -1, 64), which %v uses for float64. */
function goFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exponent] = x.toExponential().split("e");
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) return String(x);
  return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

const goNumber = (v: unknown): string =>
  v instanceof GoFloat ? goFloat(v.value) : v instanceof GoByte ? String(v.value) : goKind(v) === "int" ? (v as number).toFixed(0) : goFloat(v as number);

/** fmt's %v: `map[a:1 b:[x y]]`, `<nil>`. */
export function goSprint(v: unknown): string {
  switch (goKind(v)) {
    case "invalid":
      return "<invalid reflect.Value>";
    case "nil":
      return "<nil>";
    case "string":
      return v as string;
    case "bool":
      return String(v);
    case "slice":
      return `[${(v as unknown[]).map(goSprint).join(" ")}]`;
    case "map":
      return `map[${sortedEntries(v as Record<string, unknown>)
        .map(([k, e]) => `${k}:${goSprint(e)}`)
        .join(" ")}]`;
    default:
      return goNumber(v);
  }
}

const QUOTE_ESCAPES: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", '"': '\\"', "\\": "\\\\" };

/** strconv.Quote, as %q prints a string. */
export function goQuote(s: string): string {
  let out = "";
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (c in QUOTE_ESCAPES) out += QUOTE_ESCAPES[c];
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c)) out += c;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `"${out}"`;
}

/** fmt's %#v of decoded JSON: `map[string]interface {}{"kind":"List", "items":[]interface {}{}}`. */
export function goSyntax(v: unknown): string {
  switch (goKind(v)) {
    case "invalid":
      return "<invalid reflect.Value>";
    case "nil":
      return "interface {}(nil)";
    case "string":
      return goQuote(v as string);
    case "bool":
      return String(v);
    case "slice":
      return `[]interface {}{${(v as unknown[]).map(goSyntax).join(", ")}}`;
    case "map":
      return `map[string]interface {}{${sortedEntries(v as Record<string, unknown>)
        .map(([k, e]) => `${goQuote(k)}:${goSyntax(e)}`)
        .join(", ")}}`;
    default:
      return goNumber(v);
  }
}

/** encoding/json.Marshal: sorted keys, HTML-safe escapes. */
function goJson(v: unknown): string {
  switch (goKind(v)) {
    case "string":
      return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    case "slice":
      return `[${(v as unknown[]).map(goJson).join(",")}]`;
    case "map":
      return `{${sortedEntries(v as Record<string, unknown>)
        .map(([k, e]) => `${goJson(k)}:${goJson(e)}`)
        .join(",")}}`;
    case "nil":
    case "invalid":
      return "null";
    case "bool":
      return String(v);
    default:
      return JSON.stringify(v instanceof GoFloat || v instanceof GoByte ? v.value : v);
  }
}

/** reflect.Type's String() for the value kinds JSON decodes into. */
function goTypeName(v: unknown): string {
  const names: Record<GoKind, string> = {
    invalid: "<nil>",
    nil: "<nil>",
    bool: "bool",
    int: "int64",
    uint: "uint8",
    float: "float64",
    string: "string",
    map: "map[string]interface {}",
    slice: "[]interface {}",
  };
  return names[goKind(v)];
}

/** The utf-8 bytes of a string, which is what Go ranges over. */
const utf8Bytes = (s: string) => Array.from(new TextEncoder().encode(s), (b) => new GoByte(b));

function children(v: unknown): unknown[] {
  switch (goKind(v)) {
    case "map":
      return sortedEntries(v as Record<string, unknown>).map(([, e]) => e);
    case "slice":
      return v as unknown[];
    case "string":
      return utf8Bytes(v as string);
    default:
      return [];
  }
}

type Comparison = { pass: boolean; error?: undefined } | { pass?: undefined; error: string };
const BAD_TYPE = "invalid type for comparison";
const BAD_COMPARISON = "incompatible types for comparison";

function basicValue(v: unknown): number | string | boolean {
  return v instanceof GoFloat || v instanceof GoByte ? v.value : (v as number | string | boolean);
}

/** text/template's eq and lt, as forked into client-go. */
function goEqual(a: unknown, b: unknown): Comparison {
  const [ka, kb] = [goKind(a), goKind(b)];
  const basic = ["bool", "int", "uint", "float", "string"];
  if (!basic.includes(ka) || !basic.includes(kb)) return { error: BAD_TYPE };
  const integers = (ka === "int" && kb === "uint") || (ka === "uint" && kb === "int");
  if (ka !== kb && !integers) return { error: BAD_COMPARISON };
  return { pass: basicValue(a) === basicValue(b) };
}

function goLess(a: unknown, b: unknown): Comparison {
  const [ka, kb] = [goKind(a), goKind(b)];
  const basic = ["bool", "int", "uint", "float", "string"];
  if (!basic.includes(ka) || !basic.includes(kb)) return { error: BAD_TYPE };
  const integers = (ka === "int" && kb === "uint") || (ka === "uint" && kb === "int");
  if (ka !== kb && !integers) return { error: BAD_COMPARISON };
  if (ka === "bool") return { error: BAD_TYPE };
  if (ka === "string") return { pass: compareGoStrings(a as string, b as string) < 0 };
  return { pass: (basicValue(a) as number) < (basicValue(b) as number) };
}

function compare(operator: string, a: unknown, b: unknown): Comparison {
  const not = (c: Comparison): Comparison => (c.error === undefined ? { pass: !c.pass } : c);
  const lessOrEqual = (): Comparison => {
    const lt = goLess(a, b);
    return lt.pass || lt.error !== undefined ? lt : goEqual(a, b);
  };
  switch (operator) {
    case "<":
      return goLess(a, b);
    case ">":
      return not(lessOrEqual());
    case "==":
      return goEqual(a, b);
    case "!=":
      return not(goEqual(a, b));
    case "<=":
      return lessOrEqual();
    case ">=":
      return not(goLess(a, b));
    default:
      return { error: `unrecognized filter operator ${operator}` };
  }
}

/** What a walk step produced; on error Go still hands back a value, which `exists` filters see. */
interface Walked {
  readonly values: unknown[];
  readonly error?: string;
}

class Executor {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults: one result group per top-level node; a range runs the nodes after it per item. */
  findResults(data: unknown, from: number): JsonPathOutcome<unknown[][]> {
    const cur = [data];
    const groups: unknown[][] = [];
    for (let i = from; i < this.nodes.length; i++) {
      const walked = this.walk(cur, this.nodes[i]);
      if (walked.error !== undefined) return { ok: false, error: walked.error };
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        // Over nothing, the body still runs once (output dropped) so its {end} is found.
        const items = walked.values.length > 0 ? walked.values : [NO_VALUE];
        for (const item of items) {
          const next = this.findResults(item === null || item === undefined ? NO_VALUE : item, i + 1);
          if (!next.ok) return next;
          if (walked.values.length > 0) groups.push(...next.value);
        }
        this.inRange--;
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      groups.push(walked.values);
    }
    return { ok: true, value: groups };
  }

  private walk(input: unknown[], node: JsonPathNode): Walked {
    switch (node.type) {
      case "list":
        return this.evalList(input, node);
      case "text":
        return { values: [node.text] };
      case "field":
        return this.evalField(input, node.name);
      case "array":
        return this.evalArray(input, node.params);
      case "filter":
        return this.evalFilter(input, node);
      case "int":
      case "bool":
        return { values: input.map(() => node.value) };
      case "float":
        return { values: input.map(() => new GoFloat(node.value)) };
      case "wildcard":
        return { values: input.flatMap((v) => (goKind(v) === "nil" ? [] : children(v))) };
      case "recursive":
        return { values: this.evalRecursive(input) };
      case "union":
        return this.evalUnion(input, node.nodes);
      case "identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], node: ListNode): Walked {
    let cur: Walked = { values: input };
    for (const child of node.nodes) {
      cur = this.walk(cur.values, child);
      if (cur.error !== undefined) return cur;
    }
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): Walked {
    if (name === "range") {
      this.beginRange++;
      return { values: input };
    }
    if (name === "end") {
      if (this.inRange === 0) return { values: [], error: "not in range, nothing to end" };
      this.endRange++;
      return { values: [] };
    }
    return { values: input, error: `unrecognized identifier ${name}` };
  }

  private evalField(input: unknown[], name: string): Walked {
    const results: unknown[] = [];
    if (input.length === 0) return { values: results };
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) return { values: results, error: `${name} is not found` };
    return { values: results };
  }

  private evalArray(input: unknown[], params: readonly [SliceParam, SliceParam, SliceParam]): Walked {
    const result: unknown[] = [];
    for (const v of input) {
      const kind = goKind(v);
      if (kind === "nil" || kind === "invalid") continue;
      if (kind !== "slice") return { values: input, error: `${goTypeName(v)} is not array or slice` };
      const items = v as unknown[];
      const length = items.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += length;
      let end = params[1].known ? params[1].value : length;
      if (end < 0 || (end === 0 && params[1].derived)) end += length;
      if (end === start) return { values: result };
      if (start >= length || start < 0) return { values: input, error: `array index out of bounds: index ${start}, length ${length}` };
      if (end > length || end < 0) return { values: input, error: `array index out of bounds: index ${end - 1}, length ${length}` };
      if (start > end) return { values: input, error: `starting index ${start} is greater than ending index ${end}` };
      if (params[2].known && params[2].value <= 0) return { values: input, error: "step must be > 0" };
      const step = params[2].known ? params[2].value : 1;
      for (let i = start; i < end; i += step) result.push(items[i] === undefined ? null : items[i]);
    }
    return { values: result };
  }

  private evalUnion(input: unknown[], lists: readonly ListNode[]): Walked {
    const result: unknown[] = [];
    for (const list of lists) {
      const walked = this.evalList(input, list);
      if (walked.error !== undefined) return { values: input, error: walked.error };
      result.push(...walked.values);
    }
    return { values: result };
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      const kind = goKind(v);
      // A string's bytes have no children of their own, so only the string itself is kept.
      if (kind === "string" && v !== "") result.push(v);
      if (kind !== "map" && kind !== "slice") continue;
      const inner = children(v);
      if (inner.length === 0) continue;
      result.push(v, ...this.evalRecursive(inner));
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JsonPathNode, { type: "filter" }>): Walked {
    const results: unknown[] = [];
    for (const v of input) {
      if (goKind(v) !== "slice") return { values: input, error: `${goSprint(v)} is not array or slice and cannot be filtered` };
      for (const item of v as unknown[]) {
        const element = item === undefined ? null : item;
        const lefts = this.evalList([element], node.left);
        if (node.operator === "exists") {
          if (lefts.values.length > 0) results.push(element);
          continue;
        }
        if (lefts.error !== undefined) return { values: input, error: lefts.error };
        if (lefts.values.length === 0) continue;
        if (lefts.values.length > 1) return { values: input, error: "can only compare one element at a time" };
        const rights = this.evalList([element], node.right);
        if (rights.error !== undefined) return { values: input, error: rights.error };
        if (rights.values.length === 0) continue;
        if (rights.values.length > 1) return { values: input, error: "can only compare one element at a time" };
        const outcome = compare(node.operator, lefts.values[0], rights.values[0]);
        if (outcome.error !== undefined) return { values: results, error: outcome.error };
        if (outcome.pass) results.push(element);
      }
    }
    return { values: results };
  }
}

/** JSONPath.FindResults over a parsed template. */
export function findJsonPathResults(root: ListNode, data: unknown, allowMissingKeys: boolean): JsonPathOutcome<unknown[][]> {
  return new Executor(root.nodes, allowMissingKeys).findResults(data, 0);
}

/** PrintResults: one result as kubectl writes it. */
function jsonPathText(v: unknown): string {
  const kind = goKind(v);
  if (kind === "map" || kind === "slice") return goJson(v);
  return kind === "invalid" ? "<no value>" : goSprint(v);
}

/** NewJSONPathPrinter, with the error kubectl get prints for a bad template. */
export function parseJsonPath(template: string): JsonPathOutcome<JsonPathTemplate> {
  if (template === "") return { ok: false, error: "error: template format specified but no template given" };
  const parsed = parseJsonPathTemplate(template);
  if (!parsed.ok) return { ok: false, error: `error: error parsing jsonpath ${template}, ${parsed.error}` };
  return { ok: true, value: { raw: template, root: parsed.value } };
}

/**
 * JSONPathPrinter.PrintObj: the text for stdout, or kubectl's whole stderr message (less
 * its final newline) when the template fails on this data.
 */
export function executeJsonPath(t: JsonPathTemplate, data: unknown, opts: { allowMissingKeys: boolean }): JsonPathOutcome<string> {
  const found = findJsonPathResults(t.root, data, opts.allowMissingKeys);
  if (!found.ok) {
    const detail =
      `Error executing template: ${found.error}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${t.raw}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
    return { ok: false, error: `error: error executing jsonpath ${goQuote(t.raw)}: ${detail}` };
  }
  return { ok: true, value: found.value.map((group) => group.map(jsonPathText).join(" ")).join("") };
}
