/**
 * Running one command: expand its words, open its redirections, then find what it names
 * (builtin → function → executable on PATH) and run it. Waits and daemons become frames;
 * an entrypoint's `exec "$@"` replaces the program in place, keeping its pid.
 */
import type { Command as CommandNode, Word } from "unbash";
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import { TOOLS } from "../programs/registry";
import { BUILTINS } from "./builtins";
import type { CommandContext, CommandResult } from "./command";
import { findExecutable, type Executable } from "./executables";
import { expandString, expandWords } from "./expand";
import { ExpansionFailed, type Machine } from "./machine";
import { nextPoll } from "./commands/tail-follow";
import type { Fds, Frame, NodeRef, ShellFlavour, TailFollow } from "./process-state";
import { applyRedirects } from "./redirects";
import { execsInPlace } from "./signals";
import { runPiped, waitForEof } from "./stage-io";
import { notFound, shellError, testError } from "./shell-messages";
import { runTest } from "./test-command";

export interface Io {
  readonly fds: Fds;
  /** what stdin holds (nothing when it is a pipe) */
  readonly stdin: string;
  /** stdin is this pipeline pipe, read as it fills (see stage-io.ts) */
  readonly stdinPipe?: number;
  /** stdin was opened for this command alone (`read x < file`): reading it leaves the shell's stdin as it was */
  readonly ownStdin?: boolean;
  readonly ref?: NodeRef;
  readonly env?: Readonly<Record<string, string>>;
  readonly background?: boolean;
  /** runs as the process itself (exec), not as a child with a new pid */
  readonly inPlace?: boolean;
}

const MAX_EXEC_CHAIN = 8;

export function execSimple(m: Machine, ref: NodeRef, background = false): void {
  const node = m.nodeAt(ref) as CommandNode;
  try {
    const env = m.expandEnv();
    const words: string[] = [];
    const raw: Word[] = node.name ? [node.name] : [];
    for (const a of node.suffix) {
      if (a.type === "Word") raw.push(a);
      else if (a.type === "Assignment") {
        words.push(...expandWords(raw.splice(0), env));
        words.push(`${a.name}=${a.value.type === "Word" ? expandString(a.value, env) : ""}`);
      }
    }
    words.push(...expandWords(raw, env));
    const assigns = node.prefix.filter((p) => p.type === "Assignment").map((a) => [a.name, a.value.type === "Word" ? expandString(a.value, env) : ""] as const);
    const redirected = applyRedirects(m, ref, node.redirects);
    if (!redirected) {
      m.st.status = 1;
      return;
    }
    if (words.length === 0) {
      for (const [k, v] of assigns) m.setVar(k, v);
      if (!node.prefix.some((p) => p.type === "Assignment" && p.value.type === "Word" && p.value.parts?.some((x) => x.type === "CommandExpansion"))) m.st.status = 0;
      return;
    }
    const stdin = redirected.stdin !== undefined ? { stdin: redirected.stdin, ownStdin: true } : stdinOf(m);
    run(m, words, { fds: redirected.fds, ...stdin, ref, env: Object.fromEntries(assigns), background });
  } catch (e) {
    if (!(e instanceof ExpansionFailed)) throw e;
  }
}

/** The process's own program (its command line, `exec`): no shell expansion, same pid. */
export function runArgv(m: Machine, argv: readonly string[]): void {
  run(m, argv, { fds: m.fds(), ...stdinOf(m), inPlace: true });
}

/** The shell's stdin as a command's: the text left to read, or the pipe. */
function stdinOf(m: Machine): { stdin: string; stdinPipe?: number } {
  const s = m.stdinSource();
  return "pipe" in s ? { stdin: "", stdinPipe: s.pipe } : { stdin: s.text };
}

export function run(m: Machine, argv: readonly string[], io: Io, depth = 0): void {
  const name = argv[0];
  const builtin = io.inPlace ? undefined : BUILTINS[name];
  if (builtin) {
    m.st.status = builtin(m, argv, io);
    return;
  }
  const fn = io.inPlace ? undefined : m.st.functions[name];
  if (fn) {
    m.push({ k: "scope", kind: "call", positional: [...m.st.positional], fds: io.fds, stdin: io.stdinPipe === undefined ? io.stdin : undefined });
    m.st.positional = argv.slice(1);
    m.pushNode(fn);
    return;
  }
  const exe = findExecutable(name, m.host.image, m.host.fs, m.param("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", m.st.cwd);
  executeFound(m, exe, argv, io, depth);
}

function executeFound(m: Machine, exe: Executable, argv: readonly string[], io: Io, depth: number): void {
  const where = m.where(io.ref);
  switch (exe.kind) {
    case "missing":
      if (exe.reason === "permission-denied") {
        m.write(io.fds.err, shellError(where, `${argv[0]}: Permission denied`));
        m.st.status = 126;
      } else {
        m.write(io.fds.err, exe.reason === "no-such-file" && where.flavour === "bash" ? shellError(where, `${argv[0]}: No such file or directory`) : notFound(where, argv[0]));
        m.st.status = 127;
      }
      return;
    case "shell":
      startShell(m, exe.flavour, argv, io);
      return;
    case "applet":
      // the image links it, the simulator lacks it: what BusyBox says of an applet not compiled in
      m.write(io.fds.err, `${exe.name}: applet not found\n`);
      m.st.status = 127;
      return;
    case "script": {
      const text = m.host.fs.read(exe.path);
      const body = isFsError(text) ? "" : text;
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
      const interp = shebang ? (shebang[1].endsWith("/env") ? (shebang[2] ?? "sh") : shebang[1]) : "/bin/sh";
      const flavour: ShellFlavour = interp.endsWith("bash") ? "bash" : m.host.image.variant.alpine || m.host.image.spec.toolbox === "busybox" ? "ash" : "dash";
      startShell(m, flavour, [interp, exe.path, ...argv.slice(1)], io);
      return;
    }
    case "tool":
    case "program": {
      const pid = io.inPlace ? m.st.pid : io.background ? m.host.sys.nextPid() : childPid(m);
      if (exe.kind === "tool" && io.stdinPipe !== undefined) {
        runPiped(m, exe.name, argv, { ...io, stdinPipe: io.stdinPipe }, pid, (r) => settle(m, r, io, pid, depth));
        return;
      }
      const ctx = commandContext(m, argv, io, pid);
      const result: CommandResult = exe.kind === "tool" ? runTool(m, exe.name, ctx, io) : (m.host.program(exe.id)?.run(ctx) ?? 127);
      settle(m, result, io, pid, depth);
      return;
    }
  }
}

/** A child of the shell: pid 1 itself when it is the last thing the shell does (sh -c execs it). */
function childPid(m: Machine): number {
  return execsInPlace(m) ? m.st.pid : m.host.sys.nextPid();
}

export function runTool(m: Machine, name: string, ctx: CommandContext, io: Io): CommandResult {
  if (name === "[" || name === "test") {
    const r = runTest(ctx.argv.slice(1), name === "[", m.host.fs, m.st.cwd);
    if (r.status === 2) m.write(io.fds.err, testError(m.where(io.ref), name, r.error));
    return r.status;
  }
  return TOOLS[name]?.(ctx) ?? 127;
}

/** What a tool or program is handed to run as `pid`. */
export function commandContext(m: Machine, argv: readonly string[], io: Io, pid: number): CommandContext {
  return {
    argv,
    stdin: io.stdin,
    out: (t) => m.write(io.fds.out, t),
    err: (t) => m.write(io.fds.err, t),
    env: { ...m.env(), ...io.env },
    cwd: m.st.cwd,
    now: m.st.clock,
    fs: m.host.fs,
    sys: m.host.sys,
    pid,
    tty: m.st.tty === true && io.fds.out.kind === "capture" && io.fds.out.stream === "stdout",
  };
}

export function settle(m: Machine, result: CommandResult, io: Io, pid: number, depth: number): void {
  if (typeof result === "number") {
    m.st.status = result;
    return;
  }
  if ("exec" in result) {
    if (depth >= MAX_EXEC_CHAIN || result.exec.length === 0) {
      m.st.status = 0;
      return;
    }
    run(m, result.exec, { ...io, inPlace: true, env: { ...io.env, ...result.env } }, depth + 1);
    return;
  }
  if ("daemon" in result && result.detached) {
    // it forked and its parent exited: a process of its own that outlives an exec session
    const daemon = { ...result.daemon, pid: m.host.sys.nextPid() };
    const proc = m.childState(daemon.pid, io.fds, [{ k: "block", until: null, code: 0, daemon: daemon.pid }]);
    proc.daemons.push(daemon);
    m.host.spawn(proc);
    m.st.status = 0;
    return;
  }
  if ("daemon" in result) {
    m.st.daemons.push(result.daemon);
    if (io.background) m.st.lastBackgroundPid = result.daemon.pid;
    else m.push({ k: "block", until: null, code: 0, daemon: result.daemon.pid });
    return;
  }
  if ("follow" in result) {
    follow(m, result.follow, io, pid);
    return;
  }
  if (io.background) {
    m.st.jobs.push({ pid, until: result.block });
    m.st.lastBackgroundPid = pid;
    return;
  }
  m.push({ k: "block", until: result.block, code: result.code ?? 0 });
}

/** `tail -f`: a wait that looks at its files again every interval; in the background, a process of its own that `wait` waits for forever. */
function follow(m: Machine, tail: TailFollow, io: Io, pid: number): void {
  const wait: Frame = { k: "block", until: nextPoll(tail, m.st.clock), code: 0, follow: tail, fds: io.fds };
  if (!io.background) {
    m.push(wait);
    return;
  }
  m.host.spawn(m.childState(pid, io.fds, [wait]));
  m.st.jobs.push({ pid, until: null });
  m.st.lastBackgroundPid = pid;
}

/** `sh -c 'script' [name [args]]`, `sh file [args]`, or `sh` reading its script from stdin. */
export function startShell(m: Machine, flavour: ShellFlavour, argv: readonly string[], io: Io): void {
  const name = argv[0];
  let i = 1;
  let script: string | undefined;
  let scriptName: string | undefined;
  for (; i < argv.length && argv[i].startsWith("-") && argv[i] !== "-" && argv[i] !== "--"; i++) {
    if (argv[i].includes("c")) {
      script = argv[i + 1] ?? "";
      i++;
      if (argv[i] === undefined) break;
    }
  }
  if (argv[i] === "--") i++;
  let positional: string[];
  let arg0 = name;
  if (script !== undefined) {
    arg0 = argv[i + 1] ?? name;
    positional = argv.slice(i + 2);
    if (argv[i + 1] === undefined && script === "" && argv[i] === undefined) positional = [];
  } else if (argv[i] !== undefined) {
    scriptName = argv[i];
    const text = m.host.fs.read(resolvePath(m.st.cwd, scriptName));
    if (isFsError(text)) {
      m.write(io.fds.err, flavour === "ash" ? `${name}: can't open '${scriptName}': No such file or directory\n` : flavour === "dash" ? `${name}: 0: cannot open ${scriptName}: No such file\n` : `${name}: ${scriptName}: No such file or directory\n`);
      m.st.status = flavour === "bash" ? 127 : 2;
      return;
    }
    script = text;
    arg0 = scriptName;
    positional = argv.slice(i + 1);
  } else if (io.stdinPipe !== undefined) {
    // `... | sh`: the script is all of stdin, so it starts once the writer is done
    waitForEof(m, argv, { ...io, stdinPipe: io.stdinPipe });
    return;
  } else {
    script = io.stdin;
    positional = [];
  }
  const inPlace = io.inPlace && m.st.frames.length === 0;
  if (inPlace) {
    m.st.flavour = flavour;
    m.st.arg0 = arg0;
    m.st.positional = positional;
    if (io.fds !== m.st.fds) m.st.fds = io.fds;
    // reading its commands from a terminal: it waits for the first line
    if (script === io.stdin && io.stdin === "" && m.st.stdinOpen) m.push({ k: "block", until: null, code: 0, input: true });
    else m.pushScript(script);
    return;
  }
  const stdin = io.stdinPipe !== undefined ? undefined : script === io.stdin ? "" : io.stdin;
  const scope = { k: "scope" as const, kind: "subshell" as const, saved: m.save(), fds: io.fds, stdin, shell: { flavour, name: arg0 } };
  if (m.pushScript(script, scope)) m.st.positional = positional;
}
