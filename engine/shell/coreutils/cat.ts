import type { Program } from "../program";
import { parseOpts } from "./getopt";
import { readOperand } from "./io-helpers";

/** `cat [-n] [-b] [-E] [file...]`; line numbers continue across files as in GNU cat. */
export const cat: Program = async (ctx) => {
  const o = parseOpts("cat", ctx.argv.slice(1), { short: "nbEAsuv", long: { number: "n", "number-nonblank": "b", "show-ends": "E", "show-all": "A", "squeeze-blank": "s" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const files = o.operands.length ? o.operands : ["-"];
  const numberAll = o.has("n");
  const numberNonBlank = o.has("b");
  const ends = o.has("E") || o.has("A");
  let n = 0;
  let status = 0;
  for (const f of files) {
    const r = readOperand(ctx, f);
    if ("error" in r) {
      ctx.stderr(`cat: ${f}: ${r.error}\n`);
      status = 1;
      continue;
    }
    if (!numberAll && !numberNonBlank && !ends) {
      ctx.stdout(r.text);
      continue;
    }
    const parts = r.text.split("\n");
    const out = parts.map((line, i) => {
      const last = i === parts.length - 1;
      if (last && line === "") return "";
      const numbered = numberNonBlank ? line !== "" : numberAll;
      const prefix = numbered ? `${String(++n).padStart(6)}\t` : "";
      return prefix + line + (ends && !last ? "$" : "");
    });
    ctx.stdout(out.join("\n"));
  }
  return status;
};
