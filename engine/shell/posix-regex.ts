/**
 * POSIX regular expressions (GNU flavour) translated to JavaScript RegExp source: basic (BRE, grep
 * and sed's default) and extended (ERE: grep -E, sed -E, awk, `[[ =~ ]]`).
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
};

const SPECIAL_JS = /[\\^$.*+?()[\]{}|/]/;

function lit(c: string): string {
  return SPECIAL_JS.test(c) ? "\\" + c : c;
}

/** A bracket expression at `re[i] === "["`, as a JS class; POSIX brackets treat backslash literally. */
function bracket(re: string, i: number): { out: string; next: number } | { error: string } {
  let j = i + 1;
  let out = "[";
  if (re[j] === "^") {
    out += "^";
    j++;
  }
  let first = true;
  while (j < re.length) {
    const c = re[j];
    if (c === "]" && !first) return { out: out + "]", next: j + 1 };
    first = false;
    if (c === "[" && re[j + 1] === ":") {
      const end = re.indexOf(":]", j + 2);
      if (end < 0) return { error: "Unmatched [, [^, [:, [., or [=" };
      const cls = CLASSES[re.slice(j + 2, end)];
      if (cls === undefined) return { error: "Invalid character class name" };
      out += cls;
      j = end + 2;
      continue;
    }
    out += c === "\\" || c === "]" || c === "[" ? "\\" + c : c;
    j++;
  }
  return { error: "Unmatched [, [^, [:, [., or [=" };
}

export type RegexResult = { source: string } | { error: string };

/** Translates a POSIX regex; `error` carries GNU's wording (e.g. "Unmatched ( or \\("). */
export function posixRegex(re: string, extended: boolean): RegexResult {
  let out = "";
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    const start = atStart;
    atStart = false;
    if (c === "[") {
      const b = bracket(re, i);
      if ("error" in b) return b;
      out += b.out;
      i = b.next - 1;
      continue;
    }
    if (c === "\\") {
      const n = re[++i];
      if (n === undefined) return { error: "Trailing backslash" };
      if (!extended && (n === "(" || n === ")")) {
        depth += n === "(" ? 1 : -1;
        if (depth < 0) return { error: "Unmatched ) or \\)" };
        out += n;
        atStart = n === "(";
      } else if (!extended && (n === "{" || n === "}" || n === "+" || n === "?")) out += n;
      else if (!extended && n === "|") {
        out += "|";
        atStart = true;
      } else if (n === "<") out += "\\b(?=\\w)";
      else if (n === ">") out += "\\b(?<=\\w)";
      else if (/[bBwWsSnt]/.test(n) || /[1-9]/.test(n)) out += "\\" + n;
      else out += lit(n);
      continue;
    }
    if (c === "^") {
      out += extended || start ? "^" : "\\^";
      if (extended) atStart = true;
      continue;
    }
    if (c === "$") {
      const rest = re.slice(i + 1);
      const end = extended || rest === "" || rest.startsWith("\\)") || rest.startsWith("\\|");
      out += end ? "$" : "\\$";
      continue;
    }
    if (c === "*") {
      out += start ? "\\*" : "*";
      continue;
    }
    if (c === ".") {
      out += "[\\s\\S]";
      continue;
    }
    if (extended) {
      if (c === "(") {
        depth++;
        out += "(";
        atStart = true;
        continue;
      }
      if (c === ")") {
        if (--depth < 0) return { error: "Unmatched ) or \\)" };
        out += ")";
        continue;
      }
      if (c === "|") {
        out += "|";
        atStart = true;
        continue;
      }
      if (c === "+" || c === "?") {
        out += start ? "\\" + c : c;
        continue;
      }
      if (c === "{") {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(re.slice(i));
        if (m && !start) {
          out += m[0];
          i += m[0].length - 1;
        } else out += "\\{";
        continue;
      }
    }
    out += lit(c);
  }
  if (depth > 0) return { error: "Unmatched ( or \\(" };
  return { source: out };
}

/** Compiles a POSIX regex into a RegExp with the given flags, or GNU's error text. */
export function compilePosix(re: string, extended: boolean, flags = ""): RegExp | { error: string } {
  const r = posixRegex(re, extended);
  if ("error" in r) return r;
  try {
    return new RegExp(r.source, flags);
  } catch {
    return { error: "Invalid regular expression" };
  }
}
