/**
 * awk inside containers: BusyBox's (editors/awk.c) or mawk 1.3.4 (Debian's awk) by the
 * image's toolbox, on the learner's shell's interpreter (shell/coreutils/awk): -F, -v, -f,
 * patterns and ranges, BEGIN/END, print and printf, arrays, functions. On a pipe it takes
 * each record as it arrives, keeping its variables between pieces of input, and runs END
 * at the end of input.
 */
import { parseProgram, records } from "../../../shell/coreutils/awk/awk";
import { AwkInterp, type AwkState } from "../../../shell/coreutils/awk/interp";
import type { AwkProgram } from "../../../shell/coreutils/awk/parser";
import { unescape } from "../../../shell/coreutils/format";
import { resolvePath } from "../../../shell/vfs-path";
import { isFsError } from "../../fs/container-fs";
import type { CommandContext, Filter } from "../command";
import { usage } from "./busybox";

const BUSYBOX_USAGE = "awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f FILE\t\tRead program from FILE\n\t-e AWK_PROGRAM\n";
const MAWK_USAGE = "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n";

interface Invocation {
  readonly prog: AwkProgram;
  readonly fs?: string;
  readonly assigns: readonly (readonly [string, string])[];
  readonly operands: readonly string[];
}

/** What awk keeps between pieces of stdin: the interpreter's variables, the record counts, the operands after `-`. */
interface AwkFilterState {
  readonly interp: AwkState;
  readonly nr: number;
  readonly fnr: number;
  readonly rest: readonly string[];
  /** a record separator other than newline: the records are cut once all of stdin is there */
  readonly gathered?: string;
}

function fail(ctx: CommandContext, message: string): number {
  ctx.err(message);
  return ctx.sys.toolbox === "busybox" ? 1 : 2;
}

function cannotOpen(ctx: CommandContext, name: string, message: string): string {
  return ctx.sys.toolbox === "busybox" ? `awk: can't open '${name}': ${message}\n` : `awk: cannot open ${name} (${message})\n`;
}

function invocation(ctx: CommandContext): Invocation | number {
  const busybox = ctx.sys.toolbox === "busybox";
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  const sources: { text: string; name: string }[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    const value = (flag: string): string | undefined => (a.length > flag.length ? a.slice(flag.length) : args[++i]);
    if (a.startsWith("-F")) {
      const v = value("-F") ?? "";
      fs = v === "t" && !busybox ? "\t" : unescape(v).text;
    } else if (a.startsWith("-v")) {
      const v = value("-v") ?? "";
      const eq = v.indexOf("=");
      if (eq <= 0) return fail(ctx, busybox ? usage(ctx, BUSYBOX_USAGE) : `awk: improper assignment: -v ${v}\n`);
      assigns.push([v.slice(0, eq), unescape(v.slice(eq + 1)).text]);
    } else if (a.startsWith("-f")) {
      const file = value("-f") ?? "";
      const text = ctx.fs.read(resolvePath(ctx.cwd, file));
      if (isFsError(text)) return fail(ctx, busybox ? cannotOpen(ctx, file, text.message) : `awk: couldn't open file ${file}\n`);
      sources.push({ text, name: file });
    } else if (a.startsWith("-e") && busybox) sources.push({ text: value("-e") ?? "", name: "cmd. line" });
    else return fail(ctx, busybox ? `awk: invalid option -- '${a[1]}'\n${usage(ctx, BUSYBOX_USAGE)}` : `awk: not an option: ${a}\n${MAWK_USAGE}`);
  }
  if (sources.length === 0) {
    if (i >= args.length) return fail(ctx, busybox ? usage(ctx, BUSYBOX_USAGE) : MAWK_USAGE);
    sources.push({ text: args[i++], name: "cmd. line" });
  }
  const text = sources.map((s) => s.text).join("\n");
  const prog = parseProgram(text);
  if ("error" in prog) {
    // BusyBox names the program's source and line, and says what it could not take (editors/awk.c syntax_error)
    const name = sources.length === 1 ? sources[0].name : "cmd. line";
    const line = Math.min(prog.line, text.split("\n").length);
    return fail(ctx, busybox ? `awk: ${name}:${line}: ${prog.lexical ? "Unexpected end of string" : "Unexpected token"}\n` : `${prog.error}\n`);
  }
  return { prog, fs, assigns, operands: args.slice(i) };
}

function interpreter(ctx: CommandContext, inv: Invocation): AwkInterp {
  return new AwkInterp(
    inv.prog,
    {
      stdout: (s) => ctx.out(s),
      stderr: (s) => ctx.err(s),
      writeFile: (path, text, append) => ctx.fs.write(resolvePath(ctx.cwd, path), text, append)?.message,
      aborted: () => false,
    },
    ctx.env,
  );
}

/** The exit status once awk ends: after END (unless an error stopped it), its exit code or the error. */
function finish(ctx: CommandContext, inv: Invocation, interp: AwkInterp, runEnd: boolean): number {
  if (runEnd && !interp.error) for (const block of inv.prog.end) if (interp.execAll(block) === "exit") break;
  interp.flush();
  if (interp.error) return fail(ctx, `${interp.error}\n`);
  return interp.exitCode;
}

/** Feeds records; "exit" when the program said so. */
function feedRecords(interp: AwkInterp, text: string, counts: { nr: number; fnr: number }): "exit" | undefined {
  for (const rec of records(text, interp.recordSeparator)) {
    if (interp.runRecord(++counts.nr, ++counts.fnr, rec) === "exit") return "exit";
    if (interp.error) return "exit";
  }
  return undefined;
}

/** Reads operands (files and `var=value`) until stdin comes up: its state then, or the exit status. Once stdin has ended, `-` reads nothing. */
function operands(ctx: CommandContext, inv: Invocation, interp: AwkInterp, names: readonly string[], nr: number, stdinDone: boolean): number | { state: AwkFilterState } {
  const counts = { nr, fnr: 0 };
  for (let i = 0; i < names.length; i++) {
    const op = names[i];
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(op);
    if (assign) {
      interp.setVar(assign[1], unescape(assign[2]).text);
      continue;
    }
    counts.fnr = 0;
    if (op === "-" && stdinDone) continue;
    if (op === "-") {
      interp.filename = "";
      interp.flush();
      return { state: { interp: interp.snapshot(), nr: counts.nr, fnr: 0, rest: names.slice(i + 1) } };
    }
    const text = ctx.fs.read(resolvePath(ctx.cwd, op));
    if (isFsError(text)) {
      interp.flush();
      return fail(ctx, cannotOpen(ctx, op, text.message));
    }
    interp.filename = op;
    if (feedRecords(interp, text, counts) === "exit") return finish(ctx, inv, interp, true);
  }
  return finish(ctx, inv, interp, true);
}

export const AWK_FILTER: Filter<AwkFilterState> = {
  start(ctx) {
    const inv = invocation(ctx);
    if (typeof inv === "number") return inv;
    const interp = interpreter(ctx, inv);
    if (inv.fs !== undefined) interp.setVar("FS", inv.fs);
    for (const [k, v] of inv.assigns) interp.setVar(k, v);
    for (const block of inv.prog.begin) if (interp.execAll(block) === "exit") return finish(ctx, inv, interp, true);
    if (interp.error) return finish(ctx, inv, interp, false);
    if (inv.prog.rules.length === 0 && inv.prog.end.length === 0) return finish(ctx, inv, interp, false);
    const files = inv.operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
    return operands(ctx, inv, interp, files.length ? inv.operands : [...inv.operands, "-"], 0, false);
  },
  feed(ctx, st, text, eof) {
    const inv = invocation(ctx);
    if (typeof inv === "number") return inv;
    const interp = interpreter(ctx, inv);
    interp.restore(st.interp);
    const whole = interp.recordSeparator !== "\n";
    if (whole && !eof) return { state: { ...st, gathered: (st.gathered ?? "") + text } };
    const counts = { nr: st.nr, fnr: st.fnr };
    if (feedRecords(interp, whole ? (st.gathered ?? "") + text : text, counts) === "exit") return finish(ctx, inv, interp, true);
    if (!eof) {
      interp.flush();
      return { state: { ...st, interp: interp.snapshot(), nr: counts.nr, fnr: counts.fnr } };
    }
    return operands(ctx, inv, interp, st.rest, counts.nr, true);
  },
};
