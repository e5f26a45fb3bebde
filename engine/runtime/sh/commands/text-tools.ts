/** Text utilities as BusyBox and GNU coreutils have them; error lines follow the image's toolbox. */
import { formatPrintf, unescape } from "../../../shell/coreutils/format";
import { resolvePath } from "../../../shell/vfs-path";
import { isFsError } from "../../fs/container-fs";
import type { Command, CommandContext } from "../command";
import { HEAD_TAIL } from "./head-tail";

/** Reads a file operand (`-` is stdin), reporting a failure the way the toolbox words it. */
function readInput(ctx: CommandContext, name: string, cmd: string): string | undefined {
  if (name === "-") return ctx.stdin;
  const r = ctx.fs.read(resolvePath(ctx.cwd, name));
  if (!isFsError(r)) return r;
  ctx.err(ctx.sys.toolbox === "busybox" ? `${cmd}: can't open '${name}': ${r.message}\n` : `${cmd}: ${name}: ${r.message}\n`);
  return undefined;
}

function lines(text: string): string[] {
  if (text === "") return [];
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

/** echo; `alwaysEscapes` for dash's builtin, which interprets backslashes without -e. */
export function echo(ctx: CommandContext, alwaysEscapes = false): number {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = alwaysEscapes;
  let i = 0;
  for (; i < args.length && (alwaysEscapes ? args[i] === "-n" : /^-[neE]+$/.test(args[i])); i++) {
    for (const f of args[i].slice(1)) {
      if (f === "n") newline = false;
      else escapes = f === "e";
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const u = unescape(text, { octalNeedsZero: !alwaysEscapes });
    if (u.stop) {
      ctx.out(u.text);
      return 0;
    }
    text = u.text;
  }
  ctx.out(newline ? `${text}\n` : text);
  return 0;
}

const printf: Command = (ctx) => {
  if (ctx.argv.length < 2) {
    ctx.err(ctx.sys.toolbox === "busybox" ? "printf: not enough arguments\n" : "printf: missing operand\n");
    return 1;
  }
  const r = formatPrintf(ctx.argv[1], ctx.argv.slice(2));
  ctx.out(r.text);
  for (const e of r.errors) ctx.err(`printf: ${e}\n`);
  return r.errors.length ? 1 : 0;
};

const cat: Command = (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => a !== "-u");
  let status = 0;
  for (const name of names.length ? names : ["-"]) {
    const text = readInput(ctx, name, "cat");
    if (text === undefined) status = 1;
    else ctx.out(text);
  }
  return status;
};

const wc: Command = (ctx) => {
  const flags = ctx.argv.slice(1).filter((a) => a.startsWith("-") && a !== "-").join("");
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith("-") || a === "-");
  const want = flags ? { l: flags.includes("l"), w: flags.includes("w"), c: flags.includes("c") } : { l: true, w: true, c: true };
  let status = 0;
  for (const name of files.length ? files : ["-"]) {
    const text = readInput(ctx, name, "wc");
    if (text === undefined) {
      status = 1;
      continue;
    }
    const counts = [want.l ? (text.match(/\n/g) ?? []).length : -1, want.w ? text.split(/\s+/).filter(Boolean).length : -1, want.c ? new TextEncoder().encode(text).length : -1].filter((n) => n >= 0);
    const cols = counts.length === 1 ? counts.map(String) : counts.map((n) => String(n).padStart(ctx.sys.toolbox === "busybox" ? 9 : 7));
    ctx.out(cols.join(" ") + (name === "-" ? "" : ` ${name}`) + "\n");
  }
  return status;
};

const grep: Command = (ctx) => {
  const opts = new Set<string>();
  const rest: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (/^-[a-zA-Z]+$/.test(a) && rest.length === 0) for (const f of a.slice(1)) opts.add(f);
    else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    ctx.err(ctx.sys.toolbox === "busybox" ? "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n" : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const source = opts.has("F") ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : opts.has("E") ? pattern : pattern.replace(/\\([(){}|+?])/g, "$1");
  let re: RegExp;
  try {
    re = new RegExp(opts.has("w") ? `\\b(?:${source})\\b` : source, opts.has("i") ? "i" : "");
  } catch {
    ctx.err(`grep: Unmatched ( or \\(\n`);
    return 2;
  }
  let matched = 0;
  let status = 0;
  const many = files.length > 1;
  for (const name of files.length ? files : ["-"]) {
    const text = readInput(ctx, name, "grep");
    if (text === undefined) {
      status = 2;
      continue;
    }
    let count = 0;
    lines(text).forEach((line, i) => {
      if (re.test(line) === opts.has("v")) return;
      count++;
      if (opts.has("q") || opts.has("c") || opts.has("l")) return;
      ctx.out(`${many ? `${name}:` : ""}${opts.has("n") ? `${i + 1}:` : ""}${line}\n`);
    });
    if (opts.has("c")) ctx.out(`${many ? `${name}:` : ""}${count}\n`);
    if (opts.has("l") && count) ctx.out(`${name}\n`);
    matched += count;
  }
  return status === 2 && matched === 0 ? 2 : matched > 0 ? 0 : 1;
};

const seq: Command = (ctx) => {
  const n = ctx.argv.slice(1).map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  if (n.length === 0 || n.some(Number.isNaN) || step === 0) {
    ctx.err(n.length === 0 ? "seq: missing operand\n" : `seq: invalid floating point argument: '${ctx.argv.find((a, i) => i > 0 && Number.isNaN(Number(a))) ?? ""}'\n`);
    return 1;
  }
  const out: string[] = [];
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    out.push(String(v));
    if (out.length > 100_000) break;
  }
  if (out.length) ctx.out(out.join("\n") + "\n");
  return 0;
};

const tee: Command = (ctx) => {
  const append = ctx.argv.includes("-a");
  let status = 0;
  for (const f of ctx.argv.slice(1).filter((a) => a !== "-a")) {
    const err = ctx.fs.write(resolvePath(ctx.cwd, f), ctx.stdin, append);
    if (err) {
      ctx.err(`tee: ${ctx.sys.toolbox === "busybox" ? `can't open '${f}'` : f}: ${err.message}\n`);
      status = 1;
    }
  }
  ctx.out(ctx.stdin);
  return status;
};

const sort: Command = (ctx) => {
  const flags = ctx.argv.slice(1).filter((a) => /^-[a-z]+$/.test(a)).join("");
  const files = ctx.argv.slice(1).filter((a) => !/^-[a-z]+$/.test(a));
  let all: string[] = [];
  for (const name of files.length ? files : ["-"]) {
    const text = readInput(ctx, name, "sort");
    if (text === undefined) return 2;
    all.push(...lines(text));
  }
  all.sort(flags.includes("n") ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (flags.includes("r")) all.reverse();
  if (flags.includes("u")) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  if (all.length) ctx.out(all.join("\n") + "\n");
  return 0;
};

const uniq: Command = (ctx) => {
  const count = ctx.argv.includes("-c");
  const text = readInput(ctx, ctx.argv.slice(1).find((a) => !a.startsWith("-")) ?? "-", "uniq");
  if (text === undefined) return 1;
  const out: string[] = [];
  let prev: string | undefined;
  let n = 0;
  const flush = (): void => {
    if (prev !== undefined) out.push(count ? `${String(n).padStart(7)} ${prev}` : prev);
  };
  for (const l of lines(text)) {
    if (l === prev) n++;
    else {
      flush();
      prev = l;
      n = 1;
    }
  }
  flush();
  if (out.length) ctx.out(out.join("\n") + "\n");
  return 0;
};

const cut: Command = (ctx) => {
  let delim = "\t";
  let fields = "";
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-d") delim = args[++i] ?? "\t";
    else if (a.startsWith("-d")) delim = a.slice(2);
    else if (a === "-f") fields = args[++i] ?? "";
    else if (a.startsWith("-f")) fields = a.slice(2);
    else files.push(a);
  }
  const picks = fields.split(",").flatMap((r) => {
    const [a, b] = r.split("-");
    const from = Number(a || 1);
    const to = r.includes("-") ? (b ? Number(b) : 1000) : from;
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  });
  const text = readInput(ctx, files[0] ?? "-", "cut");
  if (text === undefined) return 1;
  const out = lines(text).map((l) => (l.includes(delim) ? l.split(delim).filter((_, i) => picks.includes(i + 1)).join(delim) : l));
  if (out.length) ctx.out(out.join("\n") + "\n");
  return 0;
};

function expandSet(set: string): string {
  return set.replace(/(.)-(.)/g, (_, a: string, b: string) => {
    let s = "";
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) s += String.fromCharCode(c);
    return s;
  });
}

const tr: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "-d") {
    const del = expandSet(args[1] ?? "");
    ctx.out([...ctx.stdin].filter((c) => !del.includes(c)).join(""));
    return 0;
  }
  const from = expandSet(args[0] ?? "");
  const to = expandSet(args[1] ?? "");
  ctx.out([...ctx.stdin].map((c) => (from.includes(c) ? (to[from.indexOf(c)] ?? to[to.length - 1] ?? c) : c)).join(""));
  return 0;
};

export const TEXT_TOOLS: Readonly<Record<string, Command>> = {
  echo: (ctx) => echo(ctx),
  printf,
  cat,
  ...HEAD_TAIL,
  wc,
  grep,
  seq,
  tee,
  sort,
  uniq,
  cut,
  tr,
};
