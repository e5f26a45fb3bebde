import type { Program } from "../program";
import { formatPrintf } from "./format";

/** bash's builtin printf; an invalid number prints `bash: printf: x: invalid number` and status 1. */
export const printf: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    ctx.stderr("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const r = formatPrintf(args[0], args.slice(1));
  ctx.stdout(r.text);
  for (const e of r.errors) ctx.stderr(`bash: printf: ${e}\n`);
  return r.errors.length ? 1 : 0;
};
