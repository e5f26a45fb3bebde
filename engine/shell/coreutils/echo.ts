import type { Program } from "../program";
import { unescape } from "./format";

/** bash's builtin echo: -n, -e, -E (combined as -ne), any other argument printed as is. */
export const echo: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === "n") newline = false;
      else escapes = f === "e";
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const u = unescape(text, { octalNeedsZero: true });
    text = u.text;
    if (u.stop) {
      ctx.stdout(text);
      return 0;
    }
  }
  ctx.stdout(newline ? text + "\n" : text);
  return 0;
};
