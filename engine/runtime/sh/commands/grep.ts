/**
 * grep as BusyBox (findutils/grep.c) and GNU grep have it, as a filter: after `tail -f`
 * each matching line shows as it comes, `-q` ends at the first match and `-m N` after N.
 * Options: -E -F -i -v -w -x -n -c -l -L -o -q -s -H -h -m N -e PTRN -f FILE -A/-B/-C N.
 */
import { compilePosix } from "../../../shell/posix-regex";
import { resolvePath } from "../../../shell/vfs-path";
import { isFsError } from "../../fs/container-fs";
import type { CommandContext, Filter } from "../command";
import { usage } from "./busybox";

const BUSYBOX_USAGE =
  "grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n\nSearch for PATTERN in FILEs (or stdin)\n\n\t-H\tAdd 'filename:' prefix\n\t-h\tDo not add 'filename:' prefix\n\t-n\tAdd 'line_no:' prefix\n\t-l\tShow only names of files that match\n\t-L\tShow only names of files that don't match\n\t-c\tShow only count of matching lines\n\t-o\tShow only the matching part of line\n\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise\n\t-v\tSelect non-matching lines\n\t-s\tSuppress open and read errors\n\t-r\tRecurse\n\t-R\tRecurse and dereference symlinks\n\t-i\tIgnore case\n\t-w\tMatch whole words only\n\t-x\tMatch whole lines only\n\t-F\tPATTERN is a literal (not regexp)\n\t-E\tPATTERN is an extended regexp\n\t-m N\tMatch up to N times per file\n\t-A N\tPrint N lines of trailing context\n\t-B N\tPrint N lines of leading context\n\t-C N\tSame as '-A N -B N'\n\t-e PTRN\tPattern to match\n\t-f FILE\tRead pattern from file\n";

const STDIN = "(standard input)";
const VALUED = "efmABC";

interface Options {
  readonly flags: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
  readonly max: number;
  readonly before: number;
  readonly after: number;
  readonly files: readonly string[];
}

/** What grep remembers between the pieces of its stdin (and the operands after it). */
interface GrepState {
  /** operands still to read once stdin ends */
  readonly rest: readonly string[];
  readonly many: boolean;
  lineNo: number;
  count: number;
  /** lines of leading context kept, and how many of trailing context are still due */
  before: [number, string][];
  afterLeft: number;
  lastPrinted: number;
  matchedAny: boolean;
  errors: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function parse(ctx: CommandContext): Options | { error: string; code: number } {
  const busybox = ctx.sys.toolbox === "busybox";
  const flags = new Set<string>();
  const values: Record<string, string[]> = {};
  const operands: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      // BusyBox grep has no long options; GNU's --color and --line-buffered change nothing printed here
      if (busybox) return { error: `grep: unrecognized option '${a}'\n${usage(ctx, BUSYBOX_USAGE)}`, code: 2 };
      continue;
    }
    if (!/^-./.test(a)) {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (VALUED.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { error: busybox ? `grep: option requires an argument -- '${f}'\n${usage(ctx, BUSYBOX_USAGE)}` : `grep: option requires an argument -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, code: 2 };
        (values[f] ??= []).push(v);
        break;
      }
      flags.add(f);
    }
  }
  const sources = [...(values.e ?? [])];
  for (const file of values.f ?? []) {
    const text = ctx.fs.read(resolvePath(ctx.cwd, file));
    if (isFsError(text)) return { error: busybox ? `grep: can't open '${file}': ${text.message}\n` : `grep: ${file}: ${text.message}\n`, code: 2 };
    sources.push(...text.replace(/\n$/, "").split("\n"));
  }
  if (!values.e && !values.f) {
    const p = operands.shift();
    if (p === undefined) return { error: busybox ? usage(ctx, BUSYBOX_USAGE) : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 };
    sources.push(...p.split("\n"));
  }
  const patterns: RegExp[] = [];
  for (const src of sources) {
    const base = flags.has("F") ? { source: escapeRe(src) } : compileSource(src, flags.has("E"));
    if ("error" in base) return { error: busybox ? `grep: bad regex '${src}': ${base.error}\n` : `grep: ${base.error}\n`, code: 2 };
    const body = flags.has("x") ? `^(?:${base.source})$` : flags.has("w") ? `(?<![A-Za-z0-9_])(?:${base.source})(?![A-Za-z0-9_])` : base.source;
    patterns.push(new RegExp(body, flags.has("i") ? "i" : ""));
  }
  const num = (f: string): number => Number(values[f]?.at(-1) ?? 0);
  return { flags, patterns, max: values.m ? num("m") : Infinity, before: Math.max(num("B"), num("C")), after: Math.max(num("A"), num("C")), files: operands };
}

function compileSource(src: string, extended: boolean): { source: string } | { error: string } {
  const re = compilePosix(src, extended);
  return "error" in re ? re : { source: re.source };
}

function matches(o: Options, line: string): boolean {
  return o.patterns.some((re) => re.test(line)) !== o.flags.has("v");
}

/** `-o`: each match on its own line. */
function parts(o: Options, line: string): string[] {
  const out: string[] = [];
  for (const re of o.patterns) for (const m of line.matchAll(new RegExp(re.source, re.flags + "g"))) if (m[0] !== "") out.push(m[0]);
  return out;
}

function fresh(rest: readonly string[], many: boolean, prior?: GrepState): GrepState {
  return { rest, many, lineNo: 0, count: 0, before: [], afterLeft: 0, lastPrinted: 0, matchedAny: prior?.matchedAny ?? false, errors: prior?.errors ?? false };
}

/** Scans whole lines of the input named `name`; "quit" when grep is done with everything (-q matched). */
function scan(ctx: CommandContext, o: Options, st: GrepState, name: string, text: string): "more" | "file-done" | "quit" {
  const prefix = (n: number, sep: string): string => `${st.many && !o.flags.has("h") || o.flags.has("H") ? `${name}${sep}` : ""}${o.flags.has("n") ? `${n}${sep}` : ""}`;
  const quietOutput = o.flags.has("c") || o.flags.has("l") || o.flags.has("L") || o.flags.has("q");
  const print = (n: number, line: string, sep: string): void => {
    if ((o.before || o.after) && st.lastPrinted > 0 && st.lastPrinted !== n - 1) ctx.out("--\n");
    st.lastPrinted = n;
    if (sep === ":" && o.flags.has("o")) {
      if (!o.flags.has("v")) for (const p of parts(o, line)) ctx.out(`${prefix(n, sep)}${p}\n`);
    } else ctx.out(`${prefix(n, sep)}${line}\n`);
  };
  const lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
  for (const line of lines) {
    const n = ++st.lineNo;
    if (!matches(o, line) || st.count >= o.max) {
      if (st.count >= o.max && st.afterLeft === 0) return "file-done";
      if (quietOutput) continue;
      if (st.afterLeft > 0) {
        st.afterLeft--;
        print(n, line, "-");
      } else if (o.before) {
        st.before.push([n, line]);
        if (st.before.length > o.before) st.before.shift();
      }
      continue;
    }
    st.count++;
    st.matchedAny = true;
    if (o.flags.has("q")) return "quit";
    if (o.flags.has("l") || o.flags.has("L")) return "file-done";
    if (quietOutput) continue;
    for (const [bn, bl] of st.before) print(bn, bl, "-");
    st.before = [];
    print(n, line, ":");
    st.afterLeft = o.after;
  }
  return "more";
}

/** The end of one input: -c, -l and -L say their piece. */
function endInput(ctx: CommandContext, o: Options, st: GrepState, name: string): void {
  const shown = (st.many && !o.flags.has("h")) || o.flags.has("H");
  if (o.flags.has("q")) return;
  if (o.flags.has("c")) ctx.out(`${shown ? `${name}:` : ""}${st.count}\n`);
  if (o.flags.has("l") && st.count > 0) ctx.out(`${name}\n`);
  if (o.flags.has("L") && st.count === 0) ctx.out(`${name}\n`);
}

function status(ctx: CommandContext, o: Options, st: GrepState): number {
  if (st.errors && (ctx.sys.toolbox === "busybox" || !(o.flags.has("q") && st.matchedAny))) return 2;
  return st.matchedAny ? 0 : 1;
}

/** Reads file operands until stdin (`-`) comes up: its state then, or grep's exit status at the end. */
function files(ctx: CommandContext, o: Options, names: readonly string[], prior: GrepState | undefined): number | { state: GrepState } {
  const many = prior?.many ?? names.length > 1;
  let st = prior ?? fresh([], many);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    st = fresh(names.slice(i + 1), many, st);
    if (name === "-") return { state: st };
    const text = ctx.fs.read(resolvePath(ctx.cwd, name));
    if (isFsError(text)) {
      st.errors = true;
      if (!o.flags.has("s")) ctx.err(ctx.sys.toolbox === "busybox" ? `grep: can't open '${name}': ${text.message}\n` : `grep: ${name}: ${text.message}\n`);
      continue;
    }
    if (scan(ctx, o, st, name, text) === "quit") return 0;
    endInput(ctx, o, st, name);
  }
  return status(ctx, o, st);
}

export const GREP_FILTER: Filter<GrepState> = {
  start(ctx) {
    const o = parse(ctx);
    if ("error" in o) {
      ctx.err(o.error);
      return o.code;
    }
    return files(ctx, o, o.files.length ? o.files : ["-"], undefined);
  },
  feed(ctx, st, text, eof) {
    const o = parse(ctx);
    if ("error" in o) return o.code;
    const r = scan(ctx, o, st, STDIN, text);
    if (r === "quit") return 0;
    if (r === "more" && !eof) return { state: st };
    endInput(ctx, o, st, STDIN);
    return files(ctx, o, st.rest, st);
  },
};
