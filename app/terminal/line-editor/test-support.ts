import type { Completion, LineEditorHost } from "./host";
import { LineEditor, type LineEditorOptions } from "./line-editor";

/** What the editor did, in order; consecutive writes are joined. */
export type Event =
  | readonly ["write", string]
  | readonly ["submit", string]
  | readonly ["interrupt"]
  | readonly ["eof", string]
  | readonly ["clear"]
  | readonly ["complete", string, number];

export const PROMPT = "controlplane:~$ ";

/** A host that records every call and answers Tab from a list it is given. */
export class RecordingHost implements LineEditorHost {
  events: Event[] = [];
  /** The next answers to `complete`, first first; an Error rejects. */
  answers: Array<Completion | Error> = [];
  /** Called for each submit, e.g. to say the command needs more input. */
  onSubmit: (text: string) => void = () => {};

  write(data: string): void {
    const last = this.events[this.events.length - 1];
    if (last && last[0] === "write") this.events[this.events.length - 1] = ["write", last[1] + data];
    else this.events.push(["write", data]);
  }
  submit(text: string): void {
    this.events.push(["submit", text]);
    this.onSubmit(text);
  }
  interrupt(): void {
    this.events.push(["interrupt"]);
  }
  eof(pending: string): void {
    this.events.push(["eof", pending]);
  }
  clear(): void {
    this.events.push(["clear"]);
  }
  complete(line: string, cursor: number): Promise<Completion> {
    this.events.push(["complete", line, cursor]);
    const answer = this.answers.shift() ?? { start: cursor, candidates: [] };
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }

  /** The events since the last call. */
  take(): Event[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}

export interface Session {
  readonly editor: LineEditor;
  readonly host: RecordingHost;
  /** Feeds each chunk as one `onData` call and returns what happened. */
  type(...chunks: string[]): Event[];
}

/** An editor showing `prompt` (default controlplane:~$ ) on an 80-column terminal; the first prompt's bytes are already taken. */
export function session(options: Partial<LineEditorOptions> & { prompt?: string } = {}): Session {
  const host = new RecordingHost();
  const editor = new LineEditor(host, { columns: 80, ...options });
  editor.prompt(options.prompt ?? PROMPT);
  host.take();
  return {
    editor,
    host,
    type(...chunks) {
      for (const c of chunks) editor.feed(c);
      return host.take();
    },
  };
}

/** Lets pending promise callbacks (completion answers) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Key sequences as xterm sends them. */
export const K = {
  enter: "\r",
  tab: "\t",
  backspace: "\x7f",
  delete: "\x1b[3~",
  left: "\x1b[D",
  right: "\x1b[C",
  up: "\x1b[A",
  down: "\x1b[B",
  home: "\x1b[H",
  end: "\x1b[F",
  esc: "\x1b",
  ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 0x60),
  alt: (ch: string) => "\x1b" + ch,
  paste: (text: string) => `\x1b[200~${text}\x1b[201~`,
} as const;
