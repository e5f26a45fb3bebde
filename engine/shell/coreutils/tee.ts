import type { Program } from "../program";
import { parseOpts } from "./getopt";
import { resolve } from "./io-helpers";

/** `tee [-a] [file...]`: copies stdin to stdout and to each file. */
export const tee: Program = async (ctx) => {
  const o = parseOpts("tee", ctx.argv.slice(1), { short: "ai", long: { append: "a", "ignore-interrupts": "i" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const text = ctx.stdin;
  let status = 0;
  for (const f of o.operands) {
    const path = resolve(ctx, f);
    const err = o.has("a") ? ctx.fs.appendFile(path, text) : ctx.fs.writeFile(path, text);
    if (err) {
      ctx.stderr(`tee: ${f}: ${err.message}\n`);
      status = 1;
    }
  }
  ctx.stdout(text);
  return status;
};
