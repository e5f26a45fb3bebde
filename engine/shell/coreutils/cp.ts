import type { Program } from "../program";
import { transferProblem, transfers } from "./copy-target";
import { parseOpts } from "./getopt";

/** `cp [-r] [-f] [-v] SOURCE... DEST` */
export const cp: Program = async (ctx) => {
  const o = parseOpts("cp", ctx.argv.slice(1), { short: "rRafvpinuT", long: { recursive: "r", archive: "a", force: "f", verbose: "v", preserve: "p", "no-clobber": "n" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const list = transfers(ctx, "cp", o.operands);
  if ("error" in list) {
    ctx.stderr(list.error);
    return 1;
  }
  const recursive = o.has("r") || o.has("R") || o.has("a");
  let status = 0;
  for (const t of list) {
    const problem = transferProblem(ctx, "cp", t, recursive);
    if (problem) {
      ctx.stderr(problem + "\n");
      status = 1;
      continue;
    }
    if (o.has("n") && ctx.fs.stat(t.dstPath)) continue;
    const isDir = ctx.fs.stat(t.srcPath)?.type === "dir";
    const err = ctx.fs.copy(t.srcPath, t.dstPath, { recursive });
    if (err) {
      const what = err.code === "ENOSPC" ? `error writing '${t.dst}'` : `cannot create ${isDir ? "directory" : "regular file"} '${t.dst}'`;
      ctx.stderr(`cp: ${what}: ${err.message}\n`);
      status = 1;
    } else if (o.has("v")) ctx.stdout(`'${t.src}' -> '${t.dst}'\n`);
  }
  return status;
};
