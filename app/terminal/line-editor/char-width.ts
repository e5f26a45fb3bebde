/**
 * How many terminal columns a piece of text takes, the way xterm.js counts them by
 * default (its Unicode 6 table, i.e. Markus Kuhn's wcwidth): East Asian wide and
 * fullwidth characters (Hangul syllables, CJK) take 2, combining marks and format
 * characters take 0, everything else 1. The editor's unit of text is a "char": one
 * printable code point with the zero-width code points that follow it, so the cursor
 * never stops inside an accented letter and never splits a wide character.
 */

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3040, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;

/** Columns one code point takes: 0, 1 or 2. Control characters take 0. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  for (const [lo, hi] of WIDE) {
    if (cp < lo) break;
    if (cp <= hi) return 2;
  }
  return 1;
}

/** Columns a char (as made by splitChars) takes: the width of its first code point. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0);
  return cp === undefined ? 0 : codePointWidth(cp);
}

/** Columns a whole string takes, on one row. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Splits text into chars: each printable code point with the zero-width ones after it. */
export function splitChars(text: string): string[] {
  const out: string[] = [];
  for (const cp of text) {
    const joins = out.length > 0 && codePointWidth(cp.codePointAt(0) ?? 0) === 0 && !isControl(cp) && !isControl(out[out.length - 1]);
    if (joins) out[out.length - 1] += cp;
    else out.push(cp);
  }
  return out;
}

function isControl(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}
