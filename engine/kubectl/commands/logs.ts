/**
 * `kubectl logs` (pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go): the log of
 * one container of a pod, of every container (`--all-containers`), of a workload's first
 * pod (`deploy/web`) or of every pod a selector matches, read from the container runtime.
 * The request for each container goes through logContainerID, which answers with the
 * server's and kubelet's own errors. `-f` keeps printing while the container runs;
 * headless, it also returns once following could only be ended by Ctrl-C.
 */
import type { StatusError } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { LogLine } from "../../runtime/types";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail, usageError } from "../errors";
import { bool, int, str } from "../flags";
import { parseDuration } from "./delete";
import { logContainerID, runtimeID } from "./logs/container-log";
import { endsByItself, FOLLOW_POLL_MS, HEADLESS_FOLLOW_LIMIT_MS, linesAfter } from "./logs/headless-follow";
import type { LogFilter } from "./logs/log-filter";
import { renderLog } from "./logs/log-filter";
import { allContainerNames, defaultContainer, findContainer, objectFor, podsOf } from "./logs/pod-target";
import { SELECTOR_FLAG } from "../patch/verb-flags";

const USAGE = "[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]";
const USAGE_ERROR = `expected 'logs ${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
/** logs.go selectorTail: a selector shows the last 10 lines unless --tail is given. */
const SELECTOR_TAIL = 10;

interface Stream {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** the container instance read, fixed by the first request as a log stream is */
  id?: string;
  /** the last line printed */
  last?: LogLine;
  done: boolean;
}

/** Go's time.Parse(time.RFC3339, s) error for text that is not a timestamp. */
function parseSinceTime(s: string): number | string {
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) ? Date.parse(s) : NaN;
  return Number.isNaN(ms) ? `parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(s)} as "2006"` : ms;
}

function badDuration(ctx: CommandContext, flag: string): number {
  const v = str(ctx.flags, flag);
  ctx.env.err(`error: invalid argument "${v}" for "--${flag}" flag: time: invalid duration "${v}"\nSee '${ctx.path} --help' for usage.\n`);
  return 1;
}

/**
 * What the resource builder gives logs.go's Complete: the object `POD` or `TYPE/NAME`
 * names, or the pods a selector matches.
 */
function target(ctx: CommandContext, arg: string): KubeObject | KubeObject[] | number {
  const env = ctx.env;
  const selector = str(ctx.flags, "selector");
  if (!selector) {
    const obj = objectFor(env, arg);
    if (obj.ok) return obj.value;
    env.err(obj.error + "\n");
    return 1;
  }
  const pods = resourceForKind("Pod");
  const listed = pods ? env.api.list(pods, env.namespace, { labelSelector: selector }) : undefined;
  if (listed && !listed.ok) return fail(env.err, listed.error);
  if (!listed?.value.length) env.err(`No resources found in ${env.namespace} namespace.\n`);
  return listed?.value ?? [];
}

/** logsForObject: a workload's first pod (all of them with --all-pods), waiting for one if needed. */
async function podsToRead(ctx: CommandContext, obj: KubeObject, timeoutMs: number): Promise<KubeObject[] | number> {
  const found = await podsOf(ctx.env, obj, { verb: "logs", timeoutMs });
  if (!found.ok) {
    ctx.env.err(found.error + "\n");
    return 1;
  }
  if (bool(ctx.flags, "all-pods")) return found.pods;
  if (found.total > 1) ctx.env.err(`Found ${found.total} pods, using pod/${found.pods[0].metadata.name}\n`);
  return [found.pods[0]];
}

/** The containers to read in each pod, with kubectl's defaulting and checks. */
function streamsFor(ctx: CommandContext, pods: readonly KubeObject[], container: string): Stream[] | number {
  const env = ctx.env;
  const streams: Stream[] = [];
  const stream = (p: KubeObject, c: string): Stream => ({ namespace: p.metadata.namespace ?? env.namespace, pod: p.metadata.name ?? "", container: c, done: false });
  for (const pod of pods) {
    if (bool(ctx.flags, "all-containers")) {
      const spec = (pod.spec ?? {}) as Record<string, { name: string }[] | undefined>;
      for (const key of ["initContainers", "containers", "ephemeralContainers"]) for (const c of spec[key] ?? []) streams.push(stream(pod, c.name));
      continue;
    }
    let name = container;
    if (!name) {
      const d = defaultContainer(pod, env.err, { quiet: bool(ctx.flags, "all-pods"), verb: "logs" });
      if (!d.ok) return fail(env.err, d.error);
      name = d.value;
    }
    if (!findContainer(pod, name)) return fail(env.err, `container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`);
    streams.push(stream(pod, name));
  }
  return streams;
}

/** Prints what a stream has not printed yet; returns the API error if the log cannot be read. */
function pump(env: KubectlEnv, s: Stream, filter: LogFilter, previous: boolean, prefix: boolean): StatusError | undefined {
  const pod = env.api.store.get("pods", s.namespace, s.pod);
  if (!pod) {
    s.done = true;
    return undefined;
  }
  if (s.id === undefined) {
    const id = logContainerID(pod, s.container, { previous });
    if (!id.ok || id.value === undefined) {
      s.done = true;
      return id.ok ? undefined : id.error;
    }
    s.id = id.value;
  }
  const fresh = linesAfter(env.runtime.logs(runtimeID(s.id), env.api.now()), s.last);
  if (fresh.length) s.last = fresh[fresh.length - 1];
  const text = renderLog(fresh, { ...filter, ...(prefix ? { prefix: `[pod/${s.pod}/${s.container}] ` } : {}) });
  if (text) env.out(text);
  return undefined;
}

type StatusLists = Record<string, { name: string; containerID?: string; state?: { running?: object } }[] | undefined>;

/** The instance being read still runs (a restart starts a new one, with a new stream). */
function running(env: KubectlEnv, s: Stream): boolean {
  const status = (env.api.store.get("pods", s.namespace, s.pod)?.status ?? {}) as StatusLists;
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])];
  const c = all.find((x) => x.name === s.container);
  return Boolean(c?.state?.running && c.containerID === s.id);
}

/** Headless, following stops when it went quiet and only Ctrl-C could end it, or at the cap. */
function headlessDone(env: KubectlEnv, streams: readonly Stream[], quiet: boolean, start: number): boolean {
  if (env.api.now() - start >= HEADLESS_FOLLOW_LIMIT_MS) return true;
  return quiet && streams.every((s) => s.done || !endsByItself(env.api.store.get("pods", s.namespace, s.pod), s.container));
}

async function follow(ctx: CommandContext, streams: Stream[], first: LogFilter, prefix: boolean): Promise<number> {
  const env = ctx.env;
  const start = env.api.now();
  const previous = bool(ctx.flags, "previous");
  let filter = first;
  for (;;) {
    let quiet = true;
    for (const s of streams.filter((x) => !x.done)) {
      const before = s.last;
      const error = pump(env, s, filter, previous, prefix);
      if (s.last !== before) quiet = false;
      if (error && !bool(ctx.flags, "ignore-errors")) return fail(env.err, error);
      if (error) env.out(`error: ${error.message}\n`);
      if (previous || !running(env, s)) s.done = true;
    }
    // --tail and --since choose where following starts; every later line is printed
    filter = { ...filter, tail: undefined, since: undefined };
    if (streams.every((s) => s.done) || env.signal.aborted) return 0;
    if (env.headless && headlessDone(env, streams, quiet, start)) return 0;
    await env.sleep(FOLLOW_POLL_MS);
  }
}

function filterOf(ctx: CommandContext, sinceMs: number | undefined, sinceTime: number | undefined): LogFilter {
  const tailGiven = ctx.flags.changed.has("tail");
  const tail = int(ctx.flags, "tail");
  const now = ctx.env.api.now();
  return {
    since: sinceMs ? now - Math.round(sinceMs / 1000) * 1000 : sinceTime,
    tail: tailGiven ? (tail === -1 ? undefined : tail) : str(ctx.flags, "selector") ? SELECTOR_TAIL : undefined,
    limitBytes: ctx.flags.changed.has("limit-bytes") && int(ctx.flags, "limit-bytes") > 0 ? int(ctx.flags, "limit-bytes") : undefined,
    timestamps: bool(ctx.flags, "timestamps"),
  };
}

/** logs.go Validate, in its order. */
function validate(ctx: CommandContext, container: string, since: number, sinceTimeGiven: boolean): number | undefined {
  const env = ctx.env;
  if (sinceTimeGiven && since !== 0) return fail(env.err, "at most one of `sinceTime` or `sinceSeconds` may be specified");
  if (bool(ctx.flags, "all-containers") && container) return fail(env.err, `--all-containers=true should not be specified with container name ${container}`);
  if (ctx.flags.changed.has("container") && ctx.args.length === 2) return fail(env.err, "only one of -c or an inline [CONTAINER] arg is allowed");
  if (int(ctx.flags, "limit-bytes") < 0) return fail(env.err, "--limit-bytes must be greater than 0");
  if (since < 0) return fail(env.err, "--since must be greater than 0");
  if (ctx.flags.changed.has("tail") && int(ctx.flags, "tail") < -1) return fail(env.err, "--tail must be greater than or equal to -1");
  return undefined;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const args = ctx.args;
  const selector = str(ctx.flags, "selector");
  // complete
  if ((args.length === 0 && !selector) || args.length > 2) return usageError(env.err, ctx.path, USAGE_ERROR);
  if (args.length === 1 && selector) return usageError(env.err, ctx.path, "only a selector (-l) or a POD name is allowed");
  const container = args.length === 2 ? args[1] : str(ctx.flags, "container");
  const timeout = parseDuration(str(ctx.flags, "pod-running-timeout"));
  if (timeout === undefined) return badDuration(ctx, "pod-running-timeout");
  if (timeout <= 0) return fail(env.err, "--pod-running-timeout must be higher than zero");
  const since = parseDuration(str(ctx.flags, "since") || "0");
  if (since === undefined) return badDuration(ctx, "since");
  const sinceTimeText = str(ctx.flags, "since-time");
  const sinceTime = sinceTimeText ? parseSinceTime(sinceTimeText) : undefined;
  if (typeof sinceTime === "string") return fail(env.err, sinceTime);
  const found = target(ctx, args[0] ?? "");
  if (typeof found === "number") return found;
  const invalid = validate(ctx, container, since, Boolean(sinceTimeText));
  if (invalid !== undefined) return invalid;
  // execute
  const pods = Array.isArray(found) ? found : await podsToRead(ctx, found, timeout);
  if (typeof pods === "number") return pods;
  const streams = streamsFor(ctx, pods, container);
  if (typeof streams === "number") return streams;
  const filter = filterOf(ctx, since, sinceTime);
  const prefix = bool(ctx.flags, "prefix") || bool(ctx.flags, "all-pods");
  if (bool(ctx.flags, "follow")) {
    const max = int(ctx.flags, "max-log-requests");
    if (streams.length > 1 && streams.length > max) {
      return fail(env.err, `you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    }
    return follow(ctx, streams, filter, prefix);
  }
  for (const s of streams) {
    const error = pump(env, s, filter, bool(ctx.flags, "previous"), prefix);
    if (error) return fail(env.err, error);
  }
  return 0;
}

export const logsCommand: CommandSpec = {
  name: "logs",
  group: "Troubleshooting and Debugging Commands",
  short: "Print the logs for a container in a pod",
  long: "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.",
  example: `# Return snapshot logs from pod nginx with only one container
kubectl logs nginx

# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
kubectl logs nginx --prefix

# Return snapshot logs from pod nginx, limiting output to 500 bytes
kubectl logs nginx --limit-bytes=500

# Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
kubectl logs nginx --pod-running-timeout=20s

# Return snapshot logs from pod nginx with multi containers
kubectl logs nginx --all-containers=true

# Return snapshot logs from all pods in the deployment nginx
kubectl logs deployment/nginx --all-pods=true

# Return snapshot logs from all containers in pods defined by label app=nginx
kubectl logs -l app=nginx --all-containers=true

# Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
kubectl logs -l app=nginx --max-log-requests=10

# Return snapshot of previous terminated ruby container logs from pod web-1
kubectl logs -p -c ruby web-1

# Begin streaming the logs from pod nginx, continuing even if errors occur
kubectl logs nginx -f --ignore-errors=true

# Begin streaming the logs of the ruby container in pod web-1
kubectl logs -f -c ruby web-1

# Begin streaming the logs from all containers in pods defined by label app=nginx
kubectl logs -f -l app=nginx --all-containers=true

# Display only the most recent 20 lines of output in pod nginx
kubectl logs --tail=20 nginx

# Show all logs from pod nginx written in the last hour
kubectl logs --since=1h nginx

# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

# Show logs from a kubelet with an expired serving certificate
kubectl logs --insecure-skip-tls-verify-backend nginx

# Return snapshot logs from first container of a job named hello
kubectl logs job/hello

# Return snapshot logs from container nginx-1 of a deployment named nginx
kubectl logs deployment/nginx -c nginx-1`,
  use: `${USAGE} [options]`,
  flags: [
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    { name: "all-pods", type: "bool", usage: "Get logs from all pod(s). Sets prefix to true." },
    { name: "container", short: "c", type: "string", usage: "Print the logs of this container" },
    { name: "follow", short: "f", type: "bool", usage: "Specify if the logs should be streamed." },
    { name: "ignore-errors", type: "bool", usage: "If watching / following pod logs, allow for any errors that occur to be non-fatal" },
    { name: "insecure-skip-tls-verify-backend", type: "bool", usage: "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired." },
    { name: "limit-bytes", type: "int", usage: "Maximum bytes of logs to return. Defaults to no limit." },
    { name: "max-log-requests", type: "int", default: 5, usage: "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5." },
    { name: "pod-running-timeout", type: "duration", default: "20s", usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "prefix", type: "bool", usage: "Prefix each log line with the log source (pod name and container name)" },
    { name: "previous", short: "p", type: "bool", usage: "If true, print the logs for the previous instance of the container in a pod if it exists." },
    SELECTOR_FLAG,
    { name: "since", type: "duration", default: "0s", usage: "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used." },
    { name: "since-time", type: "string", usage: "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used." },
    { name: "tail", type: "int", default: -1, usage: "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided." },
    { name: "timestamps", type: "bool", usage: "Include timestamps on each line in the log output" },
  ],
  run,
};
