/** Everything a learner's shell remembers between commands, as plain JSON. */
export interface ShellState {
  /** The host the prompt is on. */
  host: string;
  /** Hosts left by `ssh`, innermost last; `exit` returns to the last one. */
  sshStack: string[];
  /** Working directory per host. */
  cwd: Record<string, string>;
  vars: Record<string, string>;
  /** Indexed arrays (`a=(x y)`), dense; `$a` is `${a[0]}`. */
  arrays: Record<string, string[]>;
  /** Names of variables passed to programs. */
  exported: string[];
  aliases: Record<string, string>;
  /** Function definitions as their source text, e.g. `f() { echo hi; }`. */
  functions: Record<string, string>;
  history: string[];
  /** `$?` */
  status: number;
  /** Whether ~/.bashrc has been sourced. */
  started: boolean;
}

export const HOME = "/root";
export const CONTROL_PLANE = "controlplane";
export const HISTORY_SIZE = 1000;

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** A fresh login shell as root on `host`, before ~/.bashrc ran. */
export function newShellState(host = CONTROL_PLANE): ShellState {
  const vars: Record<string, string> = {
    HOME,
    USER: "root",
    LOGNAME: "root",
    SHELL: "/bin/bash",
    PATH,
    TERM: "xterm-256color",
    HOSTNAME: host,
    PWD: HOME,
    SHLVL: "1",
  };
  return {
    host,
    sshStack: [],
    cwd: { [host]: HOME },
    vars,
    arrays: {},
    exported: Object.keys(vars),
    aliases: {},
    functions: {},
    history: [],
    status: 0,
    started: false,
  };
}
