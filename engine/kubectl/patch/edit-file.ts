/**
 * The file `kubectl edit` hands to the editor (pkg/cmd/util/editor): its comment header
 * with the reasons a previous save failed, comment stripping for the "did anything
 * change" checks, and the temporary file's name.
 */
import { parseAllDocuments } from "yaml";
import { goMarshal } from "./go-json";

export interface EditReason {
  readonly head: string;
  readonly other: readonly string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** hashOnLineBreak: continue a multi-line reason as comment lines. */
function hashOnLineBreak(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    out += s[i] === "\n" && i + 1 < s.length && s[i + 1] !== "#" ? "\n# " : s[i];
  }
  return out;
}

/** editHeader.writeTo. */
export function editHeader(reasons: readonly EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += "#\n";
  }
  return out;
}

/** cmdutil.ManualStrip: drop the lines that are comments. */
export function manualStrip(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.trim().startsWith("#"))
    .join("\n");
}

/** cmdutil.StripComments: the file as JSON (comments gone), or manually stripped when it is not YAML. */
export function stripComments(text: string): string {
  if (text.trimStart().startsWith("{")) return text;
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return manualStrip(text);
  return list.map((d) => goMarshal(d.toJS() as unknown)).join("\n");
}

/** hasLines: any line that is neither blank nor a comment. */
export function hasLines(text: string): boolean {
  return text.split("\n").some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith("#");
  });
}

/** os.CreateTemp("", "kubectl-edit-*.yaml"): a decimal random part, here derived from the request. */
export function tempFileName(seed: string, ext: string): string {
  let h = 0x811c9dc5;
  for (const c of seed) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `/tmp/kubectl-edit-${h}${ext}`;
}
