/** Tokens of the awk language; `/` starts a regex only where an operand may begin. */

export type TokKind = "num" | "str" | "regex" | "name" | "funcname" | "builtin" | "keyword" | "op" | "newline" | "eof";

export interface Tok {
  kind: TokKind;
  value: string;
  pos: number;
}

export const KEYWORDS = new Set(["BEGIN", "END", "function", "func", "if", "else", "while", "for", "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf"]);
export const BUILTINS = new Set(["length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close", "fflush"]);

const OPS = ["**=", "**", "^=", "+=", "-=", "*=", "/=", "%=", "==", "<=", ">=", "!=", "++", "--", "&&", "||", ">>", "!~", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|", "?", ":", "~", "$", "="];

/** Tokens after which `/` divides rather than starting a regex. */
function endsOperand(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.kind === "num" || t.kind === "str" || t.kind === "name" || t.kind === "regex" || t.kind === "builtin") return true;
  return t.kind === "op" && (t.value === ")" || t.value === "]" || t.value === "$" || t.value === "++" || t.value === "--");
}

/** mawk quotes the first ten characters of an unterminated string or regex. */
function runaway(what: string, src: string, start: number): { error: string; pos: number } {
  const rest = src.slice(start + 1).split("\n")[0].slice(0, 10);
  return { error: `runaway ${what} ${src[start]}${rest} ...`, pos: start };
}

export function tokenize(src: string): Tok[] | { error: string; pos: number } {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      toks.push({ kind: "newline", value: "\n", pos: i++ });
      continue;
    }
    const start = i;
    if (/[0-9.]/.test(c) && /[0-9]/.test(c === "." ? (src[i + 1] ?? "") : c)) {
      const m = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(src.slice(i));
      const text = m ? m[0] : c;
      toks.push({ kind: "num", value: String(Number(text)), pos: start });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      const word = m ? m[0] : c;
      i += word.length;
      const kind: TokKind = KEYWORDS.has(word) ? "keyword" : BUILTINS.has(word) ? "builtin" : src[i] === "(" ? "funcname" : "name";
      toks.push({ kind, value: word, pos: start });
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\n") return runaway("string constant", src, start);
        if (src[i] === "\\" && i + 1 < src.length) {
          const n = src[++i];
          const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" };
          if (n in map) s += map[n];
          else if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i)) ?? ["0"];
            s += String.fromCharCode(parseInt(m[0], 8));
            i += m[0].length - 1;
          } else if (n === "\n") s += "";
          else s += "\\" + n;
          i++;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length) return runaway("string constant", src, start);
      i++;
      toks.push({ kind: "str", value: s, pos: start });
      continue;
    }
    if (c === "/" && !endsOperand(toks[toks.length - 1])) {
      let re = "";
      i++;
      let inBracket = false;
      while (i < src.length && (src[i] !== "/" || inBracket)) {
        if (src[i] === "\n") return runaway("regular expression", src, start);
        if (src[i] === "\\" && i + 1 < src.length) {
          re += src[i + 1] === "/" ? "/" : src[i] + src[i + 1];
          i += 2;
          continue;
        }
        if (src[i] === "[") inBracket = true;
        else if (src[i] === "]") inBracket = false;
        re += src[i++];
      }
      if (i >= src.length) return runaway("regular expression", src, start);
      i++;
      toks.push({ kind: "regex", value: re, pos: start });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) return { error: `syntax error at or near ${c}`, pos: i };
    toks.push({ kind: "op", value: op === "**" ? "^" : op === "**=" ? "^=" : op, pos: start });
    i += op.length;
  }
  toks.push({ kind: "eof", value: "end of file", pos: src.length });
  return toks;
}
