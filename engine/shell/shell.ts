import { Interp } from "./interpreter";
import { Input, type Io } from "./io";
import { LIMITS, RunLimits } from "./limits";
import type { Program } from "./program";
import { HISTORY_SIZE, HOME, newShellState, type ShellState } from "./shell-state";
import { needsMoreInput } from "./syntax-error";
import type { Editor, Terminal } from "./terminal";
import type { Vfs } from "./vfs";

/** What the engine supplies to a shell: the hosts' file systems, programs such as kubectl, and time. */
export interface ShellHost {
  /** undefined = no such host. */
  fs(host: string): Vfs | undefined;
  /** ssh targets (node names + controlplane). */
  hosts(): string[];
  /** e.g. { kubectl }, added by the workspace; they shadow coreutils of the same name. */
  programs: Readonly<Record<string, Program>>;
  sleep(ms: number): Promise<void>;
  /** Virtual ms epoch, for `date` and mtimes. */
  now(): number;
}

export interface ShellOutput {
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface RunOptions {
  /** Ctrl-C. */
  signal?: AbortSignal;
  /** Whether output goes to a terminal (default true); `ls` prints columns there. False for piped headless use. */
  tty?: boolean;
  /** The terminal the text was typed at, for programs that read further lines from it. */
  terminal?: Terminal;
  /** false: the text stays out of the history (an exercise's setup, run for the learner) */
  history?: boolean;
  /** The terminal's editor: `vi FILE` and `kubectl edit` open it. */
  editor?: Editor;
}

/**
 * The learner's shell. Its whole memory is a ShellState (plain JSON), so a workspace can
 * snapshot it between commands; each `run` executes text statement by statement.
 */
export class Shell {
  private st: ShellState;
  private loggedOut = false;

  /** `state` undefined starts a fresh login shell as root on the control plane. */
  constructor(
    state: ShellState | undefined,
    private readonly host: ShellHost,
  ) {
    this.st = state ? structuredClone(state) : newShellState();
    this.st.arrays ??= {};
  }

  /** Runs a line, a multi-line paste or a whole script; returns the last status. Never throws. */
  async run(text: string, out: ShellOutput, opts: RunOptions = {}): Promise<number> {
    if (text.length > LIMITS.input) {
      out.stderr(`bash: input too long: ${text.length} bytes (the limit is ${LIMITS.input})\n`);
      this.st.status = 1;
      return 1;
    }
    const limits = new RunLimits({ write: (s) => out.stderr(s) }, opts.signal);
    const io: Io = {
      stdin: new Input("", opts.terminal),
      stdout: limits.counted({ write: (s) => out.stdout(s) }, true),
      stderr: limits.counted({ write: (s) => out.stderr(s) }, true),
      tty: opts.tty ?? true,
    };
    const sh = new Interp(this.st, this.host, limits, opts.signal, opts.editor);
    let status: number;
    try {
      if (!this.st.started) await this.startup(sh, io);
      if (opts.history !== false) this.remember(text);
      sh.flow = undefined;
      status = await sh.runText(text, io);
      if (limits.tripped) status = opts.signal?.aborted ? 130 : 1;
      else if (opts.signal?.aborted) status = 130;
    } catch (e) {
      out.stderr(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    this.st = sh.st;
    this.st.status = status;
    if (sh.loggedOut) this.loggedOut = true;
    sh.removeProcFiles(true);
    return status;
  }

  /**
   * Runs text on `host` as `ssh host` would, then comes back to where the prompt was: for
   * what belongs to one host of a multi-cluster workspace (an exam task's setup or check).
   */
  async runOn(host: string, text: string, out: ShellOutput, opts: RunOptions = {}): Promise<number> {
    const from = this.st.host;
    const cwd = this.st.cwd[host];
    this.st.host = host;
    this.st.cwd[host] = HOME;
    this.st.vars.HOSTNAME = host;
    this.st.vars.PWD = HOME;
    try {
      return await this.run(text, out, opts);
    } finally {
      this.st.host = from;
      this.st.vars.HOSTNAME = from;
      this.st.vars.PWD = this.st.cwd[from] ?? HOME;
      if (cwd === undefined) delete this.st.cwd[host];
      else this.st.cwd[host] = cwd;
    }
  }

  /** A deep copy of everything the shell remembers; with `view`, the live value itself (see Workspace.snapshot). */
  state(view = false): ShellState {
    return view ? this.st : structuredClone(this.st);
  }

  /** `controlplane:~$ ` */
  prompt(): string {
    const cwd = this.st.cwd[this.st.host] ?? HOME;
    const home = this.st.vars.HOME ?? HOME;
    const shown = cwd === home ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.slice(home.length) : cwd;
    return `${this.st.host}:${shown}$ `;
  }

  /** True for an unfinished heredoc, quote, `if`, trailing `|` or `\`: the terminal then shows `> `. */
  needsMoreInput(text: string): boolean {
    return needsMoreInput(text);
  }

  /** True once `exit` ended the login shell on the control plane. */
  get exited(): boolean {
    return this.loggedOut;
  }

  /** Sources ~/.bashrc once per shell, as a login shell does. */
  private async startup(sh: Interp, io: Io): Promise<void> {
    this.st.started = true;
    const rc = sh.fs().readFile(`${sh.home()}/.bashrc`);
    if (rc !== undefined) await sh.withFrame("source", undefined, () => sh.runText(rc, io));
    sh.flow = undefined;
  }

  private remember(text: string): void {
    const line = text.replace(/\n+$/, "");
    if (line.trim() === "" || line.startsWith(" ")) return;
    const h = this.st.history;
    if (h[h.length - 1] !== line) h.push(line);
    if (h.length > HISTORY_SIZE) h.splice(0, h.length - HISTORY_SIZE);
  }
}
