import { invoke, lookupCommand } from "../dispatch";
import type { Builtin } from "./builtin";

/** `env` lists the environment; `env [-u NAME] [NAME=value]... cmd args` runs cmd with it changed. */
export const env: Builtin = async (b) => {
  const args = b.argv.slice(1);
  const extra: Record<string, string> = {};
  const removed = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "-u" || a === "--unset") removed.add(args[++i] ?? "");
    else if (a === "-i" || a === "-" || a === "--ignore-environment") for (const k of Object.keys(b.env)) removed.add(k);
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) extra[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
    else if (a.startsWith("-") && a !== "--") {
      b.stderr(`env: invalid option -- '${a.slice(1, 2)}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else break;
  }
  if (args[i] === "--") i++;
  const cmd = args.slice(i);
  if (cmd.length === 0) {
    const all = { ...b.env, ...extra };
    for (const k of Object.keys(all)) if (!removed.has(k) || k in extra) b.stdout(`${k}=${all[k]}\n`);
    return 0;
  }
  const sh = b.sh;
  if (lookupCommand(sh, cmd[0]).kind === "none" && !cmd[0].includes("/")) {
    b.stderr(`env: '${cmd[0]}': No such file or directory\n`);
    return 127;
  }
  const saved = new Map([...removed].map((k) => [k, sh.getVar(k)] as const));
  for (const k of removed) sh.unexportVar(k);
  const status = await invoke(sh, cmd, b.ctx, extra);
  for (const [k, v] of saved) if (v !== undefined) sh.exportVar(k);
  return status;
};
