/** Process and system utilities: sleep, date, env, ps, hostname, uname, id, free, kill, expr. */
import { DEFAULT_FORMAT, strftime } from "../../../shell/coreutils/date";
import type { Command, CommandContext, CommandResult } from "../command";
import { usage } from "./busybox";

export const KERNEL = { release: "6.8.0-60-generic", version: "#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025", machine: "x86_64" };

const UNIT_MS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep 30`, `sleep 0.5`, `sleep 1m`, `sleep infinity`; several operands add up. */
export function parseSleep(args: readonly string[]): { ms: number | null } | { bad: string } {
  let total = 0;
  for (const a of args) {
    if (a === "infinity" || a === "inf") return { ms: null };
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { bad: a };
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  return { ms: Math.round(total) };
}

const sleep: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  const busybox = ctx.sys.toolbox === "busybox";
  if (!args.length) {
    ctx.err(busybox ? usage(ctx, "sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n") : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  const r = parseSleep(args);
  if ("bad" in r) {
    ctx.err(busybox ? `sleep: invalid number '${r.bad}'\n` : `sleep: invalid time interval '${r.bad}'\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  return { block: r.ms === null ? null : ctx.now + r.ms };
};

function parseDate(s: string, now: number): number | undefined {
  if (/^@-?\d+$/.test(s)) return Number(s.slice(1)) * 1000;
  if (s === "now" || s === "") return now;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(s) ? `${s.replace(" ", "T")}Z` : s);
  return Number.isNaN(t) ? undefined : t;
}

const date: Command = (ctx) => {
  let format = DEFAULT_FORMAT;
  let when = ctx.now;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("+")) format = a.slice(1);
    else if (a === "-u" || a === "--utc") continue;
    else if (a === "-I" || a === "--iso-8601") format = "%Y-%m-%d";
    else if (a === "-R" || a === "--rfc-2822") format = "%a, %d %b %Y %H:%M:%S %z";
    else if (a === "-d" || a.startsWith("--date")) {
      const text = a.includes("=") ? a.slice(a.indexOf("=") + 1) : (args[++i] ?? "");
      const t = parseDate(text, ctx.now);
      if (t === undefined) {
        ctx.err(ctx.sys.toolbox === "busybox" ? `date: invalid date '${text}'\n` : `date: invalid date '${text}'\n`);
        return 1;
      }
      when = t;
    } else {
      ctx.err(ctx.sys.toolbox === "busybox" ? `date: invalid date '${a}'\n` : `date: invalid date '${a}'\n`);
      return 1;
    }
  }
  ctx.out(`${strftime(format, when)}\n`);
  return 0;
};

/** `env [NAME=VALUE]... [COMMAND [ARG]...]`: the environment, or COMMAND run with those variables added. */
const env: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  const set: Record<string, string> = {};
  let i = 0;
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) set[args[i].slice(0, args[i].indexOf("="))] = args[i].slice(args[i].indexOf("=") + 1);
  if (i < args.length) return { exec: args.slice(i), env: set };
  ctx.out(Object.entries({ ...ctx.env, ...set }).map(([k, v]) => `${k}=${v}\n`).join(""));
  return 0;
};

const printenv: Command = (ctx) => {
  const names = ctx.argv.slice(1);
  if (!names.length) return env(ctx);
  let status = 0;
  for (const n of names) {
    if (n in ctx.env) ctx.out(`${ctx.env[n]}\n`);
    else status = 1;
  }
  return status;
};

function uname(ctx: CommandContext): number {
  const flags = ctx.argv.slice(1).join("").replace(/-/g, "");
  const gnuSuffix = ctx.sys.toolbox === "gnu" ? "GNU/Linux" : "Linux";
  if (flags.includes("a")) ctx.out(`Linux ${ctx.sys.hostname} ${KERNEL.release} ${KERNEL.version} ${KERNEL.machine} ${gnuSuffix}\n`);
  else {
    const parts: string[] = [];
    if (flags === "" || flags.includes("s")) parts.push("Linux");
    if (flags.includes("n")) parts.push(ctx.sys.hostname);
    if (flags.includes("r")) parts.push(KERNEL.release);
    if (flags.includes("v")) parts.push(KERNEL.version);
    if (flags.includes("m")) parts.push(KERNEL.machine);
    ctx.out(`${parts.join(" ")}\n`);
  }
  return 0;
}

const ps: Command = (ctx) => {
  const procs = ctx.sys.processes({ pid: ctx.pid, user: "root", command: ctx.argv.join(" ") });
  if (ctx.sys.toolbox === "busybox") {
    ctx.out(`PID   USER     TIME  COMMAND\n${procs.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)} ${"0:00".padStart(5)} ${p.command}\n`).join("")}`);
    return 0;
  }
  const wide = ctx.argv.slice(1).some((a) => /aux|-ef|-e/.test(a));
  if (wide) {
    ctx.out(`UID          PID    PPID  C STIME TTY          TIME CMD\n${procs.map((p) => `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 1).padStart(7)}  0 ${strftime("%H:%M", ctx.sys.startedAt())} ?        00:00:00 ${p.command}\n`).join("")}`);
  } else ctx.out(`    PID TTY          TIME CMD\n${procs.map((p) => `${String(p.pid).padStart(7)} ?        00:00:00 ${p.command.split(" ")[0].split("/").pop()}\n`).join("")}`);
  return 0;
};

const free: Command = (ctx) => {
  const m = ctx.sys.memory();
  const kib = (n: number): string => String(Math.round(n / 1024)).padStart(11);
  ctx.out(`              total        used        free      shared  buff/cache   available\nMem:  ${kib(m.total)} ${kib(m.used)} ${kib(m.total - m.used)} ${kib(0)} ${kib(0)} ${kib(m.total - m.used)}\nSwap: ${kib(0)} ${kib(0)} ${kib(0)}\n`);
  return 0;
};

function expr(ctx: CommandContext): number {
  const [a, op, b] = ctx.argv.slice(1);
  if (op === undefined) {
    ctx.out(`${a ?? ""}\n`);
    return a === undefined || a === "" || a === "0" ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  const ops: Record<string, () => number | string> = {
    "+": () => x + y,
    "-": () => x - y,
    "*": () => x * y,
    "/": () => Math.trunc(x / y),
    "%": () => x % y,
    "=": () => (a === b ? 1 : 0),
    "!=": () => (a !== b ? 1 : 0),
    "<": () => (x < y ? 1 : 0),
    ">": () => (x > y ? 1 : 0),
  };
  const f = ops[op];
  if (!f || (["+", "-", "*", "/", "%"].includes(op) && (Number.isNaN(x) || Number.isNaN(y)))) {
    ctx.err("expr: non-numeric argument\n");
    return 2;
  }
  if ((op === "/" || op === "%") && y === 0) {
    ctx.err("expr: division by zero\n");
    return 2;
  }
  const v = f();
  ctx.out(`${v}\n`);
  return v === 0 || v === "0" ? 1 : 0;
}

/** The virtual size top shows for each process, in KiB: the BusyBox binary's mapping for applets and shells. */
function vszKiB(command: string): number {
  return /^(nginx|redis|postgres|mysqld|httpd -D|mongod|python|node)/.test(command) ? 11_000 : 1_332;
}

/**
 * BusyBox top (procps/top.c): memory, CPU and load lines, then a row per process. In batch
 * mode (`-b`) it prints plain text; otherwise it clears the screen first and shows the
 * header in reverse video. It prints `-n N` screens, `-d SECONDS` apart (here all at once,
 * then it waits out the delays), and without -n goes on until interrupted.
 */
function top(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1);
  let batch = false;
  let iterations = 0;
  let delay = 5;
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^-/, "");
    for (let j = 0; j < a.length; j++) {
      if (a[j] === "b") batch = true;
      else if (a[j] === "n" || a[j] === "d") {
        const v = Number((j + 1 < a.length ? a.slice(j + 1) : args[++i] ?? "").replace(/^-/, ""));
        if (a[j] === "n") iterations = v;
        else delay = v;
        break;
      }
    }
  }
  const mem = ctx.sys.memory();
  const procs = ctx.sys.processes({ pid: ctx.pid, user: "root", command: ctx.argv.join(" ") });
  const kib = (n: number): number => Math.round(n / 1024);
  const esc = batch ? "" : "\x1b[H\x1b[J";
  const header = "  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND";
  const rows = procs.map((p) => {
    const vsz = vszKiB(p.command);
    const pmem = Math.round((vsz * 100) / kib(mem.total));
    const state = p.command === ctx.argv.join(" ") ? "R" : "S";
    return `${String(p.pid).padStart(5)}${String(p.pid === 1 ? 0 : 1).padStart(6)} ${p.user.padEnd(8).slice(0, 8)} ${state.padEnd(3)}  ${String(vsz).padStart(5)}${String(pmem).padStart(4)}%${String(0).padStart(4)}${String(0).padStart(4)}% ${p.command}`;
  });
  const head = batch ? header : `\x1b[7m${header}\x1b[m`;
  const screen = `${esc}Mem: ${kib(mem.used)}K used, ${kib(mem.total - mem.used)}K free, 0K shrd, 0K buff, 0K cached\nCPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\nLoad average: 0.00 0.00 0.00 1/${procs.length} ${Math.max(...procs.map((p) => p.pid))}\n${head}\n${rows.join("\n")}${batch ? "\n" : "\r"}`;
  const shown = iterations > 0 ? iterations : 1;
  ctx.out(screen.repeat(shown));
  if (iterations > 0) return iterations > 1 ? { block: ctx.now + (iterations - 1) * delay * 1000 } : 0;
  return { block: null };
}

export const SYSTEM_TOOLS: Readonly<Record<string, Command>> = {
  sleep,
  date,
  env,
  printenv,
  true: () => 0,
  false: () => 1,
  hostname: (ctx) => {
    // -i: the addresses the name resolves to, which in a pod is its IP
    ctx.out(ctx.argv.includes("-i") ? `${ctx.sys.podIP}\n` : `${ctx.sys.hostname}\n`);
    return 0;
  },
  top,
  whoami: (ctx) => {
    ctx.out("root\n");
    return 0;
  },
  id: (ctx) => {
    ctx.out(ctx.sys.toolbox === "busybox" ? "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n" : "uid=0(root) gid=0(root) groups=0(root)\n");
    return 0;
  },
  uname,
  ps,
  free,
  kill: (ctx) => (ctx.argv.length > 1 ? 0 : 2),
  nproc: (ctx) => {
    ctx.out("2\n");
    return 0;
  },
  expr,
};
