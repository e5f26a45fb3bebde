import type { Program } from "../program";
import { transferProblem, transfers } from "./copy-target";
import { parseOpts } from "./getopt";

/** `mv [-f] [-v] SOURCE... DEST` */
export const mv: Program = async (ctx) => {
  const o = parseOpts("mv", ctx.argv.slice(1), { short: "fivnuT", long: { force: "f", verbose: "v", "no-clobber": "n", interactive: "i" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const list = transfers(ctx, "mv", o.operands);
  if ("error" in list) {
    ctx.stderr(list.error);
    return 1;
  }
  let status = 0;
  for (const t of list) {
    const problem = transferProblem(ctx, "mv", t, true);
    if (problem) {
      ctx.stderr(problem + "\n");
      status = 1;
      continue;
    }
    if (o.has("n") && ctx.fs.stat(t.dstPath)) continue;
    const err = ctx.fs.move(t.srcPath, t.dstPath);
    if (err) {
      ctx.stderr(`mv: cannot move '${t.src}' to '${t.dst}': ${err.message}\n`);
      status = 1;
    } else if (o.has("v")) ctx.stdout(`renamed '${t.src}' -> '${t.dst}'\n`);
  }
  return status;
};
