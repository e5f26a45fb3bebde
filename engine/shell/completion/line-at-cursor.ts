/**
 * Where Tab was pressed, found as readline and bash find it: the words of the simple
 * command the cursor is in (what bash puts in COMP_WORDS, after bash-completion has dropped
 * redirections), whether the word is a redirection's target, and where readline's word
 * starts: after the last unquoted character of COMP_WORDBREAKS, or at a quote still open.
 */

/** bash's COMP_WORDBREAKS (hostcomplete on): readline's word ends at these when unquoted. */
const WORD_BREAKS = " \t\n\"'@><=;|&(:";

export interface LineAtCursor {
  /** Words as typed (quotes kept) up to the cursor; the last is the word under the cursor, "" after a blank. */
  readonly words: readonly string[];
  /** The word under the cursor is the target of a redirection (`> fi`, `2>fi`). */
  readonly redirect: boolean;
  /** UTF-16 index where readline's word starts. */
  readonly start: number;
  /** The quote still open at the cursor; `start` is then its index. */
  readonly openQuote?: "'" | '"';
}

interface Frame {
  words: string[];
  word: string | undefined;
  /** the next word is a redirection target, not an argument */
  target: boolean;
  /** index after `$(` / `<(` where this nested command began */
  readonly from: number;
}

const frame = (from: number): Frame => ({ words: [], word: undefined, target: false, from });

export function lineAtCursor(line: string, cursor: number): LineAtCursor {
  const s = line.slice(0, cursor);
  const quoted = new Array<boolean>(s.length).fill(false);
  const outer: Frame[] = [];
  let f = frame(0);
  let quote: "'" | '"' | undefined;
  let quoteAt = -1;

  const add = (text: string) => {
    f.word = (f.word ?? "") + text;
  };
  const endWord = () => {
    if (f.word === undefined) return;
    if (f.target) f.target = false;
    else f.words.push(f.word);
    f.word = undefined;
  };
  const nest = (i: number) => {
    outer.push(f);
    f = frame(i);
  };

  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      quoted[i] = true;
      if (quote === '"' && c === "\\" && i + 1 < s.length) {
        quoted[i + 1] = true;
        add(c + s[++i]);
        continue;
      }
      add(c);
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "\\") {
      if (i + 1 < s.length) quoted[i + 1] = true;
      add(s.slice(i, i + 2));
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      quoteAt = i;
      quoted[i] = true;
      add(c);
    } else if (c === " " || c === "\t" || c === "\n") {
      endWord();
    } else if ((c === "$" || c === "<" || c === ">") && s[i + 1] === "(") {
      // command and process substitution: complete inside them as a command of their own
      add(c + "(");
      nest(i + 2);
      i++;
    } else if (c === ")" && outer.length > 0) {
      const inner = f;
      f = outer.pop() as Frame;
      add(s.slice(inner.from, i + 1));
    } else if (c === "&" && s[i + 1] === ">") {
      endWord();
      f.target = true;
      i += s[i + 2] === ">" ? 2 : 1;
    } else if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
      endWord();
      f.words = [];
      f.target = false;
      if ((c === "&" || c === "|" || c === ";") && (s[i + 1] === c || (c === "|" && s[i + 1] === "&"))) i++;
    } else if (c === "<" || c === ">") {
      // `2>file`: the digits before the operator are its file descriptor, not a word
      if (f.word !== undefined && /^\d+$/.test(f.word)) f.word = undefined;
      endWord();
      f.target = true;
      for (let n = 0; n < 2 && "<>&|-".includes(s[i + 1] ?? " "); n++) i++;
    } else {
      add(c);
    }
  }

  let start = quoteAt;
  if (!quote) {
    let j = s.length - 1;
    while (j >= 0 && !(WORD_BREAKS.includes(s[j]) && !quoted[j])) j--;
    start = j + 1;
  }
  return { words: [...f.words, f.word ?? ""], redirect: f.target, start, ...(quote ? { openQuote: quote } : {}) };
}
