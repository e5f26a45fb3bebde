import { charWidth, splitChars } from "./char-width";

/**
 * What the prompt and line look like on the terminal, and the ANSI bytes that bring the
 * screen from what it shows to what it should show. It keeps a model of the shown
 * prompt, chars and cursor laid out in rows of `columns` cells (wide chars take two
 * cells and move to the next row whole when one cell is left, as xterm draws them), and
 * on each change rewrites only from the first char that differs: cursor moves
 * (CUU/CUD/CUF/CUB and CR), the changed tail, then erase to end of line (EL) or of
 * screen (ED) when the old line was longer.
 *
 * xterm leaves the cursor in the last column with a wrap pending after a char fills a
 * row; relative moves from there are ambiguous, so like readline the view then writes a
 * space and a CR to stand on the next row for real. The cursor therefore always rests on
 * a cell this model knows.
 */

export interface Pos {
  readonly row: number;
  readonly col: number;
}

export interface Layout {
  /** Where each unit is drawn: a wide char that does not fit in a row starts the next one. */
  readonly at: readonly Pos[];
  /** Where the cursor stands after the units before i; `before[n]` is the end of the line. */
  readonly before: readonly Pos[];
  /** Cells each unit takes (a tab as many as it is expanded to). */
  readonly widths: readonly number[];
  /** Index of the last unit that takes cells, or -1. */
  readonly lastVisible: number;
  /** The last unit filled its row exactly: xterm has a wrap pending after it. */
  readonly pendingWrap: boolean;
}

const ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Lays out units (prompt units then line units) from column 0 in rows of `cols` cells. */
export function layout(units: readonly string[], cols: number): Layout {
  const at: Pos[] = [];
  const before: Pos[] = [];
  const widths: number[] = [];
  let row = 0;
  let col = 0;
  let pendingWrap = false;
  let lastVisible = -1;
  units.forEach((u, i) => {
    before.push({ row, col });
    if (u === "\n") {
      at.push({ row, col });
      widths.push(0);
      row++;
      col = 0;
      pendingWrap = false;
      return;
    }
    const w = u.startsWith("\x1b") ? 0 : u === "\t" ? Math.min(8 - (col % 8), cols - col) : charWidth(u);
    if (w > 0 && col + w > cols) {
      row++;
      col = 0;
    }
    at.push({ row, col });
    widths.push(w);
    if (w === 0) return;
    lastVisible = i;
    col += w;
    pendingWrap = false;
    if (col >= cols) {
      row++;
      col = 0;
      pendingWrap = true;
    }
  });
  before.push({ row, col });
  return { at, before, widths, lastVisible, pendingWrap };
}

/** A prompt as units: escape sequences (colours) are zero-width units of their own. */
export function promptUnits(prompt: string): string[] {
  const units: string[] = [];
  let last = 0;
  for (const m of prompt.matchAll(ESCAPE)) {
    units.push(...splitChars(prompt.slice(last, m.index)), m[0]);
    last = m.index + m[0].length;
  }
  units.push(...splitChars(prompt.slice(last)));
  return units;
}

/** The bytes that move the cursor between two cells of the line. */
export function moveCursor(from: Pos, to: Pos): string {
  let out = "";
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`;
  if (to.row > from.row) out += `\x1b[${to.row - from.row}B`;
  if (to.col !== from.col) {
    if (to.col === 0) out += "\r";
    else if (to.col < from.col) out += `\x1b[${from.col - to.col}D`;
    else out += `\x1b[${to.col - from.col}C`;
  }
  return out;
}

interface Shown {
  readonly prompt: string;
  readonly units: readonly string[];
  /** Prompt units then line units. */
  readonly all: readonly string[];
  readonly promptLength: number;
  readonly cursor: number;
  readonly layout: Layout;
}

export class LineView {
  private shown: Shown | undefined;

  constructor(private cols: number) {}

  get columns(): number {
    return this.cols;
  }

  /** True while a prompt and line are on the screen. */
  get isShown(): boolean {
    return this.shown !== undefined;
  }

  /** Draws a prompt and line from column 0 of the current row; the cursor goes to char `cursor`. */
  show(prompt: string, units: readonly string[], cursor: number): string {
    const next = this.make(prompt, units, cursor);
    this.shown = next;
    return this.writeFrom(next, 0) + moveCursor(end(next), cursorPos(next));
  }

  /** Brings the screen to the given prompt, line and cursor, rewriting what changed. */
  update(prompt: string, units: readonly string[], cursor: number): string {
    const old = this.shown;
    if (!old) return this.show(prompt, units, cursor);
    if (prompt !== old.prompt) return this.redraw(prompt, units, cursor);
    const next = this.make(prompt, units, cursor);
    this.shown = next;
    const d = firstDifference(old.units, units);
    if (d === old.units.length && d === units.length) return moveCursor(cursorPos(old), cursorPos(next));
    const from = old.layout.before[old.promptLength + d];
    return (
      moveCursor(cursorPos(old), from) +
      this.writeFrom(next, next.promptLength + d) +
      erase(end(old), end(next)) +
      moveCursor(end(next), cursorPos(next))
    );
  }

  /** Rewrites prompt and line in place, from the prompt's first cell. */
  redraw(prompt: string, units: readonly string[], cursor: number): string {
    const old = this.shown;
    if (!old) return this.show(prompt, units, cursor);
    const next = this.make(prompt, units, cursor);
    this.shown = next;
    return (
      moveCursor(cursorPos(old), { row: 0, col: 0 }) +
      this.writeFrom(next, 0) +
      erase(end(old), end(next)) +
      moveCursor(end(next), cursorPos(next))
    );
  }

  /**
   * Leaves the line: the cursor goes after its end, `suffix` (such as "^C") is written and
   * a new line begins. When the line exactly filled its last row the cursor already stands
   * on a fresh row, and like readline the view adds no empty one.
   */
  finish(suffix = ""): string {
    const old = this.shown;
    this.shown = undefined;
    if (!old) return suffix + "\r\n";
    const last = end(old);
    const out = moveCursor(cursorPos(old), last);
    if (suffix === "" && last.col === 0 && last.row > 0) return out;
    return out + suffix + "\r\n";
  }

  /** Forgets the line without touching the screen: what is written next continues where the cursor is. */
  release(): void {
    this.shown = undefined;
  }

  /** Clears the screen and draws the line again at the top (Ctrl-L). */
  clearScreen(): string {
    const old = this.shown;
    this.shown = undefined;
    const home = "\x1b[H\x1b[2J";
    return old ? home + this.show(old.prompt, old.units, old.cursor) : home;
  }

  /**
   * The terminal now has `cols` columns. xterm reflows the wrapped rows and keeps the
   * cursor on its char, so the view finds that char in the new layout, goes back to the
   * prompt's start and draws everything again.
   */
  resize(cols: number): string {
    const old = this.shown;
    this.cols = Math.max(1, cols);
    if (!old) return "";
    const reflowed = this.make(old.prompt, old.units, old.cursor);
    this.shown = reflowed;
    return (
      moveCursor(cursorPos(reflowed), { row: 0, col: 0 }) +
      this.writeFrom(reflowed, 0) +
      "\x1b[J" +
      moveCursor(end(reflowed), cursorPos(reflowed))
    );
  }

  private make(prompt: string, units: readonly string[], cursor: number): Shown {
    const p = promptUnits(prompt);
    const all = [...p, ...units];
    return {
      prompt,
      units: units.slice(),
      all,
      promptLength: p.length,
      cursor: Math.max(0, Math.min(units.length, cursor)),
      layout: layout(all, this.cols),
    };
  }

  /** Writes units from index `from` to the end; the cursor must stand at before[from]. */
  private writeFrom(s: Shown, from: number): string {
    let out = "";
    for (let i = from; i < s.all.length; i++) {
      const u = s.all[i];
      if (u === "\n") out += "\x1b[K\r\n";
      else if (u === "\t") out += " ".repeat(s.layout.widths[i]);
      else out += u;
    }
    if (s.layout.pendingWrap && s.layout.lastVisible >= from) out += " \r";
    return out;
  }
}

function end(s: Shown): Pos {
  return s.layout.before[s.all.length];
}

function cursorPos(s: Shown): Pos {
  const i = s.promptLength + s.cursor;
  return i < s.all.length ? s.layout.at[i] : s.layout.before[i];
}

/** Erases what the old line had beyond the new line's end. */
function erase(oldEnd: Pos, newEnd: Pos): string {
  if (oldEnd.row > newEnd.row) return "\x1b[J";
  if (oldEnd.row === newEnd.row && oldEnd.col > newEnd.col) return "\x1b[K";
  return "";
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
