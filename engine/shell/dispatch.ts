import { BUILTINS } from "./builtins/registry";
import type { BuiltinContext } from "./builtins/builtin";
import { COREUTILS } from "./coreutils/registry";
import type { Ctx, Interp } from "./interpreter";
import type { Program, ProgramContext } from "./program";
import { basename } from "./vfs-path";

/** Where a command name leads, in bash's lookup order after aliases. */
export type CommandKind = { kind: "function" } | { kind: "builtin" } | { kind: "program"; program: Program } | { kind: "none" };

const BIN_DIRS = ["/usr/bin/", "/bin/", "/usr/local/bin/", "/usr/sbin/", "/sbin/"];

export function lookupCommand(sh: Interp, name: string): CommandKind {
  if (Object.prototype.hasOwnProperty.call(sh.st.functions, name)) return { kind: "function" };
  if (Object.prototype.hasOwnProperty.call(BUILTINS, name)) return { kind: "builtin" };
  const program = findProgram(sh, name);
  return program ? { kind: "program", program } : { kind: "none" };
}

export function findProgram(sh: Interp, name: string): Program | undefined {
  const own = (r: Readonly<Record<string, Program>>): Program | undefined => (Object.prototype.hasOwnProperty.call(r, name) ? r[name] : undefined);
  return own(sh.host.programs) ?? own(COREUTILS);
}

/** The path `which` and `type` print for a program. */
export function programPath(name: string): string {
  return `/usr/bin/${name}`;
}

/** Runs argv[0] as a function, builtin, program or script file; `env` holds `VAR=x` prefixes. */
export async function invoke(sh: Interp, argv: string[], ctx: Ctx, env: Record<string, string> = {}): Promise<number> {
  const name = argv[0];
  const found = lookupCommand(sh, name);
  if (found.kind === "function") return withTempVars(sh, env, () => callFunction(sh, name, argv.slice(1), ctx));
  if (found.kind === "builtin") return withTempVars(sh, env, () => BUILTINS[name](builtinContext(sh, argv, ctx, env)));
  if (found.kind === "program") return runProgram(sh, found.program, argv, ctx, env);
  if (name.includes("/")) return runPath(sh, argv, ctx, env);
  ctx.io.stderr.write(`${name}: command not found\n`);
  return 127;
}

/** `VAR=x cmd` for functions and builtins: the variable is set while cmd runs, then restored. */
async function withTempVars(sh: Interp, env: Record<string, string>, fn: () => Promise<number>): Promise<number> {
  const entries = Object.entries(env);
  if (entries.length === 0) return fn();
  const restore = entries.map(([k]) => [k, sh.getVar(k)] as const);
  for (const [k, v] of entries) sh.setVar(k, v);
  const status = await fn();
  for (const [k, v] of restore) {
    if (v === undefined) delete sh.st.vars[k];
    else sh.st.vars[k] = v;
  }
  return status;
}

async function callFunction(sh: Interp, name: string, args: string[], ctx: Ctx): Promise<number> {
  const text = sh.st.functions[name];
  const def = sh.parseCached(text).commands[0]?.command;
  if (def?.type !== "Function") return 1;
  const body = def.body;
  return sh.withFrame("function", args, () =>
    body.type === "CompoundList" ? sh.execStatements(body.commands, { ...ctx, src: text }) : sh.execCommand(body, { ...ctx, src: text }),
  );
}

export function programContext(sh: Interp, argv: string[], ctx: Ctx, env: Record<string, string>): ProgramContext {
  let stdin: string | undefined;
  return {
    argv,
    env: sh.environment(env),
    cwd: sh.cwd(),
    host: sh.st.host,
    fs: sh.fs(),
    get stdin() {
      stdin ??= ctx.io.stdin.readAll();
      return stdin;
    },
    stdout: (s) => ctx.io.stdout.write(s),
    stderr: (s) => ctx.io.stderr.write(s),
    sleep: (ms) => sh.host.sleep(ms),
    signal: sh.limits.signal,
    now: () => sh.host.now(),
    tty: ctx.io.tty,
    ...(ctx.io.stdin.terminal ? { terminal: ctx.io.stdin.terminal } : {}),
    ...(sh.editor ? { editor: sh.editor } : {}),
  };
}

export function builtinContext(sh: Interp, argv: string[], ctx: Ctx, env: Record<string, string>): BuiltinContext {
  const base = programContext(sh, argv, ctx, env);
  return Object.defineProperties(base, {
    sh: { value: sh, enumerable: true },
    ctx: { value: ctx, enumerable: true },
  }) as BuiltinContext;
}

async function runProgram(sh: Interp, program: Program, argv: string[], ctx: Ctx, env: Record<string, string>): Promise<number> {
  const pctx = programContext(sh, argv, ctx, env);
  let status: number;
  try {
    status = await program(pctx);
  } catch (e) {
    ctx.io.stderr.write(`${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    status = 1;
  }
  if (sh.userSignal?.aborted) {
    sh.flow = { kind: "abort" };
    return 130;
  }
  if (sh.limits.tripped) sh.flow = { kind: "abort" };
  return status;
}

/** `./script.sh`, `/usr/bin/ls`: a file on the host, or a known program by its usual path. */
async function runPath(sh: Interp, argv: string[], ctx: Ctx, env: Record<string, string>): Promise<number> {
  const name = argv[0];
  const fs = sh.fs();
  const path = fs.resolve(sh.cwd(), name, sh.home());
  const st = fs.stat(path);
  if (!st) {
    const bin = BIN_DIRS.some((d) => path === d + basename(path)) ? basename(path) : undefined;
    const program = bin ? findProgram(sh, bin) : undefined;
    if (program) return runProgram(sh, program, [bin ?? name, ...argv.slice(1)], ctx, env);
    ctx.io.stderr.write(`bash: ${name}: No such file or directory\n`);
    return 127;
  }
  if (st.type === "dir") {
    ctx.io.stderr.write(`bash: ${name}: Is a directory\n`);
    return 126;
  }
  if ((st.mode & 0o111) === 0) {
    ctx.io.stderr.write(`bash: ${name}: Permission denied\n`);
    return 126;
  }
  return runScript(sh, fs.readFile(path) ?? "", argv, ctx);
}

/** Runs a script's text in a child shell: its own variables, positional parameters from argv. */
export async function runScript(sh: Interp, text: string, argv: string[], ctx: Ctx): Promise<number> {
  return sh.subshell(() => sh.withFrame("function", argv.slice(1), () => sh.runText(text, ctx.io, argv[0]), argv[0]));
}
