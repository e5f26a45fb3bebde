import type { Program, ProgramContext } from "../program";
import { parseOpts } from "./getopt";
import { readOperand } from "./io-helpers";

/** `-5` and `+5` are old spellings of `-n 5` and `-n +5`. */
function normalize(args: string[], tail: boolean): string[] {
  return args.flatMap((a, i) => {
    if (/^-[0-9]+$/.test(a) && (i === 0 || !/^-[nc]$/.test(args[i - 1]))) return ["-n", a.slice(1)];
    if (tail && /^\+[0-9]+$/.test(a) && i === 0) return ["-n", a];
    return [a];
  });
}

/** Splits text into lines that keep their newline, so the last line may lack one. */
function rawLines(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g);
  return out ?? [];
}

function run(cmd: "head" | "tail"): Program {
  return async (ctx: ProgramContext) => {
    const o = parseOpts(cmd, normalize(ctx.argv.slice(1), cmd === "tail"), {
      short: "n:c:qvfF",
      long: { "lines:": "n:", lines: "n:", "bytes:": "c:", bytes: "c:", quiet: "q", silent: "q", verbose: "v", follow: "f" },
    });
    if ("error" in o) {
      ctx.stderr(o.error);
      return 1;
    }
    const byBytes = o.has("c") && o.list.filter(([k]) => k === "c" || k === "n").pop()?.[0] === "c";
    const spec = (byBytes ? o.get("c") : o.get("n")) ?? "10";
    const m = /^([-+]?)([0-9]+)$/.exec(spec);
    if (!m) {
      ctx.stderr(`${cmd}: invalid number of ${byBytes ? "bytes" : "lines"}: '${spec}'\n`);
      return 1;
    }
    const n = Number(m[2]);
    const files = o.operands.length ? o.operands : ["-"];
    const headers = o.has("v") || (files.length > 1 && !o.has("q"));
    let status = 0;
    let first = true;
    for (const f of files) {
      const r = readOperand(ctx, f);
      if ("error" in r) {
        ctx.stderr(r.error === "Is a directory" ? `${cmd}: error reading '${f}': Is a directory\n` : `${cmd}: cannot open '${f}' for reading: ${r.error}\n`);
        status = 1;
        continue;
      }
      if (headers) ctx.stdout(`${first ? "" : "\n"}==> ${f === "-" ? "standard input" : f} <==\n`);
      first = false;
      const units = byBytes ? [...r.text] : rawLines(r.text);
      let picked: string[];
      if (cmd === "head") picked = m[1] === "-" ? units.slice(0, Math.max(0, units.length - n)) : units.slice(0, n);
      else picked = m[1] === "+" ? units.slice(Math.max(0, n - 1)) : n === 0 ? [] : units.slice(-n);
      ctx.stdout(picked.join(""));
    }
    return status;
  };
}

/** `head [-n N|-N|-n -N] [-c N] [file...]` */
export const head = run("head");
/** `tail [-n N|-N|-n +N] [-c N] [file...]`; -f prints what is there and returns. */
export const tail = run("tail");
