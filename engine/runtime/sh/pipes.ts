/**
 * Pipes between pipeline stages. A writer appends and is told when the reader has gone
 * (SIGPIPE) or the pipe is full (it waits, as write(2) blocks on a full pipe); a reader
 * takes a line, whole lines, or everything, and otherwise learns when to look again.
 */
import type { PipeState, PipeTable } from "./process-state";

/** Linux's default pipe capacity: a writer past it waits for the reader. */
export const PIPE_CAPACITY = 64 * 1024;

export function openPipe(table: PipeTable, at: number): number {
  const id = table.next++;
  table.open[id] = { buf: "", at, closed: false, broken: false };
  return id;
}

export type WriteResult = "ok" | "full" | "broken";

export function pipeWrite(p: PipeState, text: string, at: number): WriteResult {
  if (p.broken) return "broken";
  p.buf += text;
  p.at = Math.max(p.at, at);
  return p.buf.length > PIPE_CAPACITY ? "full" : "ok";
}

/** What a reader waits for: a whole line (`read`, a filter) or the end of input (a utility that reads it all). */
export type Want = "line" | "eof" | "room";

/** Whether the pipe can satisfy `want` now (for "room": whether a writer may go on). */
export function pipeReady(p: PipeState | undefined, want: Want): boolean {
  if (!p) return true;
  if (want === "room") return p.broken || p.buf.length <= PIPE_CAPACITY;
  if (want === "eof") return p.closed || p.buf !== "";
  return p.closed || p.buf.includes("\n");
}

/** One line (without its newline), or what is left at end of input; undefined once nothing more can come. */
export function pipeReadLine(p: PipeState): { line: string; complete: boolean } | undefined {
  const nl = p.buf.indexOf("\n");
  if (nl >= 0) {
    const line = p.buf.slice(0, nl);
    p.buf = p.buf.slice(nl + 1);
    return { line, complete: true };
  }
  if (!p.closed || p.buf === "") return undefined;
  const line = p.buf;
  p.buf = "";
  return { line, complete: false };
}

/** Every whole line that arrived (with newlines), and at end of input the unterminated rest too. */
export function pipeTakeLines(p: PipeState): string {
  const end = p.closed ? p.buf.length : p.buf.lastIndexOf("\n") + 1;
  const text = p.buf.slice(0, end);
  p.buf = p.buf.slice(end);
  return text;
}

export function pipeTakeAll(p: PipeState): string {
  const text = p.buf;
  p.buf = "";
  return text;
}
