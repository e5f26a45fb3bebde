/**
 * readline's incremental history search (Ctrl-R, and Ctrl-S forward). The search runs
 * over the history lines with the line being typed as the newest, starting where the
 * cursor is. Each typed character narrows the search, keeping the current match if it
 * still fits there; Ctrl-R again looks for an older occurrence (an earlier one in the
 * same line first, and never the same text twice in a row); a failed search keeps showing
 * the last match under a `(failed reverse-i-search)` prompt. Ctrl-R on an empty query
 * reuses the previous search's query, as readline does.
 *
 * It is pure: the editor renders `prompt`, `line` and `offset`, and on accepting takes
 * `index` as the history position to continue from.
 */
export type SearchDirection = "reverse" | "forward";

export interface SearchPoint {
  /** Index into the searched lines. */
  readonly index: number;
  /** UTF-16 offset of the match in that line. */
  readonly offset: number;
}

export class ReverseSearch {
  private text = "";
  private at: SearchPoint;
  private lost = false;

  constructor(
    private readonly lines: readonly string[],
    private readonly origin: SearchPoint,
    private dir: SearchDirection = "reverse",
    private readonly previousQuery = "",
  ) {
    this.at = origin;
  }

  get query(): string {
    return this.text;
  }

  get direction(): SearchDirection {
    return this.dir;
  }

  get failed(): boolean {
    return this.lost;
  }

  /** Index of the shown line in the searched lines. */
  get index(): number {
    return this.at.index;
  }

  /** UTF-16 offset of the match in the shown line: where the cursor sits. */
  get offset(): number {
    return this.at.offset;
  }

  /** The line shown: the current match, or the last one when the search failed. */
  get line(): string {
    return this.lines[this.at.index] ?? "";
  }

  /** bash's prompt during the search: (reverse-i-search)`query': */
  get prompt(): string {
    const name = `${this.lost ? "failed " : ""}${this.dir === "reverse" ? "reverse-" : ""}i-search`;
    return `(${name})\`${this.text}': `;
  }

  /** Adds typed text to the query; false when nothing matches any more. */
  type(text: string): boolean {
    this.text += text;
    return this.search(this.at, true);
  }

  /** Ctrl-R / Ctrl-S: the next match in that direction; false when there is none. */
  again(direction: SearchDirection): boolean {
    this.dir = direction;
    if (this.text === "") {
      if (this.previousQuery === "") return true;
      this.text = this.previousQuery;
      return this.search(this.at, true);
    }
    return this.search(this.at, false);
  }

  /** Backspace: drops the query's last character and searches again from where the search began. */
  backspace(): boolean {
    const chars = Array.from(this.text);
    chars.pop();
    this.text = chars.join("");
    this.lost = false;
    if (this.text === "") {
      this.at = this.origin;
      return true;
    }
    return this.search(this.origin, true);
  }

  private search(from: SearchPoint, inclusive: boolean): boolean {
    const found = this.dir === "reverse" ? this.findBackward(from, inclusive) : this.findForward(from, inclusive);
    this.lost = found === undefined;
    if (found) this.at = found;
    return !this.lost;
  }

  private findBackward(from: SearchPoint, inclusive: boolean): SearchPoint | undefined {
    const shown = this.lines[from.index];
    for (let i = from.index; i >= 0; i--) {
      const line = this.lines[i];
      if (i === from.index) {
        const limit = inclusive ? from.offset : from.offset - 1;
        const hit = limit < 0 ? -1 : line.lastIndexOf(this.text, limit);
        if (hit >= 0) return { index: i, offset: hit };
        continue;
      }
      if (line === shown) continue;
      const hit = line.lastIndexOf(this.text);
      if (hit >= 0) return { index: i, offset: hit };
    }
    return undefined;
  }

  private findForward(from: SearchPoint, inclusive: boolean): SearchPoint | undefined {
    const shown = this.lines[from.index];
    for (let i = from.index; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (i === from.index) {
        const hit = line.indexOf(this.text, inclusive ? from.offset : from.offset + 1);
        if (hit >= 0) return { index: i, offset: hit };
        continue;
      }
      if (line === shown) continue;
      const hit = line.indexOf(this.text);
      if (hit >= 0) return { index: i, offset: hit };
    }
    return undefined;
  }
}
