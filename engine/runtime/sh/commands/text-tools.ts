/**
 * Text utilities as BusyBox and GNU coreutils have them; error lines follow the image's
 * toolbox. cat, tee, cut and tr (and grep, grep.ts) are filters: on a pipe they work
 * through the lines as they arrive (see stage-io.ts).
 */
import { formatPrintf, unescape } from "../../../shell/coreutils/format";
import { resolvePath } from "../../../shell/vfs-path";
import { isFsError } from "../../fs/container-fs";
import { filterCommand, type Command, type CommandContext, type Filter } from "../command";
import { GREP_FILTER } from "./grep";
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

/** What cat has left to print once its stdin ends: the operands after `-`. */
interface CatState {
  readonly rest: readonly string[];
  readonly status: number;
}

/** Prints operands until it meets stdin (`-`); after the end of stdin a second `-` reads nothing. */
function catFiles(ctx: CommandContext, names: readonly string[], status: number, stdinDone: boolean): number | { state: CatState } {
  for (let i = 0; i < names.length; i++) {
    if (names[i] === "-") {
      if (stdinDone) continue;
      return { state: { rest: names.slice(i + 1), status } };
    }
    const text = readInput(ctx, names[i], "cat");
    if (text === undefined) status = 1;
    else ctx.out(text);
  }
  return status;
}

const CAT_FILTER: Filter<CatState> = {
  start: (ctx) => {
    const names = ctx.argv.slice(1).filter((a) => a !== "-u");
    return catFiles(ctx, names.length ? names : ["-"], 0, false);
  },
  feed: (ctx, st, text, eof) => {
    ctx.out(text);
    return eof ? catFiles(ctx, st.rest, st.status, true) : { state: st };
  },
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

/** The files tee copies to, as they opened. */
interface TeeState {
  readonly paths: readonly string[];
  readonly status: number;
}

const TEE_FILTER: Filter<TeeState> = {
  start: (ctx) => {
    const append = ctx.argv.includes("-a");
    const paths: string[] = [];
    let status = 0;
    for (const f of ctx.argv.slice(1).filter((a) => a !== "-a")) {
      const path = resolvePath(ctx.cwd, f);
      const err = ctx.fs.write(path, "", append);
      if (err) {
        ctx.err(`tee: ${ctx.sys.toolbox === "busybox" ? `can't open '${f}'` : f}: ${err.message}\n`);
        status = 1;
      } else paths.push(path);
    }
    return { state: { paths, status } };
  },
  feed: (ctx, st, text, eof) => {
    for (const p of st.paths) ctx.fs.write(p, text, true);
    ctx.out(text);
    return eof ? st.status : { state: st };
  },
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

/** `cut -d D -f LIST [FILE]`: the fields each line keeps. */
function cutOptions(argv: readonly string[]): { delim: string; picks: number[]; file?: string } {
  let delim = "\t";
  let fields = "";
  const files: string[] = [];
  const args = argv.slice(1);
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
  return { delim, picks, file: files[0] };
}

function cutText(ctx: CommandContext, text: string): void {
  const { delim, picks } = cutOptions(ctx.argv);
  const out = lines(text).map((l) => (l.includes(delim) ? l.split(delim).filter((_, i) => picks.includes(i + 1)).join(delim) : l));
  if (out.length) ctx.out(out.join("\n") + "\n");
}

const CUT_FILTER: Filter<null> = {
  start: (ctx) => {
    const file = cutOptions(ctx.argv).file;
    if (file === undefined || file === "-") return { state: null };
    const text = readInput(ctx, file, "cut");
    if (text === undefined) return 1;
    cutText(ctx, text);
    return 0;
  },
  feed: (ctx, st, text, eof) => {
    cutText(ctx, text);
    return eof ? 0 : { state: st };
  },
};

function expandSet(set: string): string {
  return set.replace(/(.)-(.)/g, (_, a: string, b: string) => {
    let s = "";
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) s += String.fromCharCode(c);
    return s;
  });
}

function trText(args: readonly string[], text: string): string {
  if (args[0] === "-d") {
    const del = expandSet(args[1] ?? "");
    return [...text].filter((c) => !del.includes(c)).join("");
  }
  const from = expandSet(args[0] ?? "");
  const to = expandSet(args[1] ?? "");
  return [...text].map((c) => (from.includes(c) ? (to[from.indexOf(c)] ?? to[to.length - 1] ?? c) : c)).join("");
}

const TR_FILTER: Filter<null> = {
  start: () => ({ state: null }),
  feed: (ctx, st, text, eof) => {
    ctx.out(trText(ctx.argv.slice(1), text));
    return eof ? 0 : { state: st };
  },
};

/** The text utilities that work through a pipe as it fills (see stage-io.ts). */
export const TEXT_FILTERS: Readonly<Record<string, Filter<unknown>>> = { cat: CAT_FILTER, grep: GREP_FILTER, tee: TEE_FILTER, cut: CUT_FILTER, tr: TR_FILTER };

export const TEXT_TOOLS: Readonly<Record<string, Command>> = {
  echo: (ctx) => echo(ctx),
  printf,
  ...HEAD_TAIL,
  wc,
  seq,
  sort,
  uniq,
  ...Object.fromEntries(Object.entries(TEXT_FILTERS).map(([name, f]) => [name, filterCommand(f)])),
};
