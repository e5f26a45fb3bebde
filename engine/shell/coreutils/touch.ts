import type { Program } from "../program";
import { parseOpts, tryHelp } from "./getopt";
import { resolve } from "./io-helpers";

/** `touch [-c] file...`: creates empty files or updates their time. */
export const touch: Program = async (ctx) => {
  const o = parseOpts("touch", ctx.argv.slice(1), { short: "acmd:t:r:h", long: { "no-create": "c", "date:": "d:", date: "d:", "reference:": "r:", reference: "r:" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  if (o.operands.length === 0) {
    ctx.stderr(`touch: missing file operand\n${tryHelp("touch")}`);
    return 1;
  }
  let status = 0;
  for (const name of o.operands) {
    const path = resolve(ctx, name);
    if (o.has("c") && !ctx.fs.stat(path)) continue;
    const err = ctx.fs.touch(path);
    if (err) {
      ctx.stderr(`touch: cannot touch '${name}': ${err.message}\n`);
      status = 1;
    }
  }
  return status;
};
