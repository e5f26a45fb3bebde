/**
 * Shell patterns (`*`, `?`, `[...]`) as used by globbing, `case`, `[[ == ]]` and `${x#pat}`.
 * A backslash makes the next character literal; expansion marks quoted text that way.
 */

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "\\w",
};

function escapeRegExpChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? "\\" + c : c;
}

/** Parses a bracket expression starting at `pat[i] === "["`; returns the regex class and the index after it. */
function bracket(pat: string, i: number): { re: string; next: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pat[j] === "!" || pat[j] === "^") {
    negate = true;
    j++;
  }
  let body = "";
  let first = true;
  while (j < pat.length) {
    const c = pat[j];
    if (c === "]" && !first) return { re: `[${negate ? "^" : ""}${body}]`, next: j + 1 };
    first = false;
    if (c === "[" && pat[j + 1] === ":") {
      const end = pat.indexOf(":]", j + 2);
      if (end > 0) {
        body += CLASSES[pat.slice(j + 2, end)] ?? "";
        j = end + 2;
        continue;
      }
    }
    if (c === "\\" && j + 1 < pat.length) {
      body += escapeRegExpChar(pat[j + 1]);
      j += 2;
      continue;
    }
    if (c === "-" && body !== "" && pat[j + 1] !== "]" && j + 1 < pat.length) {
      body += "-";
      j++;
      continue;
    }
    body += escapeRegExpChar(c);
    j++;
  }
  return undefined;
}

/** Regex source for a pattern; `lazy` makes `*` match as little as possible. */
export function patternSource(pat: string, opts: { pathname?: boolean; lazy?: boolean } = {}): string {
  const any = opts.pathname ? "[^/]" : "[\\s\\S]";
  let out = "";
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === "\\" && i + 1 < pat.length) {
      out += escapeRegExpChar(pat[++i]);
    } else if (c === "*") {
      out += any + (opts.lazy ? "*?" : "*");
    } else if (c === "?") {
      out += any;
    } else if (c === "[") {
      const b = bracket(pat, i);
      if (b) {
        out += b.re;
        i = b.next - 1;
      } else out += "\\[";
    } else out += escapeRegExpChar(c);
  }
  return out;
}

export function matchPattern(pat: string, s: string, opts: { pathname?: boolean } = {}): boolean {
  return new RegExp(`^(?:${patternSource(pat, opts)})$`).test(s);
}

/** True when the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === "\\") i++;
    else if (pat[i] === "*" || pat[i] === "?" || pat[i] === "[") return true;
  }
  return false;
}

/** Marks every character literal. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, (c) => "\\" + c);
}

/** Removes pattern escapes, giving the text a non-matching pattern stands for. */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([\s\S])/g, "$1");
}

/** `${x#p}` / `${x##p}` / `${x%p}` / `${x%%p}`. */
export function removeAffix(value: string, pat: string, op: "#" | "##" | "%" | "%%"): string {
  const re = new RegExp(`^(?:${patternSource(pat)})$`);
  const n = value.length;
  if (op === "#") {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === "##") {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === "%") {
    for (let i = n; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** `${x/p/r}`, `${x//p/r}`, `${x/#p/r}`, `${x/%p/r}`: leftmost-longest matches. */
export function replacePattern(value: string, pat: string, rep: string, op: "/" | "//" | "/#" | "/%"): string {
  if (pat === "") return value;
  const src = patternSource(pat);
  if (op === "/#") return value.replace(new RegExp(`^(?:${src})`), () => rep);
  if (op === "/%") {
    const whole = new RegExp(`^(?:${src})$`);
    for (let i = 0; i <= value.length; i++) if (whole.test(value.slice(i))) return value.slice(0, i) + rep;
    return value;
  }
  return value.replace(new RegExp(src, op === "//" ? "g" : ""), () => rep);
}
