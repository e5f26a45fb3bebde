/**
 * `-o json`: cli-runtime's JSONPrinter writes json.MarshalIndent(obj, "", "    ") and a
 * newline. `kubectl get` holds objects as unstructured maps, whose keys Go's encoder sorts
 * byte-wise; the encoder also escapes `<`, `>`, `&`, U+2028 and U+2029 for HTML safety.
 */

export interface JsonOptions {
  /**
   * false keeps insertion order: what kubectl prints for a typed object it built itself, e.g.
   * `run --dry-run=client -o json`, whose keys follow the Go struct (kind, apiVersion, metadata…).
   */
  readonly sortKeys?: boolean;
}

export function toJson(value: unknown, opts: JsonOptions = {}): string {
  const json = JSON.stringify(value);
  return encode(json === undefined ? null : JSON.parse(json), "", opts.sortKeys ?? true) + "\n";
}

// Written out by hand rather than with JSON.stringify(v, null, 4), because JS objects put
// integer-like keys ("9", "10") first whatever order they were given in.
function encode(v: unknown, indent: string, sortKeys: boolean): string {
  if (typeof v === "string") return encodeString(v);
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = indent + "    ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[\n${v.map((item) => inner + encode(item, inner, sortKeys)).join(",\n")}\n${indent}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 0) return "{}";
  if (sortKeys) keys.sort(compareCodePoints);
  return `{\n${keys.map((k) => `${inner}${encodeString(k)}: ${encode(obj[k], inner, sortKeys)}`).join(",\n")}\n${indent}}`;
}

const HTML_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** Go decodes a lone surrogate to U+FFFD before it could ever print one. */
function encodeString(s: string): string {
  return JSON.stringify(s.replace(/\p{Cs}/gu, "\uFFFD")).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}

/** Go sorts map keys as UTF-8 bytes, which orders like code points (not UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
