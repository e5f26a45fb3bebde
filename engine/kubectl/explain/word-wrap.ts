/**
 * github.com/mitchellh/go-wordwrap `WrapString` (v1.0.1), which kubectl explain's `wrap`
 * template function runs every description through. Lines break only at white space,
 * existing newlines are kept, a word longer than the limit overflows, and widths count
 * code points as Go counts runes.
 */

const NBSP = "\u00a0";

/** Go's unicode.IsSpace. */
function isSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch);
}

export function wrapString(s: string, lim: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  const flush = () => {
    current += spaceLen + wordLen;
    out += space + word;
    space = "";
    spaceLen = 0;
    word = "";
    wordLen = 0;
  };
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen <= lim) out += space;
        space = "";
        spaceLen = 0;
      } else {
        flush();
      }
      out += ch;
      current = 0;
    } else if (isSpace(ch) && ch !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flush();
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}
