import type { Program } from "../program";
import { basename } from "../vfs-path";
import { parseOpts, tryHelp } from "./getopt";
import { resolve } from "./io-helpers";

/** `rm [-r] [-f] [-d] [-v] file...` with GNU's refusals for `/`, `.` and `..`. */
export const rm: Program = async (ctx) => {
  const o = parseOpts("rm", ctx.argv.slice(1), {
    short: "rRfidvI",
    long: { recursive: "r", force: "f", dir: "d", verbose: "v", interactive: "i", "no-preserve-root": "nopreserve", "preserve-root?": "preserve?" },
  });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const force = o.list.reduce((f, [k]) => (k === "f" ? true : k === "i" || k === "I" ? false : f), false);
  const recursive = o.has("r") || o.has("R");
  if (o.operands.length === 0) {
    if (force) return 0;
    ctx.stderr(`rm: missing operand\n${tryHelp("rm")}`);
    return 1;
  }
  let status = 0;
  for (const name of o.operands) {
    const path = resolve(ctx, name);
    if (basename(name) === "." || basename(name) === "..") {
      ctx.stderr(`rm: refusing to remove '.' or '..' directory: skipping '${name}'\n`);
      status = 1;
      continue;
    }
    if (path === "/" && recursive && !o.has("nopreserve")) {
      ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    const st = ctx.fs.stat(path);
    if (!st) {
      if (!force) {
        ctx.stderr(`rm: cannot remove '${name}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (st.type === "dir" && !recursive) {
      const children = ctx.fs.readdir(path);
      if (!o.has("d")) {
        ctx.stderr(`rm: cannot remove '${name}': Is a directory\n`);
        status = 1;
        continue;
      }
      if (Array.isArray(children) && children.length > 0) {
        ctx.stderr(`rm: cannot remove '${name}': Directory not empty\n`);
        status = 1;
        continue;
      }
    }
    const err = ctx.fs.remove(path, { recursive: true });
    if (err) {
      ctx.stderr(`rm: cannot remove '${name}': ${err.message}\n`);
      status = 1;
    } else if (o.has("v")) ctx.stdout(st.type === "dir" ? `removed directory '${name}'\n` : `removed '${name}'\n`);
  }
  return status;
};
