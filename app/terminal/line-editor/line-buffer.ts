import { splitChars } from "./char-width";

/**
 * The line being edited: its chars (see char-width.ts) and the cursor, an index between
 * chars. Word motions follow readline: Alt-B/Alt-F and Alt-D/Alt-Backspace see words as
 * runs of letters and digits (any script, so Korean words count), while Ctrl-W
 * (unix-word-rubout) sees them as runs of anything but whitespace.
 */
export class LineBuffer {
  private chars: string[] = [];
  private point = 0;

  /** The chars of the line, for rendering. */
  get units(): readonly string[] {
    return this.chars;
  }

  get cursor(): number {
    return this.point;
  }

  get length(): number {
    return this.chars.length;
  }

  get text(): string {
    return this.chars.join("");
  }

  /** The cursor as a UTF-16 offset into `text`, as the host's completer wants it. */
  get cursorOffset(): number {
    return this.offsetOf(this.point);
  }

  /** Replaces the whole line; the cursor goes to `cursor` (a char index) or the end. */
  set(text: string, cursor?: number): void {
    this.chars = splitChars(text);
    this.point = clamp(cursor ?? this.chars.length, 0, this.chars.length);
  }

  moveTo(index: number): void {
    this.point = clamp(index, 0, this.chars.length);
  }

  /** Inserts text at the cursor and moves the cursor after it. */
  insert(text: string): void {
    const add = splitChars(text);
    this.chars.splice(this.point, 0, ...add);
    this.point += add.length;
  }

  /** Removes chars [from, to) and returns them; the cursor goes to `from` if it was after it. */
  remove(from: number, to: number): string {
    const a = clamp(Math.min(from, to), 0, this.chars.length);
    const b = clamp(Math.max(from, to), 0, this.chars.length);
    const removed = this.chars.splice(a, b - a).join("");
    if (this.point >= b) this.point -= b - a;
    else if (this.point > a) this.point = a;
    return removed;
  }

  /** Char at index, or undefined past the end. */
  at(index: number): string | undefined {
    return this.chars[index];
  }

  /** Where Alt-B goes: back over non-word chars, then over word chars. */
  wordStartBefore(index = this.point): number {
    let i = index;
    while (i > 0 && !isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  /** Where Alt-F goes: forward over non-word chars, then over word chars. */
  wordEndAfter(index = this.point): number {
    let i = index;
    while (i < this.chars.length && !isWordChar(this.chars[i])) i++;
    while (i < this.chars.length && isWordChar(this.chars[i])) i++;
    return i;
  }

  /** Where Ctrl-W kills back to: back over whitespace, then over non-whitespace. */
  bigWordStartBefore(index = this.point): number {
    let i = index;
    while (i > 0 && isSpace(this.chars[i - 1])) i--;
    while (i > 0 && !isSpace(this.chars[i - 1])) i--;
    return i;
  }

  /** UTF-16 offset in `text` of the char index. */
  offsetOf(index: number): number {
    let off = 0;
    for (let i = 0; i < index && i < this.chars.length; i++) off += this.chars[i].length;
    return off;
  }

  /** Char index of a UTF-16 offset in `text`, rounded down to a char boundary. */
  indexOf(offset: number): number {
    let off = 0;
    for (let i = 0; i < this.chars.length; i++) {
      off += this.chars[i].length;
      if (off > offset) return i;
    }
    return this.chars.length;
  }
}

function isWordChar(ch: string): boolean {
  return /^[\p{L}\p{N}]/u.test(ch);
}

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n";
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
