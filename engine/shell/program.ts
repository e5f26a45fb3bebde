import type { Editor, Terminal } from "./terminal";
import type { Vfs } from "./vfs";

/** The streams a program talks through. `stdin` is everything piped or redirected in. */
export interface ProgramIO {
  stdin: string;
  stdout(s: string): void;
  stderr(s: string): void;
}

/** What the shell hands a program (kubectl, a coreutil) for one invocation. */
export interface ProgramContext extends ProgramIO {
  /** argv[0] is the program name as typed after alias expansion. */
  argv: string[];
  env: Readonly<Record<string, string>>;
  cwd: string;
  host: string;
  fs: Vfs;
  /** Headless: advances virtual time; browser: waits. */
  sleep(ms: number): Promise<void>;
  /** Aborted on Ctrl-C, or when the run hits its output cap. */
  signal: AbortSignal;
  /** Virtual ms epoch (the ShellHost clock), for `date` and `ls -l`. */
  now?(): number;
  /** True when stdout is the terminal itself (not a pipe, file or substitution), as isatty(1). */
  tty?: boolean;
  /** Present when stdin is the learner's terminal (interactive, nothing piped or redirected in). */
  terminal?: Terminal;
  /** The terminal's editor, for vi and `kubectl edit`; absent where there is none (a script). */
  editor?: Editor;
}

/** A command the shell can run; resolves to its exit status. */
export type Program = (ctx: ProgramContext) => Promise<number>;
