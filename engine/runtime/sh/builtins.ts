/** Shell builtins: the commands that change the shell itself (cd, export, exit, trap, read, wait ...). */
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import type { CommandContext } from "./command";
import { echo } from "./commands/text-tools";
import { TOOLS } from "../programs/registry";
import { findExecutable } from "./executables";
import type { Machine } from "./machine";
import { readBuiltin } from "./read";
import { cdError, shellError, testError } from "./shell-messages";
import type { Io } from "./simple-command";
import { commandContext, runArgv } from "./simple-command";
import { runTest } from "./test-command";

type Builtin = (m: Machine, argv: readonly string[], io: Io) => number;

function ctxFor(m: Machine, argv: readonly string[], io: Io): CommandContext {
  return commandContext(m, argv, io, m.st.pid);
}

const SIGNALS: Record<string, string> = { TERM: "TERM", SIGTERM: "TERM", "15": "TERM", INT: "INT", SIGINT: "INT", "2": "INT", EXIT: "EXIT", "0": "EXIT", HUP: "HUP", SIGHUP: "HUP", "1": "HUP", QUIT: "QUIT", SIGQUIT: "QUIT", "3": "QUIT" };

function number(m: Machine, io: Io, name: string, arg: string | undefined, fallback: number): number {
  if (arg === undefined) return fallback;
  if (/^\d+$/.test(arg)) return Number(arg);
  m.write(io.fds.err, shellError(m.where(io.ref), `${name}: Illegal number: ${arg}`));
  return 2;
}

function assign(m: Machine, args: readonly string[], exportIt: boolean): number {
  for (const a of args) {
    if (a.startsWith("-")) continue;
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) m.setVar(name, a.slice(eq + 1));
    if (exportIt && !m.st.exported.includes(name)) m.st.exported.push(name);
  }
  return 0;
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ":": () => 0,
  true: () => 0,
  false: () => 1,
  echo: (m, argv, io) => echo(ctxFor(m, argv, io), m.where().flavour === "dash"),
  printf: (m, argv, io) => TOOLS.printf(ctxFor(m, argv, io)) as number,
  test: (m, argv, io) => testBuiltin(m, argv, io, false),
  "[": (m, argv, io) => testBuiltin(m, argv, io, true),
  pwd: (m, _argv, io) => {
    m.write(io.fds.out, `${m.st.cwd}\n`);
    return 0;
  },
  cd: (m, argv, io) => {
    const dir = argv[1] ?? m.param("HOME") ?? "/";
    const target = resolvePath(m.st.cwd, dir);
    if (m.host.fs.stat(target)?.type !== "dir") {
      m.write(io.fds.err, cdError(m.where(io.ref), dir));
      return m.where().flavour === "dash" ? 2 : 1;
    }
    m.setVar("OLDPWD", m.st.cwd);
    m.st.cwd = target;
    m.setVar("PWD", target);
    return 0;
  },
  export: (m, argv, io) => {
    if (argv.length === 1 || argv[1] === "-p") {
      m.write(io.fds.out, Object.entries(m.env()).map(([k, v]) => `export ${k}='${v}'\n`).join(""));
      return 0;
    }
    return assign(m, argv.slice(1), true);
  },
  readonly: (m, argv) => assign(m, argv.slice(1), false),
  local: (m, argv) => assign(m, argv.slice(1), false),
  unset: (m, argv) => {
    for (const n of argv.slice(1).filter((a) => !a.startsWith("-"))) {
      delete m.st.vars[n];
      m.st.exported = m.st.exported.filter((e) => e !== n);
    }
    return 0;
  },
  set: (m, argv, io) => {
    const dd = argv.indexOf("--");
    if (dd >= 0) m.st.positional = argv.slice(dd + 1);
    else if (argv.length === 1) m.write(io.fds.out, Object.entries(m.st.vars).sort().map(([k, v]) => `${k}='${v}'\n`).join(""));
    return 0;
  },
  shift: (m, argv, io) => {
    const n = number(m, io, "shift", argv[1], 1);
    if (n > m.st.positional.length) return 1;
    m.st.positional = m.st.positional.slice(n);
    return 0;
  },
  exit: (m, argv, io) => {
    m.st.status = number(m, io, "exit", argv[1], m.st.status) & 0xff;
    return m.throwUnwind("exit", 1);
  },
  return: (m, argv, io) => {
    m.st.status = number(m, io, "return", argv[1], m.st.status) & 0xff;
    return m.throwUnwind("return", 1);
  },
  break: (m, argv, io) => m.throwUnwind("break", number(m, io, "break", argv[1], 1)),
  continue: (m, argv, io) => m.throwUnwind("continue", number(m, io, "continue", argv[1], 1)),
  eval: (m, argv) => {
    const text = argv.slice(1).join(" ");
    if (text.trim()) m.pushScript(text);
    return 0;
  },
  ".": (m, argv, io) => source(m, argv, io),
  source: (m, argv, io) => source(m, argv, io),
  exec: (m, argv, io) => {
    m.st.fds = io.fds;
    if (argv.length === 1) return 0;
    m.st.frames = [];
    runArgv(m, argv.slice(1));
    return m.st.status;
  },
  trap: (m, argv, io) => {
    if (argv.length === 1) {
      m.write(io.fds.out, Object.entries(m.st.traps).map(([sig, cmd]) => `trap -- '${cmd}' ${sig}\n`).join(""));
      return 0;
    }
    const [action, ...sigs] = argv.slice(1);
    for (const s of sigs) {
      const sig = SIGNALS[s.toUpperCase()];
      if (!sig) {
        m.write(io.fds.err, shellError(m.where(io.ref), `trap: ${s}: bad trap`));
        return 1;
      }
      if (action === "-") delete m.st.traps[sig];
      else m.st.traps[sig] = action;
    }
    return 0;
  },
  read: readBuiltin,
  wait: (m) => {
    const jobs = m.st.jobs;
    m.st.jobs = [];
    if (jobs.length === 0) return 0;
    const until = jobs.some((j) => j.until === null) ? null : Math.max(...jobs.map((j) => j.until ?? 0));
    m.push({ k: "block", until, code: 0, interruptible: true });
    return 0;
  },
  command: (m, argv, io) => describe(m, argv.slice(argv[1] === "-v" || argv[1] === "-V" ? 2 : 1), io, argv[1] === "-V" ? "type" : "path"),
  type: (m, argv, io) => describe(m, argv.slice(1), io, "type"),
  kill: () => 0,
  ulimit: () => 0,
  umask: () => 0,
  hash: () => 0,
};

function testBuiltin(m: Machine, argv: readonly string[], io: Io, bracket: boolean): number {
  const r = runTest(argv.slice(1), bracket, m.host.fs, m.st.cwd, m.where().flavour !== "dash");
  if (r.status === 2) m.write(io.fds.err, testError(m.where(io.ref), argv[0], r.error));
  return r.status;
}

function source(m: Machine, argv: readonly string[], io: Io): number {
  const file = argv[1];
  if (file === undefined) return 0;
  const text = m.host.fs.read(resolvePath(m.st.cwd, file));
  if (isFsError(text)) {
    m.write(io.fds.err, shellError(m.where(io.ref), `${argv[0]}: can't open '${file}': ${text.message}`));
    return 1;
  }
  m.pushScript(text);
  return 0;
}

/** `command -v`: the path a name resolves to; `type`: its kind. */
function describe(m: Machine, names: readonly string[], io: Io, style: "path" | "type"): number {
  let status = 0;
  for (const n of names) {
    if (BUILTINS[n]) {
      m.write(io.fds.out, style === "path" ? `${n}\n` : `${n} is a shell builtin\n`);
      continue;
    }
    const exe = findExecutable(n, m.host.image, m.host.fs, m.param("PATH") ?? "", m.st.cwd);
    if (exe.kind === "missing") {
      if (style === "type") m.write(io.fds.err, `${n}: not found\n`);
      status = 1;
      continue;
    }
    const path = exe.kind === "script" || exe.kind === "tool" || exe.kind === "applet" ? exe.path : exe.kind === "shell" ? `/bin/${n}` : n.includes("/") ? n : `/usr/bin/${n}`;
    m.write(io.fds.out, style === "path" ? `${path}\n` : `${n} is ${path}\n`);
  }
  return status;
}
