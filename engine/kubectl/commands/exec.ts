/**
 * `kubectl exec` (pkg/cmd/exec/exec.go): finds the pod (or a workload's first pod) and
 * the container, with every refusal kubectl, the API server and the kubelet give on the
 * way, then runs the command in the container through the runtime: its output, and its
 * exit status as `command terminated with exit code N`. Stdin reaches the command only
 * with -i; at the learner's terminal that opens a session reading typed lines (`-it -- sh`).
 * Under a TTY its stderr comes back on stdout.
 */
import type { KubeObject } from "../../api/object";
import type { CommandContext, CommandSpec } from "../command";
import { fail, usageError } from "../errors";
import { bool, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { parseDuration } from "./delete";
import { runtimeID } from "./logs/container-log";
import { execSession } from "./logs/exec-session";
import { defaultContainer, findContainer, objectFor, podsOf } from "./logs/pod-target";
import { setupTty } from "./logs/setup-tty";

const DEPRECATED_FORM = "kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n";

type ContainerStatus = { name: string; state?: { running?: object } };

/** The kubelet finds a container to exec into only while it runs. */
function isRunning(pod: KubeObject, container: string): boolean {
  const status = (pod.status ?? {}) as Record<string, ContainerStatus[] | undefined>;
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])];
  return Boolean(all.find((c) => c.name === container)?.state?.running);
}

/** exec.go Complete: the resource argument and the command, from where `--` was. */
function splitArgs(ctx: CommandContext, quiet: boolean): { resource: string; command: string[]; fromFile: boolean } {
  const args = ctx.args;
  const dash = ctx.flags.argsLenAtDash;
  const files = list(ctx.flags, "filename");
  let resource = args.length > 0 && dash !== 0 ? args[0] : "";
  let command: string[] = [];
  if (dash > -1) command = args.slice(dash);
  else if (args.length > 1) {
    if (!quiet) ctx.env.err(DEPRECATED_FORM);
    command = args.slice(1);
  } else if (args.length > 0 && files.length) {
    if (!quiet) ctx.env.err(DEPRECATED_FORM);
    command = args.slice(0);
    resource = "";
  }
  return { resource, command, fromFile: files.length > 0 };
}

/** `-f pod.yaml`: the object the file names, as `TYPE/NAME`. */
function resourceFromFile(ctx: CommandContext): { ok: true; value: string } | { ok: false; error: string } {
  const env = ctx.env;
  const m = readManifests(list(ctx.flags, "filename"), env.fs, env.cwd, env.stdin, false);
  if (!m.ok) return m;
  const first = m.value[0];
  if (!first) return { ok: false, error: "error: no objects passed to exec" };
  const type = manifestType(first);
  if (!type.ok) return type;
  const meta = (first.object.metadata ?? {}) as { name?: string };
  return { ok: true, value: `${type.value.plural}/${meta.name ?? ""}` };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const quiet = bool(ctx.flags, "quiet");
  const { resource, command, fromFile } = splitArgs(ctx, quiet);
  const timeoutText = str(ctx.flags, "pod-running-timeout");
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined) {
    env.err(`error: invalid argument "${timeoutText}" for "--pod-running-timeout" flag: time: invalid duration "${timeoutText}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  if (timeout <= 0) return usageError(env.err, ctx.path, "--pod-running-timeout must be higher than zero");
  if (!resource && !fromFile) return fail(env.err, "pod, type/name or --filename must be specified");
  if (command.length === 0) return fail(env.err, "you must specify at least one command for the container");

  let arg = resource;
  if (!arg) {
    const named = resourceFromFile(ctx);
    if (!named.ok) return fail(env.err, named.error);
    arg = named.value;
  }
  const obj = objectFor(env, arg);
  if (!obj.ok) {
    env.err(obj.error + "\n");
    return 1;
  }
  const target = await podsOf(env, obj.value, { verb: "exec", timeoutMs: timeout });
  if (!target.ok) {
    env.err(target.error + "\n");
    return 1;
  }
  const pod = target.pods[0];
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === "Succeeded" || phase === "Failed") return fail(env.err, `cannot exec into a container in a completed pod; current phase is ${phase}`);

  let container = str(ctx.flags, "container");
  if (!container) {
    const d = defaultContainer(pod, env.err, { quiet, verb: "exec" });
    if (!d.ok) return fail(env.err, d.error);
    container = d.value;
  }
  const stdin = bool(ctx.flags, "stdin");
  const raw = setupTty(env, { stdin, tty: bool(ctx.flags, "tty"), quiet });
  const name = pod.metadata.name ?? "";
  // the API server's checks (streamLocation) come back as a Status
  if (!findContainer(pod, container)) return fail(env.err, { status: "Failure", reason: "BadRequest", code: 400, message: `container ${container} is not valid for pod ${name}` });
  if (!(pod.spec as { nodeName?: string } | undefined)?.nodeName) return fail(env.err, { status: "Failure", reason: "BadRequest", code: 400, message: `pod ${name} does not have a host assigned` });
  // the kubelet answers the upgrade with plain text
  if (!isRunning(pod, container)) return fail(env.err, `unable to upgrade connection: container not found ("${container}")`);
  const id = runtimeId(pod, container);
  const startFailed = (error: string) => fail(env.err, `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId(id, env.api.now())}": ${error}`);
  let exitCode: number;
  if (stdin && env.terminal) {
    const end = await execSession(env, env.terminal, { container: id, argv: command, raw });
    if ("startError" in end) return startFailed(end.startError);
    if ("interrupted" in end) return 130;
    exitCode = end.exitCode;
  } else {
    const r = env.runtime.exec(id, command, stdin ? env.stdin : "", env.api.now());
    if (r.startError !== undefined) return startFailed(r.startError);
    env.out(r.stdout);
    if (raw) env.out(r.stderr);
    else env.err(r.stderr);
    exitCode = r.exitCode;
  }
  if (exitCode !== 0) {
    env.err(`command terminated with exit code ${exitCode}\n`);
    return exitCode;
  }
  return 0;
}

/** The runtime's id of the container as the pod's status names it. */
function runtimeId(pod: KubeObject, container: string): string {
  const status = (pod.status ?? {}) as Record<string, { name: string; containerID?: string }[] | undefined>;
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])];
  return runtimeID(all.find((c) => c.name === container)?.containerID ?? "");
}

/** containerd names each exec session with a 64-hex id; derived here so output stays deterministic. */
function execId(containerId: string, now: number): string {
  let h = 2166136261;
  let out = "";
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${containerId}/${now}/${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

export const execCommand: CommandSpec = {
  name: "exec",
  group: "Troubleshooting and Debugging Commands",
  short: "Execute a command in a container",
  long: "Execute a command in a container.",
  example: `# Get output from running the 'date' command from pod mypod, using the first container by default
kubectl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
kubectl exec mypod -c ruby-container -- date

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl exec mypod -c ruby-container -i -t -- bash -il

# List contents of /usr from the first container of pod mypod and sort by modification time
# If the command you want to execute in the pod has any flags in common (e.g. -i),
# you must use two dashes (--) to separate your command's flags/arguments
# Also note, do not surround your command and its flags/arguments with quotes
# unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
kubectl exec mypod -i -t -- ls -t /usr

# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
kubectl exec deploy/mydeployment -- date

# Get output from running 'date' command from the first pod of the service myservice, using the first container by default
kubectl exec svc/myservice -- date`,
  use: "(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
  flags: [
    { name: "container", short: "c", type: "string", usage: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    { name: "filename", short: "f", type: "stringSlice", usage: "to use to exec into the resource" },
    { name: "pod-running-timeout", type: "duration", default: "1m0s", usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "quiet", short: "q", type: "bool", usage: "Only print output from the remote session" },
    { name: "stdin", short: "i", type: "bool", usage: "Pass stdin to the container" },
    { name: "tty", short: "t", type: "bool", usage: "Stdin is a TTY" },
  ],
  run,
};
