/**
 * Reading a patch the way kubectl does (apimachinery `yaml.ToJSON`): text that starts with
 * `{` is sent as JSON as it is, and the server reports its syntax errors; anything else is
 * YAML, converted to JSON on the client.
 */
import { parseDocument } from "yaml";
import { badRequest } from "../../api/errors";
import { goQuote } from "../printers/jsonpath";
import type { Failure } from "./failure";
import { goJsonSyntaxError } from "./go-json-syntax";

export type PatchText = { ok: true; value: unknown } | { ok: false; error: Failure };

/** The patch as a JSON value, or the error kubectl (or the server) reports for it. */
export function readPatchText(text: string, shown: string): PatchText {
  if (text.trimStart().startsWith("{")) {
    const syntax = goJsonSyntaxError(text);
    if (syntax) return { ok: false, error: badRequest(syntax) };
    return { ok: true, value: JSON.parse(text) as unknown };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    return { ok: false, error: `error: unable to parse ${goQuote(shown)}: yaml: ${line ? `line ${line}: ` : ""}did not find expected node content` };
  }
  return { ok: true, value: (doc.toJS() as unknown) ?? null };
}
