/**
 * `tail -f` after its first output. Each look at the files prints what was appended since
 * the last one (with a `==> name <==` header when the output switches files), notices a
 * truncated, vanished or reappearing file and words it as GNU coreutils or BusyBox do, and
 * says when to look again: BusyBox sleeps a second between looks, and GNU's polling loop
 * does the same.
 */
import { utf8Length } from "../../../shell/vfs-path";
import { isFsError, type FileSystem } from "../../fs/container-fs";
import type { FollowedFile, TailFollow } from "../process-state";
import { gnuQuote } from "./gnu-quote";

export interface FollowOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Looks at every followed file once. Returns tail's exit status when it gives up, else undefined. */
export function pollFollow(f: TailFollow, fs: FileSystem, io: FollowOutput): number | undefined {
  f.files.forEach((file, i) => {
    if (file.state === "open") readMore(f, file, i, fs, io);
    else if (file.state === "missing") lookFor(f, file, i, fs, io);
  });
  return givesUp(f, io);
}

/** When to look again; never when nothing followed can change, so `tail -f /dev/null` costs no wake-ups. */
export function nextPoll(f: TailFollow, now: number): number | null {
  return f.files.some((x) => x.state === "open" || x.state === "missing") ? now + f.intervalMs : null;
}

/** GNU tail ends with "no files remaining" once no file it follows can still produce output (BusyBox never ends). */
export function givesUp(f: TailFollow, io: FollowOutput): number | undefined {
  if (!f.gnu || (f.byName && f.retry)) return undefined;
  if (f.files.some((x) => x.state === "open" || x.state === "still" || (x.state === "missing" && f.retry))) return undefined;
  io.err("tail: no files remaining\n");
  return 1;
}

function readMore(f: TailFollow, file: FollowedFile, i: number, fs: FileSystem, io: FollowOutput): void {
  const text = fs.read(file.path);
  if (isFsError(text)) {
    vanished(f, file, text.message, io);
    return;
  }
  if (text.length === file.chars) return;
  file.chars = text.length;
  const size = utf8Length(text);
  if (size < file.offset) {
    if (f.gnu) io.err(`tail: ${gnuQuote(file.name, false)}: file truncated\n`);
    // BusyBox rewinds only once the file has something in it again.
    if (f.gnu || size > 0) file.offset = 0;
  }
  if (size <= file.offset) return;
  if (f.headers && f.last !== i) io.out(`\n==> ${file.name} <==\n`);
  f.last = i;
  io.out(fromByte(text, file.offset));
  file.offset = size;
}

/** Followed by descriptor, a deleted file is still open but never grows; followed by name, it is looked for again. */
function vanished(f: TailFollow, file: FollowedFile, reason: string, io: FollowOutput): void {
  if (!f.byName) {
    file.state = "still";
    return;
  }
  if (!f.gnu) io.err(`tail: ${file.name} has become inaccessible: ${reason}\n`);
  else if (f.retry) io.err(`tail: ${gnuQuote(file.name, true)} has become inaccessible: ${reason}\n`);
  else io.err(`tail: ${gnuQuote(file.name, false)}: ${reason}\n`);
  file.state = "missing";
  file.offset = 0;
  file.chars = 0;
}

/** A missing file that is there again is followed from its start. */
function lookFor(f: TailFollow, file: FollowedFile, i: number, fs: FileSystem, io: FollowOutput): void {
  if (isFsError(fs.read(file.path))) return;
  io.err(f.gnu ? `tail: ${gnuQuote(file.name, true)} has appeared;  following new file\n` : `tail: ${file.name} has appeared; following end of new file\n`);
  file.state = "open";
  file.offset = 0;
  file.chars = -1;
  readMore(f, file, i, fs, io);
}

/** The text after its first `offset` bytes (UTF-8). */
function fromByte(text: string, offset: number): string {
  if (offset === 0) return text;
  return new TextDecoder().decode(new TextEncoder().encode(text).subarray(offset));
}
