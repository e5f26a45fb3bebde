/**
 * YAML parsed with positions, so that a problem found in a value (by zod or by a check)
 * points at the line the teacher wrote it on.
 */
import { LineCounter, parseDocument, type Document } from "yaml";

export interface PositionedYaml {
  readonly value: unknown;
  /** the 1-based line of the node at `path` (or of its nearest ancestor present), inside the YAML text */
  lineOf(path: readonly PropertyKey[]): number;
  /** the first syntax error, with its 1-based line, if any */
  readonly error?: { readonly line: number; readonly message: string };
}

export function parseYamlWithLines(text: string): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, version: "1.2" });
  const first = doc.errors[0];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineAt(range[0]);
    }
    return 1;
  };
  if (first) return { value: undefined, lineOf, error: { line: lineAt(first.pos[0]), message: first.message.split("\n")[0] } };
  return { value: doc.toJS(), lineOf };
}
