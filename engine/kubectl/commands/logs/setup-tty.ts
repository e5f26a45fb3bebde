/**
 * StreamOptions.SetupTTY (pkg/cmd/exec/exec.go), shared by `exec` and the attach of
 * `run -i`: a TTY is used only when stdin is passed and is a terminal. The learner's
 * terminal is the stdin of a command that nothing is piped or redirected into; under a
 * TTY the remote stdout and stderr arrive as one stream.
 */
import type { KubectlEnv } from "../../command";

export interface TtyRequest {
  /** -i */
  readonly stdin: boolean;
  /** -t */
  readonly tty: boolean;
  readonly quiet: boolean;
}

/** Whether the session runs in raw terminal mode; says so when -t cannot be honoured. */
export function setupTty(env: KubectlEnv, req: TtyRequest): boolean {
  if (!req.stdin || !req.tty) return false;
  if (env.stdin === "") return true;
  if (!req.quiet) env.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
  return false;
}
