import type { Program } from "../program";

/** Moves the cursor home and erases the screen. */
export const clear: Program = async (ctx) => {
  ctx.stdout("\x1b[H\x1b[2J");
  return 0;
};
