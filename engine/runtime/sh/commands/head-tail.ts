/**
 * head and tail as GNU coreutils and BusyBox have them: line and byte counts, `==> name <==`
 * headers between several files, each toolbox's error wording, and `tail -f`/`-F`, which
 * prints the ends of its files and then hands them, with how far each was read, to a
 * follow wait (tail-follow.ts).
 */
import { resolvePath, utf8Length } from "../../../shell/vfs-path";
import { isFsError, type FsError } from "../../fs/container-fs";
import type { Command, CommandContext, CommandResult, Filter } from "../command";
import type { FollowedFile } from "../process-state";
import { banner } from "./busybox";
import { gnuQuote } from "./gnu-quote";
import { parseHeadTail, type HeadTailOptions } from "./head-tail-options";
import { givesUp } from "./tail-follow";

type Read = { readonly name: string; readonly path: string; readonly text: string } | { readonly name: string; readonly path: string; readonly error: FsError };

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function decode(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

function headText(text: string, o: HeadTailOptions): string {
  if (o.bytes) {
    const b = bytesOf(text);
    return decode(o.allBut ? b.subarray(0, Math.max(0, b.length - o.count)) : b.subarray(0, o.count));
  }
  const ls = lines(text);
  return (o.allBut ? ls.slice(0, Math.max(0, ls.length - o.count)) : ls.slice(0, o.count)).join("");
}

function tailText(text: string, o: HeadTailOptions): string {
  if (o.bytes) {
    const b = bytesOf(text);
    return decode(o.fromStart ? b.subarray(Math.max(0, o.count - 1)) : b.subarray(Math.max(0, b.length - o.count)));
  }
  const ls = lines(text);
  if (o.fromStart) return ls.slice(Math.max(0, o.count - 1)).join("");
  return o.count === 0 ? "" : ls.slice(-o.count).join("");
}

function readOperand(ctx: CommandContext, name: string): Read {
  if (name === "-") return { name, path: "", text: ctx.stdin };
  const path = resolvePath(ctx.cwd, name);
  const r = ctx.fs.read(path);
  return isFsError(r) ? { name, path, error: r } : { name, path, text: r };
}

/** Where reading failed: at open (BusyBox and GNU word it differently), or at read (a directory opens, then fails). */
function failure(cmd: string, r: { name: string; error: FsError }, gnu: boolean): string {
  if (r.error.code === "EISDIR") return gnu ? `${cmd}: error reading ${gnuQuote(r.name, true)}: ${r.error.message}\n` : `${cmd}: read error: ${r.error.message}\n`;
  return gnu ? `${cmd}: cannot open ${gnuQuote(r.name, true)} for reading: ${r.error.message}\n` : `${cmd}: can't open '${r.name}': ${r.error.message}\n`;
}

/** Headers: `==> name <==`, a blank line before every one but the first. */
function headerWriter(ctx: CommandContext): (name: string) => void {
  let first = true;
  return (name) => {
    ctx.out(`${first ? "" : "\n"}==> ${name} <==\n`);
    first = false;
  };
}

function showHeaders(o: HeadTailOptions, n: number): boolean {
  return o.headers === "always" || (o.headers === "auto" && n > 1);
}

const head: Command = (ctx) => {
  const gnu = ctx.sys.toolbox !== "busybox";
  const o = parseHeadTail("head", ctx.argv.slice(1), gnu, banner(ctx));
  if ("error" in o) {
    ctx.err(o.error);
    return 1;
  }
  const names = o.files.length ? o.files : ["-"];
  const headers = showHeaders(o, names.length);
  const header = headerWriter(ctx);
  let status = 0;
  for (const name of names) {
    const r = readOperand(ctx, name);
    if ("error" in r && r.error.code !== "EISDIR") {
      ctx.err(failure("head", r, gnu));
      status = 1;
      continue;
    }
    if (headers) header(name === "-" ? "standard input" : name);
    if ("error" in r) {
      ctx.err(failure("head", r, gnu));
      status = 1;
    } else ctx.out(headText(r.text, o));
  }
  return status;
};

const tail: Command = (ctx) => {
  const gnu = ctx.sys.toolbox !== "busybox";
  const o = parseHeadTail("tail", ctx.argv.slice(1), gnu, banner(ctx));
  if ("error" in o) {
    ctx.err(o.error);
    return 1;
  }
  const names = o.files.length ? o.files : ["-"];
  if (gnu) {
    if (o.retry && !o.follow) ctx.err("tail: warning: --retry ignored; --retry is useful only when following\n");
    else if (o.retry && o.follow === "descriptor") ctx.err("tail: warning: --retry only effective for the initial open\n");
    if (o.follow === "name" && names.includes("-")) {
      ctx.err("tail: cannot follow '-' by name\n");
      return 1;
    }
    if (o.count === 0 && !o.follow && !o.fromStart) return 0;
  }
  return gnu ? gnuTail(ctx, o, names) : busyboxTail(ctx, o, names);
};

/** A followed operand: what was printed of it, or why it is not followed. */
function followed(r: Read, pretty: string, state: FollowedFile["state"]): FollowedFile {
  const text = "text" in r ? r.text : "";
  return { name: pretty, path: r.path, state, offset: utf8Length(text), chars: text.length };
}

/** The state a readable operand is followed in: stdin and /dev/null never grow, so they need no looking at. */
function readableState(r: Read): FollowedFile["state"] {
  return r.name === "-" || r.path === "/dev/null" ? "still" : "open";
}

/** GNU: file by file, each error where it happens; a pipe on stdin is not followed; "no files remaining" ends it. */
function gnuTail(ctx: CommandContext, o: HeadTailOptions, names: readonly string[]): CommandResult {
  const headers = showHeaders(o, names.length);
  const header = headerWriter(ctx);
  const files: FollowedFile[] = [];
  let status = 0;
  for (const name of names) {
    const r = readOperand(ctx, name);
    const pretty = name === "-" ? "standard input" : name;
    if ("error" in r && r.error.code !== "EISDIR") {
      ctx.err(failure("tail", r, true));
      status = 1;
      files.push(followed(r, pretty, o.retry ? "missing" : "ignored"));
      continue;
    }
    if (headers) header(pretty);
    if ("error" in r) {
      ctx.err(failure("tail", r, true));
      if (o.follow) ctx.err(`tail: ${gnuQuote(pretty, false)}: cannot follow end of this type of file${o.retry && o.follow === "name" ? "" : "; giving up on this name"}\n`);
      status = 1;
      files.push(followed(r, pretty, "ignored"));
      continue;
    }
    ctx.out(tailText(r.text, o));
    files.push(followed(r, pretty, name === "-" && ctx.stdin !== "" ? "ignored" : readableState(r)));
  }
  if (!o.follow || files.every((f, i) => names[i] === "-" && f.state === "ignored")) return status;
  const follow = { files, gnu: true, byName: o.follow === "name", retry: o.retry, headers, intervalMs: o.intervalMs, last: files.length - 1 };
  return givesUp(follow, { out: ctx.out, err: ctx.err }) ?? { follow };
}

/** BusyBox: opens every operand first (a missing one is dropped, or retried with -F), then prints them; stdin from a pipe is not followed. */
function busyboxTail(ctx: CommandContext, o: HeadTailOptions, names: readonly string[]): CommandResult {
  const reads: Read[] = [];
  let status = 0;
  for (const name of names) {
    const r = readOperand(ctx, name);
    if ("error" in r && r.error.code !== "EISDIR") {
      ctx.err(failure("tail", r, false));
      status = 1;
      if (o.follow !== "name") continue;
    }
    reads.push(r);
  }
  if (reads.length === 0) {
    ctx.err("tail: no files\n");
    return 1;
  }
  const headers = showHeaders(o, reads.length);
  const header = headerWriter(ctx);
  const files: FollowedFile[] = [];
  for (const r of reads) {
    const pretty = r.name === "-" && o.files.length === 0 ? "standard input" : r.name;
    if ("error" in r && r.error.code !== "EISDIR") {
      files.push(followed(r, pretty, "missing"));
      continue;
    }
    if (headers) header(pretty);
    if ("error" in r) {
      ctx.err(failure("tail", r, false));
      status = 1;
      files.push(followed(r, pretty, "still"));
      continue;
    }
    ctx.out(tailText(r.text, o));
    files.push(followed(r, pretty, readableState(r)));
  }
  const pipedIn = o.files.length === 0 && ctx.stdin !== "";
  if (!o.follow || pipedIn) return status;
  return { follow: { files, gnu: false, byName: o.follow === "name", retry: o.retry, headers, intervalMs: o.intervalMs, last: files.length - 1 } };
}

/**
 * head on a pipe: it prints the first lines (or bytes) as they come and exits once it has
 * them all, so `cmd | head -n 3` ends `cmd` with SIGPIPE. Other forms (several operands,
 * `-n -N`, headers) need all of stdin, so they gather it first.
 */
type HeadState = { readonly left: number } | { readonly gathered: string };

const HEAD_FILTER: Filter<HeadState> = {
  start: (ctx) => {
    const o = parseHeadTail("head", ctx.argv.slice(1), ctx.sys.toolbox !== "busybox", banner(ctx));
    if ("error" in o) {
      ctx.err(o.error);
      return 1;
    }
    const stdinOnly = o.files.length === 0 || (o.files.length === 1 && o.files[0] === "-");
    if (!o.files.includes("-") && !stdinOnly) return head({ ...ctx, stdin: "" }) as number;
    if (!stdinOnly || o.allBut || o.headers === "always") return { state: { gathered: "" } };
    return o.count === 0 ? 0 : { state: { left: o.count } };
  },
  feed: (ctx, st, text, eof) => {
    if ("gathered" in st) return eof ? (head({ ...ctx, stdin: st.gathered + text }) as number) : { state: { gathered: st.gathered + text } };
    const bytes = ctx.argv.slice(1).some((a) => /^-[^-]*c/.test(a) || a.startsWith("--bytes"));
    if (bytes) {
      const b = bytesOf(text);
      ctx.out(decode(b.subarray(0, st.left)));
      const left = st.left - Math.min(st.left, b.length);
      return left === 0 || eof ? 0 : { state: { left } };
    }
    const ls = lines(text);
    ctx.out(ls.slice(0, st.left).join(""));
    const left = st.left - Math.min(st.left, ls.length);
    return left === 0 || eof ? 0 : { state: { left } };
  },
};

export const HEAD_TAIL: Readonly<Record<string, Command>> = { head, tail };
export const HEAD_FILTERS: Readonly<Record<string, Filter<unknown>>> = { head: HEAD_FILTER };
