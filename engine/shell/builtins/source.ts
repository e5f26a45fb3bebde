import { invoke, runScript } from "../dispatch";
import type { Builtin } from "./builtin";

/** `source file [args]` / `. file`: runs the file in this shell, so aliases and variables stay. */
export const source: Builtin = async (b) => {
  const [cmd, file, ...args] = b.argv;
  if (file === undefined) {
    b.stderr(`bash: ${cmd}: filename argument required\n${cmd}: usage: ${cmd} filename [arguments]\n`);
    return 2;
  }
  const text = b.fs.read(b.fs.resolve(b.sh.cwd(), file, b.sh.home()));
  if (typeof text !== "string") {
    b.stderr(`bash: ${file}: ${text.message}\n`);
    return 1;
  }
  const sh = b.sh;
  return sh.withFrame("source", args.length ? args : undefined, () => sh.runText(text, b.ctx.io));
};

export const evalBuiltin: Builtin = async (b) => {
  const text = b.argv.slice(1).join(" ");
  if (!b.sh.enter()) return 1;
  const status = await b.sh.runText(text, b.ctx.io);
  b.sh.leave();
  return status;
};

/** `bash -c 'cmd' [name args]`, `bash script [args]`, or a script on stdin: a child shell. */
export const bash: Builtin = async (b) => {
  const args = b.argv.slice(1);
  let i = 0;
  let command: string | undefined;
  for (; i < args.length && args[i].startsWith("-") && args[i] !== "-" && args[i] !== "--"; i++) {
    if (args[i].includes("c")) command = args[++i] ?? "";
  }
  if (args[i] === "--") i++;
  const rest = args.slice(i);
  if (command !== undefined) return runScript(b.sh, command, rest.length ? rest : [b.argv[0]], b.ctx);
  if (rest.length === 0) return runScript(b.sh, b.ctx.io.stdin.readAll(), [b.argv[0]], b.ctx);
  const text = b.fs.read(b.fs.resolve(b.sh.cwd(), rest[0], b.sh.home()));
  if (typeof text !== "string") {
    b.stderr(`${b.argv[0]}: ${rest[0]}: ${text.message}\n`);
    return 127;
  }
  return runScript(b.sh, text, rest, b.ctx);
};

/** `exec bash` reloads ~/.bashrc (how learners apply an edited alias); `exec cmd` runs cmd. */
export const exec: Builtin = async (b) => {
  const args = b.argv.slice(1);
  if (args.length === 0) return 0;
  if (args[0] === "bash" || args[0] === "/bin/bash") {
    const sh = b.sh;
    const rc = b.fs.readFile(`${sh.home()}/.bashrc`);
    return rc === undefined ? 0 : sh.withFrame("source", undefined, () => sh.runText(rc, b.ctx.io));
  }
  return invoke(b.sh, args, b.ctx);
};
