/**
 * The `read` builtin: one line of stdin split into variables by IFS (the last one takes
 * the rest), backslashes escaping unless -r; status 1 at the end of input. Its stdin is
 * its own redirection (`read x < file` reads the first line, and again the first next
 * time), what the shell's stdin has left (a here-document, `while read ...; done < file`),
 * or a pipeline pipe, where it waits for a whole line.
 */
import { splitForRead } from "../../shell/builtins/read";
import type { Machine } from "./machine";
import { pipeReady } from "./pipes";
import type { Io } from "./simple-command";
import { waitForLine } from "./stage-io";

const DEFAULT_IFS = " \t\n";

interface Line {
  /** as read, backslashes and all */
  readonly line: string;
  /** it ended with a newline (else the input ended first) */
  readonly complete: boolean;
  /** how much of the input it used, newline included */
  readonly used: number;
}

/** The first line of `text`; without -r a backslash before the newline joins the next line on. */
function firstLine(text: string, raw: boolean): Line | undefined {
  if (text === "") return undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && !raw) {
      i++;
      continue;
    }
    if (text[i] === "\n") return { line: text.slice(0, i), complete: true, used: i + 1 };
  }
  return { line: text, complete: false, used: text.length };
}

/** Backslash-newline vanishes and `\c` is c, as without -r. */
function unescape(line: string): string {
  return line.replace(/\\(\n|[\s\S])/g, (_, c: string) => (c === "\n" ? "" : c));
}

/** Takes a line from wherever stdin is; "wait" (with how much the pipe holds) when a pipe has no whole line yet. */
function takeLine(m: Machine, io: Io, raw: boolean): Line | undefined | { wait: number } {
  if (io.ownStdin) return firstLine(io.stdin, raw);
  if (io.stdinPipe !== undefined) {
    const pipe = m.pipeTable().open[io.stdinPipe];
    if (!pipe) return undefined;
    const got = firstLine(pipe.buf, raw);
    if (!pipeReady(pipe, "line") || (got && !got.complete && !pipe.closed)) return { wait: pipe.buf.length };
    if (got) pipe.buf = pipe.buf.slice(got.used);
    return got;
  }
  const got = firstLine(io.stdin, raw);
  if (got) m.consumeStdin(io.stdin.slice(got.used));
  return got;
}

/** `read [-r] [-p PROMPT] [-t SECS] [-n N] [-d DELIM] [-u FD] [NAME...]` */
export function readBuiltin(m: Machine, argv: readonly string[], io: Io): number {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (names.length === 0 && /^-[A-Za-z]+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === "r") raw = true;
        else if ("ptndu".includes(a[j])) {
          // the option takes a value: the rest of this word, or the next one
          if (j === a.length - 1) i++;
          break;
        }
      }
      continue;
    }
    names.push(a);
  }
  const got = takeLine(m, io, raw);
  if (got && "wait" in got) {
    if (io.stdinPipe !== undefined) waitForLine(m, argv, { ...io, stdinPipe: io.stdinPipe }, got.wait);
    return m.st.status;
  }
  const line = got === undefined ? "" : raw ? got.line : unescape(got.line);
  if (names.length === 0) m.setVar("REPLY", line);
  else {
    const ifs = io.env?.IFS ?? m.param("IFS") ?? DEFAULT_IFS;
    splitForRead(line, names.length, ifs).forEach((v, i) => m.setVar(names[i], v));
  }
  return got?.complete ? 0 : 1;
}
