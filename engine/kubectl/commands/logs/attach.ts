/**
 * AttachOptions.Run (pkg/cmd/attach/attach.go) for a container that runs: the TTY set-up,
 * the notice that the session is recorded, then the container's output as it is written
 * until its process exits, and under a TTY the line saying how to attach again.
 */
import type { KubeObject } from "../../../api/object";
import type { LogLine } from "../../../runtime/types";
import type { KubectlEnv } from "../../command";
import { runtimeID } from "./container-log";
import { endsByItself, FOLLOW_POLL_MS, HEADLESS_FOLLOW_LIMIT_MS, linesAfter } from "./headless-follow";
import type { TtyRequest } from "./setup-tty";
import { setupTty } from "./setup-tty";

/** `exited`: the container's process ended; `interrupted`: Ctrl-C (or its headless stand-in) ended kubectl. */
export type AttachEnd = "exited" | "interrupted";

type ContainerStatus = { name: string; containerID?: string; state?: { running?: object } };

function runningID(pod: KubeObject | undefined, container: string): string | undefined {
  const statuses = ((pod?.status ?? {}) as { containerStatuses?: ContainerStatus[] }).containerStatuses ?? [];
  const c = statuses.find((s) => s.name === container);
  return c?.state?.running ? c.containerID : undefined;
}

/** The container instance's log, as the attach stream reads it. */
export function attachedLog(env: KubectlEnv, pod: KubeObject, container: string): readonly LogLine[] {
  return env.runtime.logs(runtimeID(runningID(pod, container) ?? ""), env.api.now());
}

/**
 * The attach stream: what the running instance writes after `after`, until it exits. With
 * -i at the learner's terminal, a PID 1 that reads its stdin (a shell started with
 * `stdin: true`) gets each typed line once it is back at its prompt.
 */
async function stream(env: KubectlEnv, pod: KubeObject, container: string, req: { raw: boolean; stdin: boolean }, after: LogLine | undefined): Promise<AttachEnd> {
  const namespace = pod.metadata.namespace ?? env.namespace;
  const name = pod.metadata.name ?? "";
  const id = runningID(pod, container);
  const terminal = req.stdin ? env.terminal : undefined;
  const start = env.api.now();
  let last = after;
  let typed = false;
  for (;;) {
    const fresh = linesAfter(attachedLog(env, pod, container), last);
    if (fresh.length) last = fresh[fresh.length - 1];
    for (const line of fresh) {
      if (req.raw || line.stream === "stdout") env.out(line.text + "\n");
      else env.err(line.text + "\n");
    }
    const now = env.api.store.get("pods", namespace, name);
    if (runningID(now, container) !== id) return "exited";
    if (env.signal.aborted) return "interrupted";
    const prompt = terminal && id ? env.runtime.attachPrompt(runtimeID(id), env.api.now()) : undefined;
    if (terminal && id && prompt !== undefined) {
      const input = await terminal.read(prompt);
      if (input.kind === "interrupt" && !req.raw) return "interrupted";
      if (input.kind !== "interrupt") env.runtime.attachInput(runtimeID(id), input.kind === "line" ? input.text : null, env.api.now());
      typed = true;
      env.settle();
      continue;
    }
    // a typed command still running (`sleep 5`) is waited for, as the terminal would
    if (env.headless && !typed && (env.api.now() - start >= HEADLESS_FOLLOW_LIMIT_MS || (!fresh.length && !endsByItself(now, container)))) return "interrupted";
    await env.sleep(FOLLOW_POLL_MS);
  }
}

/** Attaches to `container` of a running pod and streams its output after `after` until the process ends. */
export async function attachContainer(env: KubectlEnv, pod: KubeObject, container: string, req: TtyRequest, after?: LogLine): Promise<AttachEnd> {
  const raw = setupTty(env, req);
  if (!req.quiet) {
    env.err("All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n");
    env.err("If you don't see a command prompt, try pressing enter.\n");
  }
  const end = await stream(env, pod, container, { raw, stdin: req.stdin }, after);
  // reattachMessage: only a terminal session can be resumed
  if (end === "exited" && raw && !req.quiet) {
    env.out(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container} -n ${pod.metadata.namespace ?? env.namespace} -i -t' command\n`);
  }
  return end;
}
