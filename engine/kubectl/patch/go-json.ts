/**
 * encoding/json's compact output, which kubectl uses for the last-applied-configuration
 * annotation and for the patches it sends: object keys sorted as Go sorts map keys,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped for HTML safety, no spaces.
 */
import { compareGoStrings } from "../printers/jsonpath";

const HTML_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

function encodeString(s: string): string {
  return JSON.stringify(s.replace(/\p{Cs}/gu, "\uFFFD")).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}

/** json.Marshal of a decoded JSON value. */
export function goMarshal(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return encodeString(v);
  if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(goMarshal).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(compareGoStrings);
  return `{${keys.map((k) => `${encodeString(k)}:${goMarshal(o[k])}`).join(",")}}`;
}

/** json.NewEncoder(w).Encode: the marshalled value and a newline, as runtime.Encode writes it. */
export function goEncode(v: unknown): string {
  return goMarshal(v) + "\n";
}
