/** Streams inside the interpreter: a consumable stdin, and sinks that output goes to. */
import type { Terminal } from "./terminal";

/** Standard input shared by the commands of a redirected block, so `read` takes one line at a time. */
export class Input {
  private pos = 0;

  /** `terminal`: the stdin is the learner's terminal itself, which nothing was piped or redirected over */
  constructor(
    private readonly data: string,
    readonly terminal?: Terminal,
  ) {}

  static empty(): Input {
    return new Input("");
  }

  readAll(): string {
    const rest = this.data.slice(this.pos);
    this.pos = this.data.length;
    return rest;
  }

  /** One line without its newline; `complete` is false when input ended before a newline. */
  readLine(): { line: string; complete: boolean } | undefined {
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf("\n", this.pos);
    if (nl < 0) return { line: this.readAll(), complete: false };
    const line = this.data.slice(this.pos, nl);
    this.pos = nl + 1;
    return { line, complete: true };
  }
}

export interface Sink {
  write(s: string): void;
}

/** Collects output in memory: the left side of a pipe, `$(...)`, `<(...)`. */
export class Capture implements Sink {
  private readonly chunks: string[] = [];

  write(s: string): void {
    this.chunks.push(s);
  }

  text(): string {
    return this.chunks.join("");
  }
}

export const DISCARD: Sink = { write: () => undefined };

/** The streams of one command, plus whether stdout is the terminal (ls prints columns there). */
export interface Io {
  stdin: Input;
  stdout: Sink;
  stderr: Sink;
  tty: boolean;
}
