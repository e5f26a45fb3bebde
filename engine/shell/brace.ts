/** Bash brace expansion of one word's text: `{a,b}`, nesting, and sequences `{1..5}`, `{a..e}`, `{01..10..2}`. */

const MAX_ALTERNATIVES = 10_000;

/** Finds the `}` closing the `{` at `open`, and whether a comma sits at its top level. */
function closing(s: string, open: number): { close: number; comma: boolean } | undefined {
  let depth = 0;
  let comma = false;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return { close: i, comma };
    } else if (c === "," && depth === 1) comma = true;
  }
  return undefined;
}

function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") {
      cur += c + (body[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function sequence(body: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      if (out.length >= MAX_ALTERNATIVES) break;
      const abs = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0");
      out.push(v < 0 ? "-" + abs : abs);
    }
    return out;
  }
  const chr = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
  if (chr) {
    const [a, b] = [chr[1].charCodeAt(0), chr[2].charCodeAt(0)];
    const step = Math.abs(Number(chr[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}

/** Every word the text stands for, in bash's order; text without a valid brace expression comes back alone. */
export function expandBraces(s: string): string[] {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") {
      i++;
      continue;
    }
    if (s[i] !== "{") continue;
    const found = closing(s, i);
    if (!found) return [s];
    const body = s.slice(i + 1, found.close);
    const alts = found.comma ? splitTopLevel(body) : sequence(body);
    if (!alts) continue;
    const prefix = s.slice(0, i);
    const suffixes = expandBraces(s.slice(found.close + 1));
    const out: string[] = [];
    for (const alt of alts) {
      for (const a of expandBraces(alt)) {
        for (const suf of suffixes) {
          if (out.length >= MAX_ALTERNATIVES) return out;
          out.push(prefix + a + suf);
        }
      }
    }
    return out;
  }
  return [s];
}
