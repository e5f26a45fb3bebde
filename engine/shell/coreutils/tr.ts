import type { Program } from "../program";
import { tryHelp } from "./getopt";

const CLASSES: Record<string, () => string[]> = {
  upper: () => range(65, 90),
  lower: () => range(97, 122),
  digit: () => range(48, 57),
  alpha: () => [...range(65, 90), ...range(97, 122)],
  alnum: () => [...range(48, 57), ...range(65, 90), ...range(97, 122)],
  space: () => [" ", "\t", "\n", "\r", "\f", "\v"],
  blank: () => [" ", "\t"],
  punct: () => range(33, 126).filter((c) => !/[A-Za-z0-9]/.test(c)),
  xdigit: () => [...range(48, 57), ...range(65, 70), ...range(97, 102)],
  cntrl: () => [...range(0, 31), "\x7f"],
  print: () => range(32, 126),
  graph: () => range(33, 126),
};

function range(a: number, b: number): string[] {
  const out: string[] = [];
  for (let c = a; c <= b; c++) out.push(String.fromCharCode(c));
  return out;
}

function escapeChar(s: string, i: number): { c: string; len: number } {
  if (s[i] !== "\\" || i + 1 >= s.length) return { c: s[i], len: 1 };
  const n = s[i + 1];
  const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\" };
  if (n in map) return { c: map[n], len: 2 };
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return { c: String.fromCharCode(parseInt(oct[0], 8)), len: 1 + oct[0].length };
  return { c: n, len: 2 };
}

/** Expands a tr SET: ranges `a-z`, classes `[:upper:]`, escapes, and `[c*n]` repeats. */
export function expandSet(s: string): string[] | string {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls) {
      const f = CLASSES[cls[1]];
      if (!f) return `invalid character class '${cls[1]}'`;
      out.push(...f());
      i += cls[0].length;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(s.slice(i));
    if (rep) {
      out.push(...Array<string>(rep[2] ? Number(rep[2]) : 0).fill(rep[1]));
      if (!rep[2]) out.push(`\0repeat:${rep[1]}`);
      i += rep[0].length;
      continue;
    }
    const a = escapeChar(s, i);
    if (s[i + a.len] === "-" && i + a.len + 1 < s.length) {
      const b = escapeChar(s, i + a.len + 1);
      const from = a.c.charCodeAt(0);
      const to = b.c.charCodeAt(0);
      if (to < from) return `range-endpoints of '${a.c}-${b.c}' are in reverse collating sequence order`;
      out.push(...range(from, to));
      i += a.len + 1 + b.len;
      continue;
    }
    out.push(a.c);
    i += a.len;
  }
  return out;
}

/** `tr [-d] [-s] [-c] SET1 [SET2]` */
export const tr: Program = async (ctx) => {
  const flags = new Set<string>();
  const sets: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (/^-[dscC]+$/.test(a) && sets.length === 0) for (const f of a.slice(1)) flags.add(f === "C" ? "c" : f);
    else sets.push(a);
  }
  const del = flags.has("d");
  const squeeze = flags.has("s");
  if (sets.length === 0) {
    ctx.stderr(`tr: missing operand\n${tryHelp("tr")}`);
    return 1;
  }
  if (sets.length === 1 && !del && !squeeze) {
    ctx.stderr(`tr: missing operand after '${sets[0]}'\nTwo strings must be given when translating.\n${tryHelp("tr")}`);
    return 1;
  }
  if (sets.length === 2 && del && !squeeze) {
    ctx.stderr(`tr: extra operand '${sets[1]}'\nOnly one string may be given when deleting without squeezing repeated characters.\n${tryHelp("tr")}`);
    return 1;
  }
  const s1 = expandSet(sets[0]);
  const s2 = sets[1] === undefined ? [] : expandSet(sets[1]);
  if (typeof s1 === "string" || typeof s2 === "string") {
    ctx.stderr(`tr: ${typeof s1 === "string" ? s1 : s2}\n`);
    return 1;
  }
  const set1 = new Set(s1);
  const inSet1 = (c: string) => set1.has(c) !== flags.has("c");
  let to = s2.filter((c) => !c.startsWith("\0repeat:"));
  const fill = s2.find((c) => c.startsWith("\0repeat:"));
  if (fill) to = [...to, ...Array<string>(Math.max(0, s1.length - to.length)).fill(fill.slice(8))];
  const map = new Map<string, string>();
  if (!del && to.length) s1.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)]));
  const squeezeSet = new Set(del || sets.length === 1 ? s1 : to);
  let out = "";
  let prev = "";
  for (const ch of ctx.stdin) {
    let c = ch;
    if (del && inSet1(c)) continue;
    if (!del && sets.length === 2) c = flags.has("c") ? (inSet1(c) ? to[to.length - 1] : c) : (map.get(c) ?? c);
    if (squeeze && c === prev && (flags.has("c") && sets.length === 1 ? inSet1(c) : squeezeSet.has(c))) continue;
    out += c;
    prev = c;
  }
  ctx.stdout(out);
  return 0;
};
