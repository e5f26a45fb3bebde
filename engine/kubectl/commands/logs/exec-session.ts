/**
 * `kubectl exec -i` at the learner's terminal: the remote command reads what is typed.
 * A shell shows its prompt, runs each line in the container (its variables and directory
 * kept between lines) and ends with `exit` or Ctrl-D; its exit status comes back as
 * exec's. Time a line spends (a `sleep`) passes in the cluster too.
 */
import type { SessionStep } from "../../../runtime/types";
import type { Terminal } from "../../../shell/terminal";
import type { KubectlEnv } from "../../command";

export interface SessionStart {
  readonly container: string;
  readonly argv: readonly string[];
  /** under -t stderr arrives on stdout, as one stream */
  readonly raw: boolean;
}

/** The session's outcome: its exit status, the refusal to start it (runc's text), or Ctrl-C ending kubectl. */
export type SessionEnd = { readonly exitCode: number } | { readonly startError: string } | { readonly interrupted: true };

async function show(env: KubectlEnv, step: SessionStep): Promise<void> {
  env.out(step.stdout);
  env.err(step.stderr);
  if (step.elapsedMs > 0) await env.sleep(step.elapsedMs);
}

export async function execSession(env: KubectlEnv, terminal: Terminal, start: SessionStart): Promise<SessionEnd> {
  const opened = env.runtime.openSession(start.container, start.argv, start.raw, env.api.now());
  if (!("kind" in opened)) {
    if (opened.startError !== undefined) return { startError: opened.startError };
    env.out(opened.stdout);
    env.err(opened.stderr);
    return { exitCode: opened.exitCode };
  }
  let step: SessionStep = opened;
  for (;;) {
    await show(env, step);
    if (step.kind === "exited") return { exitCode: step.exitCode };
    const typed = await terminal.read(step.prompt);
    // Ctrl-C under a TTY goes to the remote shell, which drops the line; without one it ends kubectl
    if (typed.kind === "interrupt" && !start.raw) return { interrupted: true };
    const line = typed.kind === "line" ? typed.text : typed.kind === "eof" ? null : "";
    step = env.runtime.sessionInput(step.session, line, env.api.now());
  }
}
