import type { Program } from "../program";
import { parseOpts, type ParsedOpts } from "./getopt";
import { lines, readOperand, resolve } from "./io-helpers";

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  opts: string;
}

function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMRrV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] ? Number(m[4]) : Infinity,
    endChar: m[5] ? Number(m[5]) : 0,
    opts: (m[3] ?? "") + (m[6] ?? ""),
  };
}

/** Start offsets of each field: after `sep`, or (no -t) at each blank run preceding a non-blank. */
function fieldStarts(line: string, sep: string | undefined): number[] {
  const starts = [0];
  if (sep !== undefined) {
    for (let i = 0; i < line.length; i++) if (line[i] === sep) starts.push(i + 1);
    return starts;
  }
  for (let i = 1; i < line.length; i++) if (/\s/.test(line[i]) && !/\s/.test(line[i - 1])) starts.push(i);
  return starts;
}

function extract(line: string, k: Key, sep: string | undefined, blanks: boolean): string {
  const starts = fieldStarts(line, sep);
  if (k.startField > starts.length) return "";
  let fieldStart = starts[k.startField - 1];
  if (blanks || k.opts.includes("b")) while (fieldStart < line.length && /\s/.test(line[fieldStart]) && sep === undefined) fieldStart++;
  const begin = Math.min(line.length, fieldStart + k.startChar - 1);
  let end = line.length;
  if (k.endField !== Infinity && k.endField <= starts.length) {
    const endStart = starts[k.endField - 1];
    const next = k.endField < starts.length ? starts[k.endField] - (sep !== undefined ? 1 : 0) : line.length;
    end = k.endChar > 0 ? Math.min(next, endStart + k.endChar) : next;
  }
  return line.slice(begin, Math.max(begin, end));
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)/.exec(s);
  const v = m ? parseFloat(m[1]) : NaN;
  return Number.isNaN(v) ? 0 : v;
}

function human(s: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  const v = parseFloat(m[1]) || 0;
  return v * 1024 ** " KMGTPE".indexOf((m[2] || " ").toUpperCase());
}

function versionCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const c = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : bytes(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBy(opts: string, a: string, b: string): number {
  let x = a;
  let y = b;
  if (opts.includes("f")) {
    x = x.toUpperCase();
    y = y.toUpperCase();
  }
  if (opts.includes("n")) return Math.sign(numeric(x) - numeric(y));
  if (opts.includes("h")) return Math.sign(human(x) - human(y));
  if (opts.includes("V")) return versionCompare(x, y);
  if (opts.includes("g")) return Math.sign((parseFloat(x) || 0) - (parseFloat(y) || 0));
  return bytes(x, y);
}

function comparator(o: ParsedOpts, keys: Key[], sep: string | undefined): (a: string, b: string) => number {
  const global = ["n", "f", "h", "V", "g", "b"].filter((k) => o.has(k)).join("");
  const reverse = o.has("r");
  return (a, b) => {
    for (const k of keys) {
      const own = k.opts !== "";
      const c = compareBy(own ? k.opts : global, extract(a, k, sep, o.has("b")), extract(b, k, sep, o.has("b")));
      const rev = own ? k.opts.includes("r") : reverse;
      if (c !== 0) return rev ? -c : c;
    }
    if (keys.length === 0) {
      const c = compareBy(global, a, b);
      if (c !== 0) return reverse ? -c : c;
    }
    if (o.has("s") || o.has("u")) return 0;
    const c = bytes(a, b);
    return reverse ? -c : c;
  };
}

/** `sort [-n] [-r] [-u] [-f] [-h] [-V] [-b] [-s] [-t SEP] [-k POS1[,POS2]] [-o FILE] [file...]` in the C locale. */
export const sort: Program = async (ctx) => {
  const o = parseOpts("sort", ctx.argv.slice(1), {
    short: "nrufhVgbsct:k:o:",
    long: { "numeric-sort": "n", reverse: "r", unique: "u", "ignore-case": "f", "human-numeric-sort": "h", "version-sort": "V", "general-numeric-sort": "g", "ignore-leading-blanks": "b", stable: "s", check: "c", "field-separator:": "t:", "field-separator": "t:", "key:": "k:", key: "k:", "output:": "o:", output: "o:" },
  });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 2;
  }
  const sep = o.get("t");
  if (sep !== undefined && sep.length !== 1) {
    ctx.stderr(sep === "" ? "sort: empty tab\n" : `sort: multi-character tab '${sep}'\n`);
    return 2;
  }
  const keys: Key[] = [];
  for (const spec of o.all("k")) {
    const k = parseKey(spec);
    if (!k) {
      ctx.stderr(`sort: invalid number at field start: invalid count at start of '${spec}'\n`);
      return 2;
    }
    keys.push(k);
  }
  const input: string[] = [];
  for (const f of o.operands.length ? o.operands : ["-"]) {
    const r = readOperand(ctx, f);
    if ("error" in r) {
      ctx.stderr(r.error === "Is a directory" ? `sort: read failed: ${f}: Is a directory\n` : `sort: cannot read: ${f}: ${r.error}\n`);
      return 2;
    }
    input.push(...lines(r.text));
  }
  const cmp = comparator(o, keys, sep);
  if (o.has("c")) {
    for (let i = 1; i < input.length; i++) {
      if (cmp(input[i - 1], input[i]) > 0) {
        ctx.stderr(`sort: ${o.operands[0] ?? "-"}:${i + 1}: disorder: ${input[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  let sorted = input.map((l, i) => ({ l, i })).sort((a, b) => cmp(a.l, b.l) || a.i - b.i).map((x) => x.l);
  if (o.has("u")) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1], l) !== 0);
  const text = sorted.length ? sorted.join("\n") + "\n" : "";
  const out = o.get("o");
  if (out !== undefined) {
    const err = ctx.fs.writeFile(resolve(ctx, out), text);
    if (err) {
      ctx.stderr(`sort: open failed: ${out}: ${err.message}\n`);
      return 2;
    }
    return 0;
  }
  ctx.stdout(text);
  return 0;
};
