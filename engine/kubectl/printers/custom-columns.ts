/**
 * `-o custom-columns=NAME:.metadata.name,...` and `-o custom-columns-file=...`, as
 * kubectl/pkg/cmd/get/customcolumn.go parses and prints them: headers as given, `<none>`
 * where a path finds nothing, several values comma-joined, each value as Go's fmt.Sprint
 * prints it (`map[app:web]`), all through the `kubectl get` tabwriter.
 */

import { findJsonPathResults, goSprint } from "./jsonpath";
import type { ListNode } from "./jsonpath-parser";
import { parseJsonPathTemplate } from "./jsonpath-parser";
import { GET_TABLE, tabwrite } from "./tabwriter";

export interface CustomColumn {
  readonly header: string;
  /** A full jsonpath template, `{.metadata.name}`. */
  readonly fieldSpec: string;
}

export type CustomColumnsParse = { ok: true; value: CustomColumn[] } | { ok: false; error: string };

/** The header and rows written so far are printed even when a later row fails. */
export type CustomColumnsPrint = { ok: true; value: string } | { ok: false; error: string; output: string };

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;
const FILE_FORMAT = "Expected format is one line of space separated headers, one line of space separated column specs.";
/** unicode.IsSpace, which bufio.ScanWords splits on. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`.
 * The error text is kubectl's own, without the `error: ` kubectl adds when printing it.
 */
export function relaxedJsonPathExpression(path: string): { ok: true; value: string } | { ok: false; error: string } {
  if (path === "") return { ok: true, value: path };
  const m = RELAXED.exec(path);
  if (!m) {
    return { ok: false, error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  }
  return { ok: true, value: `{.${m[1] ?? m[2]}}` };
}

/** NewCustomColumnsPrinterFromSpec: `HEADER:path,HEADER:path`. */
export function parseCustomColumns(spec: string): CustomColumnsParse {
  if (spec === "") return { ok: false, error: "error: custom-columns format specified but no custom columns given" };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0) return { ok: false, error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const fieldSpec = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!fieldSpec.ok) return { ok: false, error: `error: ${fieldSpec.error}` };
    columns.push({ header: part.slice(0, colon), fieldSpec: fieldSpec.value });
  }
  return { ok: true, value: columns };
}

/**
 * NewCustomColumnsPrinterFromTemplate: a line of headers and a line of paths, split on
 * white space. kubectl prints these columns with headers even under --no-headers.
 */
export function parseCustomColumnsFile(text: string): CustomColumnsParse {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (text.endsWith("\n")) lines.pop();
  const words = (line: string) => line.split(GO_SPACE).filter((w) => w !== "");
  if (text === "") return { ok: false, error: `error: invalid template, missing header line. ${FILE_FORMAT}` };
  if (lines.length < 2) return { ok: false, error: `error: invalid template, missing spec line. ${FILE_FORMAT}` };
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    return { ok: false, error: `error: number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  }
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const fieldSpec = relaxedJsonPathExpression(specs[i]);
    if (!fieldSpec.ok) return { ok: false, error: `error: ${fieldSpec.error}` };
    columns.push({ header: headers[i], fieldSpec: fieldSpec.value });
  }
  return { ok: true, value: columns };
}

/** printers.EscapeTerminal. */
const escapeTerminal = (s: string) => s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");

/**
 * CustomColumnsPrinter.PrintObj over the objects of a list (or the one object of
 * `get pod x`). Paths are compiled only after the header is written, as kubectl does,
 * so a bad path still prints the header before its error.
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  opts: { noHeaders: boolean },
): CustomColumnsPrint {
  const lines: string[] = [];
  const flush = () => (lines.length === 0 ? "" : tabwrite(lines.map((l) => `${l}\n`).join(""), GET_TABLE));
  if (!opts.noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  const templates: ListNode[] = [];
  for (const column of columns) {
    const parsed = parseJsonPathTemplate(column.fieldSpec);
    if (!parsed.ok) return { ok: false, error: `error: ${parsed.error}`, output: flush() };
    templates.push(parsed.value);
  }
  for (const obj of objects) {
    const cells: string[] = [];
    for (const template of templates) {
      const found = findJsonPathResults(template, obj, true);
      if (!found.ok) return { ok: false, error: `error: ${found.error}`, output: flush() };
      const values = found.value;
      const texts = values.length === 0 || values[0].length === 0 ? ["<none>"] : [];
      for (const group of values) texts.push(...group.map((v) => escapeTerminal(goSprint(v))));
      cells.push(texts.join(","));
    }
    lines.push(cells.join("\t"));
  }
  return { ok: true, value: flush() };
}
