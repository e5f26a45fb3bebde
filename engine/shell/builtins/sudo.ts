import { invoke } from "../dispatch";
import type { Builtin } from "./builtin";

/** The learner is root already: `sudo -i` / `sudo su` change nothing, `sudo cmd` runs cmd. */
export const sudo: Builtin = async (b) => {
  const args = b.argv.slice(1);
  let i = 0;
  while (i < args.length && args[i].startsWith("-")) i += args[i] === "-u" ? 2 : 1;
  const cmd = args.slice(i);
  if (cmd.length === 0 || ((cmd[0] === "su" || cmd[0] === "bash" || cmd[0] === "-s") && cmd.length <= 2)) return 0;
  return invoke(b.sh, cmd, b.ctx);
};
