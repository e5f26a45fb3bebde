import type { Program } from "../../program";
import { unescape } from "../format";
import { resolve } from "../io-helpers";
import { AwkInterp } from "./interp";
import { tokenize } from "./lexer";
import { AwkSyntaxError, Parser, type AwkProgram } from "./parser";

const USAGE = "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n";

/** The line mawk names in an error; past the end it counts one more line than the text has. */
function lineOf(src: string, pos: number): number {
  if (pos > src.length) return src.split("\n").length + 1;
  return src.slice(0, pos).split("\n").length;
}

/** A program that does not parse: mawk's error line, the line it names, and whether a token never ended (a string, a regex). */
export interface AwkParseError {
  readonly error: string;
  readonly line: number;
  readonly lexical: boolean;
}

/** Parses an awk program, or says why not. */
export function parseProgram(src: string): AwkProgram | AwkParseError {
  const toks = tokenize(src);
  if (!Array.isArray(toks)) return { error: `awk: line ${lineOf(src, toks.pos)}: ${toks.error}`, line: lineOf(src, toks.pos), lexical: true };
  try {
    return new Parser(toks).program();
  } catch (e) {
    if (e instanceof AwkSyntaxError) return { error: `awk: line ${lineOf(src, e.pos)}: ${e.message}`, line: lineOf(src, e.pos), lexical: false };
    throw e;
  }
}

/** Splits input into records by RS (a paragraph per record when RS is empty). */
export function records(text: string, rs: string): string[] {
  if (text === "") return [];
  if (rs === "") return text.replace(/^\n+/, "").split(/\n\n+/).map((r) => r.replace(/\n+$/, "")).filter((r) => r !== "");
  const sep = rs === "\n" ? "\n" : rs[0];
  const parts = text.split(sep);
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** awk (POSIX, with mawk's messages): patterns, actions, BEGIN/END, -F, -v, fields, arrays, functions. */
export const awk: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let source: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    const value = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : args[++i]);
    if (a.startsWith("-F")) {
      const v = value("-F") ?? "";
      fs = v === "t" ? "\t" : unescape(v).text;
    } else if (a.startsWith("-v")) {
      const v = value("-v") ?? "";
      const eq = v.indexOf("=");
      if (eq <= 0) {
        ctx.stderr(`awk: improper assignment: -v ${v}\n`);
        return 2;
      }
      assigns.push([v.slice(0, eq), unescape(v.slice(eq + 1)).text]);
    } else if (a.startsWith("-f")) {
      const file = value("-f") ?? "";
      const text = ctx.fs.readFile(resolve(ctx, file));
      if (text === undefined) {
        ctx.stderr(`awk: couldn't open file ${file}\n`);
        return 2;
      }
      source = (source ?? "") + text + "\n";
    } else {
      ctx.stderr(`awk: not an option: ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (source === undefined) {
    if (i >= args.length) {
      ctx.stderr(USAGE);
      return 2;
    }
    source = args[i++];
  }
  const operands = args.slice(i);
  const prog = parseProgram(source);
  if ("error" in prog) {
    ctx.stderr(prog.error + "\n");
    return 2;
  }
  const interp = new AwkInterp(
    prog,
    {
      stdout: (s) => ctx.stdout(s),
      stderr: (s) => ctx.stderr(s),
      writeFile: (path, text, append) => {
        const p = resolve(ctx, path);
        const err = append ? ctx.fs.appendFile(p, text) : ctx.fs.writeFile(p, text);
        return err?.message;
      },
      aborted: () => ctx.signal.aborted,
    },
    ctx.env,
  );
  if (fs !== undefined) interp.setVar("FS", fs);
  for (const [k, v] of assigns) interp.setVar(k, v);
  const finish = (): number => {
    interp.flush();
    if (interp.error) {
      ctx.stderr(interp.error + "\n");
      return 2;
    }
    return interp.exitCode;
  };
  let exited = false;
  for (const block of prog.begin) {
    if (interp.execAll(block) === "exit") {
      exited = true;
      break;
    }
  }
  if (interp.error) return finish();
  const readsInput = prog.rules.length > 0 || prog.end.length > 0;
  if (!exited && readsInput) {
    let nr = 0;
    const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
    const inputs = files.length ? operands : [...operands, "-"];
    outer: for (const op of inputs) {
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(op);
      if (assign) {
        interp.setVar(assign[1], unescape(assign[2]).text);
        continue;
      }
      const text = op === "-" ? ctx.stdin : ctx.fs.readFile(resolve(ctx, op));
      if (text === undefined) {
        interp.flush();
        ctx.stderr(`awk: cannot open ${op} (No such file or directory)\n`);
        return 2;
      }
      interp.filename = op === "-" ? "" : op;
      let fnr = 0;
      for (const rec of records(text, interp.recordSeparator)) {
        if (interp.runRecord(++nr, ++fnr, rec) === "exit") break outer;
      }
    }
  }
  if (!interp.error) {
    for (const block of prog.end) if (interp.execAll(block) === "exit") break;
  }
  return finish();
};
