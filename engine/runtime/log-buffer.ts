/** A container's log: whole lines with the virtual time they were written, capped, oldest dropped first. */
import type { ContainerState } from "./container-state";
import type { LogLine } from "./types";

export const LOG_MAX_LINES = 10_000;
export const LOG_MAX_BYTES = 1024 * 1024;
/** Trimming waits for this much overshoot, so a flood does not shift the array on every line. */
const SLACK = 1.25;

/** Appends output; a line without its newline waits until the rest of it arrives. */
export function appendLog(c: ContainerState, stream: "stdout" | "stderr", text: string, at: number): void {
  const parts = (c.partial[stream] + text).split("\n");
  c.partial[stream] = parts.pop() ?? "";
  for (const line of parts) {
    c.log.push({ time: at, stream, text: line });
    c.logBytes += line.length + 1;
  }
  trim(c);
}

/** A process ended: its unfinished last line still shows in the log. */
export function flushLog(c: ContainerState, at: number): void {
  for (const stream of ["stdout", "stderr"] as const) {
    if (c.partial[stream] === "") continue;
    c.log.push({ time: at, stream, text: c.partial[stream] });
    c.logBytes += c.partial[stream].length;
    c.partial[stream] = "";
  }
  trim(c);
}

/** The retained lines: the newest LOG_MAX_LINES within LOG_MAX_BYTES. */
export function visibleLog(c: ContainerState): readonly LogLine[] {
  if (c.log.length <= LOG_MAX_LINES && c.logBytes <= LOG_MAX_BYTES) return c.log;
  let start = Math.max(0, c.log.length - LOG_MAX_LINES);
  let bytes = c.log.slice(start).reduce((n, l) => n + l.text.length + 1, 0);
  while (bytes > LOG_MAX_BYTES) bytes -= c.log[start++].text.length + 1;
  return c.log.slice(start);
}

function trim(c: ContainerState): void {
  if (c.log.length <= LOG_MAX_LINES * SLACK && c.logBytes <= LOG_MAX_BYTES * SLACK) return;
  let drop = 0;
  let bytes = c.logBytes;
  while (c.log.length - drop > LOG_MAX_LINES || bytes > LOG_MAX_BYTES) {
    bytes -= c.log[drop].text.length + 1;
    drop++;
  }
  if (drop > 0) {
    c.log.splice(0, drop);
    c.logBytes = bytes;
  }
}
