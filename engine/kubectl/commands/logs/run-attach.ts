/**
 * What `kubectl run -i`/`--attach` does once the pod is created (pkg/cmd/run/run.go
 * handleAttachPod and the exit-code wait): wait for the pod to run and be ready, print
 * what its container wrote before attach connects and attach to it (or, if it already
 * finished, print its log), then, for restart policy Never or OnFailure, wait for the pod
 * to finish and return the container's exit code.
 */
import type { KubeObject } from "../../../api/object";
import type { KubectlEnv } from "../../command";
import { formatError } from "../../errors";
import { attachContainer, attachedLog } from "./attach";
import { containerLog, runtimeID } from "./container-log";
import { defaultContainer } from "./pod-target";
import { FOLLOW_POLL_MS } from "./headless-follow";
import { renderLog } from "./log-filter";
import type { TtyRequest } from "./setup-tty";

export interface RunAttachRequest extends TtyRequest {
  readonly name: string;
  readonly restartPolicy: string;
  readonly leaveStdinOpen: boolean;
  readonly timeoutMs: number;
}

/** `error` is printed as it is, after `--rm` has deleted what run created. */
export interface RunAttachResult {
  readonly status: number;
  readonly error?: string;
  /** kubectl ended by Ctrl-C: nothing more runs, not even `--rm` */
  readonly interrupted?: boolean;
}

type Terminated = { exitCode?: number; reason?: string; message?: string };
type PodStatus = { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { state?: { terminated?: Terminated } }[] };

/** A watch condition: true ends the wait, COMPLETED ends it early (the pod finished), false waits on. */
type Condition = (pod: KubeObject) => boolean | typeof COMPLETED;

const phase = (pod: KubeObject) => ((pod.status ?? {}) as PodStatus).phase;
const finished = (pod: KubeObject) => phase(pod) === "Succeeded" || phase(pod) === "Failed";
/** run.go's ErrPodCompleted */
const COMPLETED = "pod ran to completion";

const runningAndReady: Condition = (pod) => {
  if (finished(pod)) return COMPLETED;
  return phase(pod) === "Running" && Boolean(((pod.status ?? {}) as PodStatus).conditions?.some((c) => c.type === "Ready" && c.status === "True"));
};

/** waitForPod: the pod once `until` holds, or the error text kubectl prints. */
async function waitForPod(env: KubectlEnv, name: string, timeoutMs: number, until: Condition): Promise<{ pod: KubeObject; completed?: boolean } | { error: string }> {
  const deadline = env.api.now() + timeoutMs;
  for (;;) {
    const pod = env.api.store.get("pods", env.namespace, name);
    // the watch's Deleted event: NewNotFound with no name
    if (!pod) return { error: formatError({ status: "Failure", reason: "NotFound", code: 404, message: 'pods "" not found' }) };
    const met = until(pod);
    if (met === COMPLETED) return { pod, completed: true };
    if (met) return { pod };
    if (env.signal.aborted || env.api.now() >= deadline) return { error: "error: timed out waiting for the condition" };
    await env.sleep(Math.min(FOLLOW_POLL_MS, deadline - env.api.now()));
  }
}

/** logOpts: a pod that finished before kubectl could attach shows its log instead. */
function printLog(env: KubectlEnv, pod: KubeObject, container: string): string | undefined {
  const log = containerLog(pod, container, { previous: false }, (id) => env.runtime.logs(runtimeID(id), env.api.now()));
  if (!log.ok) return formatError(log.error);
  env.out(renderLog(log.value, { timestamps: false }));
  return undefined;
}

/** The exit code of a finished pod, as run.go turns its phase into kubectl's status. */
function exitStatus(pod: KubeObject): RunAttachResult {
  const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
  if (phase(pod) === "Succeeded") return { status: 0 };
  const terminated = ((pod.status ?? {}) as PodStatus).containerStatuses?.[0]?.state?.terminated;
  if (!terminated?.exitCode) return { status: 1, error: `error: pod ${ref} failed with unknown exit code` };
  return { status: terminated.exitCode, error: `pod ${ref} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}` };
}

export async function runAttach(env: KubectlEnv, req: RunAttachRequest): Promise<RunAttachResult> {
  const started = await waitForPod(env, req.name, req.timeoutMs, runningAndReady);
  if ("error" in started) return { status: 1, error: started.error };
  // GetContainerName: the annotated or first container
  const chosen = defaultContainer(started.pod, env.err, { quiet: req.quiet, verb: "exec" });
  if (!chosen.ok) return { status: 1, error: formatError(chosen.error) };
  const container = chosen.value;
  if (started.completed) {
    const error = printLog(env, started.pod, container);
    if (error) return { status: 1, error };
  } else {
    // the pre-attach logs: output written before attach connects is not lost
    const before = attachedLog(env, started.pod, container);
    env.out(renderLog(before, { timestamps: false }));
    if ((await attachContainer(env, started.pod, container, req, before[before.length - 1])) === "interrupted") return { status: 130, interrupted: true };
  }
  const waitForExitCode = !req.leaveStdinOpen && (req.restartPolicy === "Never" || req.restartPolicy === "OnFailure");
  if (!waitForExitCode) return { status: 0 };
  // Never ends with either phase; OnFailure restarts a failed container, so only success counts
  const done: Condition = req.restartPolicy === "Never" ? finished : (pod) => phase(pod) === "Succeeded";
  const ended = await waitForPod(env, req.name, req.timeoutMs, done);
  return "error" in ended ? { status: 1, error: ended.error } : exitStatus(ended.pod);
}
