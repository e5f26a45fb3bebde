import { invoke, lookupCommand, programPath } from "../dispatch";
import { singleQuote, withArgv, type Builtin, type BuiltinContext } from "./builtin";

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc"]);

/** Builtins here that are programs on a real host, so `type`/`which` show a path for them. */
export const PROGRAM_BUILTINS = new Set(["env", "xargs", "which", "ssh", "bash", "sh", "sudo"]);

type Kind = "alias" | "keyword" | "function" | "builtin" | "file";

function classify(b: BuiltinContext, name: string, aliases: boolean): Kind | undefined {
  if (aliases && Object.prototype.hasOwnProperty.call(b.sh.st.aliases, name)) return "alias";
  if (KEYWORDS.has(name)) return "keyword";
  const found = lookupCommand(b.sh, name);
  if (found.kind === "builtin") return PROGRAM_BUILTINS.has(name) ? "file" : "builtin";
  if (found.kind === "none") return undefined;
  return found.kind === "function" ? "function" : "file";
}

/** `type [-t] name...` with bash's sentences. */
export const type: Builtin = async (b) => {
  const args = b.argv.slice(1);
  const terse = args.includes("-t");
  const pathOnly = args.includes("-p") || args.includes("-P");
  let status = 0;
  for (const name of args.filter((a) => !a.startsWith("-"))) {
    const kind = classify(b, name, true);
    if (!kind) {
      if (!terse && !pathOnly) b.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    if (terse) b.stdout(kind + "\n");
    else if (pathOnly) {
      if (kind === "file") b.stdout(programPath(name) + "\n");
    } else if (kind === "alias") b.stdout(`${name} is aliased to \`${b.sh.st.aliases[name]}'\n`);
    else if (kind === "keyword") b.stdout(`${name} is a shell keyword\n`);
    else if (kind === "function") b.stdout(`${name} is a function\n${b.sh.st.functions[name]}\n`);
    else if (kind === "builtin") b.stdout(`${name} is a shell builtin\n`);
    else b.stdout(`${name} is ${programPath(name)}\n`);
  }
  return status;
};

/** `which name...`: the path of each program; nothing and status 1 for the rest. */
export const which: Builtin = async (b) => {
  const names = b.argv.slice(1).filter((a) => !a.startsWith("-"));
  let status = names.length === 0 ? 1 : 0;
  for (const name of names) {
    if (classify(b, name, false) === "file" && lookupCommand(b.sh, name).kind !== "function") b.stdout(programPath(name) + "\n");
    else status = 1;
  }
  return status;
};

/** `command -v name` (how scripts test for a tool), or `command name args` skipping functions. */
export const command: Builtin = async (b) => {
  const args = b.argv.slice(1);
  if (args[0] === "-v" || args[0] === "-V") {
    let status = 0;
    for (const name of args.slice(1)) {
      const kind = classify(b, name, true);
      if (!kind) {
        status = 1;
        if (args[0] === "-V") b.stderr(`bash: command: ${name}: not found\n`);
        continue;
      }
      if (args[0] === "-V") {
        status = Math.max(status, await type(withArgv(b, ["type", name])));
        continue;
      }
      if (kind === "alias") b.stdout(`alias ${name}=${singleQuote(b.sh.st.aliases[name])}\n`);
      else b.stdout((kind === "file" ? programPath(name) : name) + "\n");
    }
    return status;
  }
  if (args.length === 0) return 0;
  if (lookupCommand(b.sh, args[0]).kind === "function") {
    const saved = b.sh.st.functions[args[0]];
    delete b.sh.st.functions[args[0]];
    const status = await invoke(b.sh, args, b.ctx);
    b.sh.st.functions[args[0]] = saved;
    return status;
  }
  return invoke(b.sh, args, b.ctx);
};
