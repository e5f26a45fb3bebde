/**
 * A container process as plain data. The shell's position in its script is a stack of
 * frames that name AST nodes by path (script index + property path), so a snapshot holds
 * no parser objects: on restore the script text is parsed again and the frames still
 * point at the same nodes.
 */

/** Which /bin/sh the image has: BusyBox ash, Debian's dash, or bash; they word their errors differently. */
export type ShellFlavour = "ash" | "dash" | "bash";

/** An AST node: `s` indexes ProcState.scripts, `p` walks properties from that script's root. */
export interface NodeRef {
  readonly s: number;
  readonly p: readonly (string | number)[];
}

/** Where a file descriptor writes: the container log, a file, nowhere, the caller (exec, `$(...)`), or the next stage of a pipeline. */
export type Target =
  | { readonly kind: "log"; readonly stream: "stdout" | "stderr" }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "null" }
  | { readonly kind: "capture"; readonly stream: "stdout" | "stderr" }
  | { readonly kind: "pipe"; readonly id: number };

export interface Fds {
  readonly out: Target;
  readonly err: Target;
}

/** Variables, positional parameters and cwd a subshell restores when it ends. */
export interface SavedScope {
  readonly vars: Record<string, string>;
  readonly exported: readonly string[];
  readonly positional: readonly string[];
  readonly cwd: string;
}

/** A long-running program (nginx, redis-server, the liveness server ...) and its own data. */
export interface DaemonState {
  readonly program: string;
  readonly argv: readonly string[];
  readonly pid: number;
  readonly startedAt: number;
  /** program-specific settings and data (ports, document root, keys), as strings */
  readonly data: Record<string, string>;
  /** when it exits on its own or after the stop signal, and with which code */
  stopAt?: number;
  stopCode?: number;
}

/**
 * A file `tail -f` follows. `open`: it reads what is appended; `missing`: not there, looked
 * for again (`-F`, or after it vanished under `--follow=name`); `still`: open but nothing
 * more can come (/dev/null, stdin, a file deleted while followed by descriptor);
 * `ignored`: given up on (it could not be opened and is not retried).
 */
export interface FollowedFile {
  /** as given on the command line, for headers and messages */
  readonly name: string;
  /** absolute */
  readonly path: string;
  state: "open" | "missing" | "still" | "ignored";
  /** bytes of the file read and printed so far */
  offset: number;
  /** the file's length in UTF-16 units when last read, so an unchanged file costs no byte count */
  chars: number;
}

/** What `tail -f` keeps between its looks at its files: plain data, so a snapshot taken mid-follow resumes. */
export interface TailFollow {
  readonly files: FollowedFile[];
  /** GNU coreutils (its messages, "no files remaining") or BusyBox */
  readonly gnu: boolean;
  /** follows the name (`-F`, `--follow=name`): a deleted file is looked for again */
  readonly byName: boolean;
  /** `-F`, `--retry`: a missing file is retried, and does not end tail */
  readonly retry: boolean;
  readonly headers: boolean;
  /** `-s`: the pause between looks, 1 s by default (BusyBox sleeps, GNU polls) */
  readonly intervalMs: number;
  /** index of the file printed last: another file's output starts with its `==> name <==` header */
  last: number;
}

/**
 * A pipe between two stages of a pipeline (see pipeline.ts): what was written and not yet
 * read, when the last of it was written (a reader waiting for it wakes then), and which
 * ends are closed.
 */
export interface PipeState {
  buf: string;
  at: number;
  /** the writing stage has exited: once empty, the reader reads end of file */
  closed: boolean;
  /** the reading stage has exited: the next write kills the writer with SIGPIPE */
  broken: boolean;
}

/** The pipes of a process tree, kept by its root process so every stage names them by id. */
export interface PipeTable {
  next: number;
  readonly open: Record<number, PipeState>;
}

/** The I/O a command waiting on its stdin pipe runs with again once the pipe is ready (see simple-command.ts `Io`). */
export interface StageIo {
  readonly fds: Fds;
  readonly stdinPipe: number;
  readonly ref?: NodeRef;
  readonly env?: Readonly<Record<string, string>>;
  readonly pid: number;
}

export type Frame =
  | { readonly k: "list"; readonly n: NodeRef; i: number }
  | { readonly k: "andor"; readonly n: NodeRef; i: number }
  | { readonly k: "not" }
  | { readonly k: "loop"; readonly n: NodeRef; phase: "cond" | "body"; last: number }
  | { readonly k: "for"; readonly n: NodeRef; readonly name: string; readonly items: readonly string[]; i: number; last: number }
  | { readonly k: "if"; readonly n: NodeRef; branch: number; done: boolean }
  /** bash's `for ((init; test; update))` */
  | { readonly k: "cfor"; readonly n: NodeRef; started: boolean; last: number }
  /** a subshell, function call, trap or redirected compound command: what to restore or route when it ends */
  | {
      readonly k: "scope";
      readonly kind: "subshell" | "call" | "trap" | "redirect";
      readonly saved?: SavedScope;
      readonly fds?: Fds;
      /** what is left to read on stdin (`read` consumes it) */
      stdin?: string;
      readonly positional?: readonly string[];
      /** a nested shell (`sh -c` inside a script): its flavour and $0, for its messages */
      readonly shell?: { readonly flavour: ShellFlavour; readonly name: string };
    }
  /**
   * a foreground wait: `sleep` (until a time, null: forever), a daemon (the pid of one in
   * `daemons`), or `tail -f` (`follow`: it looks at its files again at `until`, writing to `fds`)
   */
  | {
      readonly k: "block";
      readonly until: number | null;
      readonly code: number;
      readonly daemon?: number;
      readonly interruptible?: boolean;
      readonly follow?: TailFollow;
      readonly fds?: Fds;
      /** an interactive shell waiting for the next line on its terminal (see session.ts) */
      readonly input?: boolean;
    }
  /** a program started directly (not through a shell): the container's command, `exec`, a probe */
  | { readonly k: "argv"; readonly argv: readonly string[] }
  /** the command a pipeline stage runs (its process starts here) */
  | { readonly k: "run"; readonly n: NodeRef }
  /** `a | b | c`: each stage a process of its own, run in time order until all have exited */
  | { readonly k: "pipeline"; readonly stages: ProcState[]; readonly pipes: readonly number[]; readonly negate: boolean }
  /**
   * a command waiting on its stdin pipe: `read` for a whole line, a utility that reads all
   * its input for the end of it (collecting what arrives in `got`, so the writer never
   * waits for room); then it runs again. `seen`: how much of the pipe a `read` already
   * found too little (a line continued with a backslash), so it waits for more
   */
  | { readonly k: "stdin"; readonly want: "line" | "eof"; readonly argv: readonly string[]; readonly io: StageIo; got: string; readonly seen?: number }
  /** a filter (grep, sed, awk ...) working through its stdin pipe line by line as it arrives, with its own state as plain data */
  | { readonly k: "filter"; readonly name: string; readonly argv: readonly string[]; readonly io: StageIo; state: unknown }
  /** a writer whose pipe is full waits until the reader makes room */
  | { readonly k: "drain"; readonly pipe: number }
  /** `time`: when the timed command started, and how to word the report */
  | { readonly k: "timed"; readonly start: number; readonly format: "busybox" | "busybox-posix" | "bash" | "bash-posix" };

export interface BackgroundJob {
  readonly pid: number;
  readonly until: number | null;
}

export interface ProcState {
  scripts: string[];
  frames: Frame[];
  vars: Record<string, string>;
  exported: string[];
  positional: string[];
  arg0: string;
  functions: Record<string, NodeRef>;
  traps: Record<string, string>;
  cwd: string;
  status: number;
  /** the virtual time the process has reached */
  clock: number;
  flavour: ShellFlavour;
  /** the pid of the shell itself (1 for the container's own process) */
  pid: number;
  lastBackgroundPid: number;
  /** a trapped signal waiting for the foreground command to finish */
  pendingTrap?: string;
  daemons: DaemonState[];
  jobs: BackgroundJob[];
  /** the root output of this process */
  fds: Fds;
  /** set once the process has exited */
  exitCode?: number;
  /** its stdout is a terminal (`kubectl exec -t`): `ls` prints columns */
  tty?: boolean;
  /** stdin stays open to a terminal (a container with `stdin: true`, `kubectl exec -i`): a shell reading it waits for lines */
  stdinOpen?: boolean;
  /** a pipeline stage reads this pipe when nothing redirects its stdin */
  stdinPipe?: number;
  /** what `ps` shows for a pipeline stage: its command line, or the forked shell's */
  command?: string;
  /** the pipes of this process tree (on the root process, once it runs a pipeline) */
  pipeTable?: PipeTable;
}

/**
 * A copy of a shell's state for a process of its own (a background job, a pipeline stage,
 * `$(...)`): its variables, functions and scripts, with no children, no traps pending and
 * no pipes of its parent's tree; `over` sets what differs.
 */
export function forkState(st: ProcState, over: Partial<ProcState> & Pick<ProcState, "pid" | "frames" | "fds">): ProcState {
  return {
    ...st,
    scripts: [...st.scripts],
    vars: { ...st.vars },
    exported: [...st.exported],
    positional: [...st.positional],
    functions: { ...st.functions },
    traps: { ...st.traps },
    daemons: [],
    jobs: [],
    pendingTrap: undefined,
    exitCode: undefined,
    stdinPipe: undefined,
    pipeTable: undefined,
    ...over,
  };
}

/** The process state for `argv` run directly at `now`. */
export function newProcess(argv: readonly string[], env: Readonly<Record<string, string>>, cwd: string, now: number, flavour: ShellFlavour, pid: number, fds: Fds): ProcState {
  return {
    scripts: [],
    frames: [{ k: "argv", argv: [...argv] }],
    vars: { ...env },
    exported: Object.keys(env),
    positional: [],
    arg0: argv[0] ?? "sh",
    functions: {},
    traps: {},
    cwd,
    status: 0,
    clock: now,
    flavour,
    pid,
    lastBackgroundPid: 0,
    daemons: [],
    jobs: [],
    fds,
  };
}
