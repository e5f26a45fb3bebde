/**
 * Go's text/tabwriter (AlignLeft, no flags), which both `kubectl get` tables and
 * `kubectl describe` are written through. Cells end at a tab; a column block is a run
 * of consecutive lines that have a cell in that column, so a line without a tab ends
 * every block above it. Widths are measured in code points, as Go counts runes.
 */

export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

/** `kubectl get`: cli-runtime printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3). */
export const GET_TABLE: TabwriterOptions = { minWidth: 6, padding: 3 };
/** `kubectl describe`: minwidth 0, tabwidth 8, padding 2. */
export const DESCRIBE: TabwriterOptions = { minWidth: 0, padding: 2 };

const NON_ASCII = /[^\x00-\x7f]/;

function width(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const trailingNewline = text.endsWith("\n");
  const lines = (trailingNewline ? text.slice(0, -1) : text).split("\n").map((l) => l.split("\t"));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        if (j < widths.length && j < cells.length - 1) s += c + " ".repeat(Math.max(0, widths[j] - width(c)));
        else s += c;
      }
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let w = opts.minWidth;
      for (; t < line1; t++) {
        const cells = lines[t];
        if (column >= cells.length - 1) break;
        const cw = width(cells[column]) + opts.padding;
        if (cw > w) w = cw;
      }
      widths.push(w);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n") + (trailingNewline ? "\n" : "");
}
