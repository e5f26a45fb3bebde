import type { Program } from "../program";
import { resolve } from "./io-helpers";

/**
 * `vi`, `vim`, `nano FILE...`: the terminal's editor on files of this host, one after the
 * other; what is saved is written back, what is quit unsaved stays as it was. Options such
 * as `+12` or `-R` are accepted and not acted on. In a script there is no editor to open.
 */
export const vi: Program = async (ctx) => {
  const name = ctx.argv[0];
  if (!ctx.editor) {
    ctx.stderr(`${name}: no terminal to edit in (a script cannot open an editor; use sed, cat <<EOF or kubectl patch)\n`);
    return 1;
  }
  const files = ctx.argv.slice(1).filter((a) => !/^[-+]/.test(a));
  if (files.length === 0) {
    await ctx.editor({ path: "", content: "" });
    return 0;
  }
  let status = 0;
  for (const file of files) {
    const path = resolve(ctx, file);
    const st = ctx.fs.stat(path);
    if (st?.type === "dir") {
      ctx.stderr(`${name}: ${file}: is a directory\n`);
      status = 1;
      continue;
    }
    const saved = await ctx.editor({ path, content: ctx.fs.readFile(path) ?? "" });
    if (saved === undefined) continue;
    const err = ctx.fs.writeFile(path, saved);
    if (err) {
      ctx.stderr(`${name}: "${file}" E212: Can't open file for writing: ${err.message}\n`);
      status = 1;
    }
  }
  return status;
};
