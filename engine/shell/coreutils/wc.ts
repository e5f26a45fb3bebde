import type { Program } from "../program";
import { utf8Length } from "../vfs-path";
import { parseOpts } from "./getopt";
import { readOperand } from "./io-helpers";

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(text: string): Counts {
  const words = text.match(/[^\s]+/g)?.length ?? 0;
  const lines = text.split("\n");
  return {
    lines: lines.length - 1,
    words,
    chars: utf8Length(text),
    bytes: utf8Length(text),
    maxLine: Math.max(0, ...lines.map((l) => [...l].length)),
  };
}

/** `wc [-l] [-w] [-c] [-m] [-L] [file...]` with GNU's column widths; in the C locale -m counts bytes. */
export const wc: Program = async (ctx) => {
  const o = parseOpts("wc", ctx.argv.slice(1), { short: "lwcmL", long: { lines: "l", words: "w", bytes: "c", chars: "m", "max-line-length": "L" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const picked = (["l", "w", "m", "c", "L"] as const).filter((k) => o.has(k));
  const keys = picked.length ? picked : (["l", "w", "c"] as const);
  const field: Record<string, keyof Counts> = { l: "lines", w: "words", m: "chars", c: "bytes", L: "maxLine" };
  const files = o.operands.length ? o.operands : [undefined];
  const results: { name?: string; c?: Counts; error?: string; regular: boolean }[] = files.map((f) => {
    const r = readOperand(ctx, f ?? "-");
    if ("error" in r) return { name: f, error: r.error, regular: false };
    return { name: f, c: count(r.text), regular: f !== undefined && f !== "-" };
  });
  let width = 1;
  if (!(files.length === 1 && keys.length === 1)) {
    const ok = results.filter((r) => r.c);
    const total = ok.filter((r) => r.regular).reduce((n, r) => n + (r.c?.bytes ?? 0), 0);
    width = Math.max(String(total).length, ok.some((r) => !r.regular) ? 7 : 1);
  }
  const line = (c: Counts, name?: string) => keys.map((k) => String(c[field[k]]).padStart(width)).join(" ") + (name !== undefined ? ` ${name}` : "");
  let status = 0;
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  for (const r of results) {
    if (!r.c) {
      ctx.stderr(`wc: ${r.name}: ${r.error}\n`);
      status = 1;
      continue;
    }
    ctx.stdout(line(r.c, r.name) + "\n");
    total.lines += r.c.lines;
    total.words += r.c.words;
    total.chars += r.c.chars;
    total.bytes += r.c.bytes;
    total.maxLine = Math.max(total.maxLine, r.c.maxLine);
  }
  if (files.length > 1) ctx.stdout(line(total, "total") + "\n");
  return status;
};
