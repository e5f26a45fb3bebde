import type { Program } from "../program";
import { parseOpts, tryHelp } from "./getopt";
import { lines, readOperand } from "./io-helpers";

type Range = [number, number];

function parseList(spec: string, fields: boolean): Range[] | string {
  const out: Range[] = [];
  for (const part of spec.split(/[,\s]+/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "") || part === "") return `invalid field range`;
    const from = m[1] === "" ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === "" ? Infinity : Number(m[3])) : from;
    if (from === 0 || to === 0) return fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
    if (to < from) return "invalid decreasing range";
    out.push([from, to]);
  }
  return out;
}

function selected(ranges: Range[], n: number, complement: boolean): boolean {
  const hit = ranges.some(([a, b]) => n >= a && n <= b);
  return hit !== complement;
}

/** `cut -f LIST [-d DELIM] [-s]`, `cut -c LIST`, `cut -b LIST`, with --complement and --output-delimiter. */
export const cut: Program = async (ctx) => {
  const o = parseOpts("cut", ctx.argv.slice(1), {
    short: "b:c:d:f:sn",
    long: { "bytes:": "b:", bytes: "b:", "characters:": "c:", characters: "c:", "delimiter:": "d:", delimiter: "d:", "fields:": "f:", fields: "f:", "only-delimited": "s", complement: "complement", "output-delimiter:": "out:", "output-delimiter": "out:" },
  });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const modes = ["b", "c", "f"].filter((k) => o.has(k));
  if (modes.length === 0) {
    ctx.stderr(`cut: you must specify a list of bytes, characters, or fields\n${tryHelp("cut")}`);
    return 1;
  }
  if (modes.length > 1) {
    ctx.stderr(`cut: only one type of list may be specified\n${tryHelp("cut")}`);
    return 1;
  }
  const mode = modes[0];
  const ranges = parseList(o.get(mode) ?? "", mode === "f");
  if (typeof ranges === "string") {
    ctx.stderr(`cut: ${ranges}\n${tryHelp("cut")}`);
    return 1;
  }
  const delim = o.get("d") ?? "\t";
  if (o.has("d") && [...delim].length !== 1) {
    ctx.stderr(`cut: the delimiter must be a single character\n${tryHelp("cut")}`);
    return 1;
  }
  if (o.has("d") && mode !== "f") {
    ctx.stderr(`cut: an input delimiter may be specified only when operating on fields\n${tryHelp("cut")}`);
    return 1;
  }
  const complement = o.has("complement");
  const outDelim = o.get("out") ?? (mode === "f" ? delim : "");
  let status = 0;
  const out: string[] = [];
  for (const f of o.operands.length ? o.operands : ["-"]) {
    const r = readOperand(ctx, f);
    if ("error" in r) {
      ctx.stderr(`cut: ${f}: ${r.error}\n`);
      status = 1;
      continue;
    }
    for (const line of lines(r.text)) {
      if (mode === "f") {
        if (!line.includes(delim)) {
          if (!o.has("s")) out.push(line);
          continue;
        }
        out.push(line.split(delim).filter((_, i) => selected(ranges, i + 1, complement)).join(outDelim));
      } else {
        const chars = [...line];
        out.push(chars.filter((_, i) => selected(ranges, i + 1, complement)).join(outDelim));
      }
    }
  }
  if (out.length) ctx.stdout(out.join("\n") + "\n");
  return status;
};
