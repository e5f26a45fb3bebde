import type { Program } from "../program";
import { parseOpts, tryHelp } from "./getopt";
import { resolve } from "./io-helpers";

/** `mkdir [-p] [-v] [-m MODE] dir...` */
export const mkdir: Program = async (ctx) => {
  const o = parseOpts("mkdir", ctx.argv.slice(1), { short: "pvm:", long: { parents: "p", verbose: "v", "mode:": "m:", mode: "m:" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  if (o.operands.length === 0) {
    ctx.stderr(`mkdir: missing operand\n${tryHelp("mkdir")}`);
    return 1;
  }
  const mode = o.get("m");
  if (mode !== undefined && !/^[0-7]{1,4}$/.test(mode)) {
    ctx.stderr(`mkdir: invalid mode '${mode}'\n`);
    return 1;
  }
  let status = 0;
  for (const name of o.operands) {
    const path = resolve(ctx, name);
    const existed = ctx.fs.stat(path) !== undefined;
    const err = ctx.fs.mkdir(path, { parents: o.has("p"), mode: mode === undefined ? undefined : parseInt(mode, 8) });
    if (err) {
      ctx.stderr(`mkdir: cannot create directory '${name}': ${err.message}\n`);
      status = 1;
    } else if (o.has("v") && !existed) ctx.stdout(`mkdir: created directory '${name}'\n`);
  }
  return status;
};

/** `rmdir dir...`: removes empty directories only. */
export const rmdir: Program = async (ctx) => {
  const o = parseOpts("rmdir", ctx.argv.slice(1), { short: "pv", long: { parents: "p", verbose: "v", "ignore-fail-on-non-empty": "ignore" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  if (o.operands.length === 0) {
    ctx.stderr(`rmdir: missing operand\n${tryHelp("rmdir")}`);
    return 1;
  }
  let status = 0;
  for (const name of o.operands) {
    const path = resolve(ctx, name);
    const st = ctx.fs.stat(path);
    const children = ctx.fs.readdir(path);
    let why: string | undefined;
    if (!st) why = "No such file or directory";
    else if (st.type !== "dir") why = "Not a directory";
    else if (Array.isArray(children) && children.length > 0) why = "Directory not empty";
    if (why) {
      if (!(why === "Directory not empty" && o.has("ignore"))) {
        ctx.stderr(`rmdir: failed to remove '${name}': ${why}\n`);
        status = 1;
      }
      continue;
    }
    ctx.fs.remove(path, { recursive: true });
  }
  return status;
};
