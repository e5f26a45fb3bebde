/**
 * `kubectl run` (pkg/cmd/run/run.go and the run-pod/v1 generator): builds a Pod with one
 * container named after it, labelled `run=<name>` unless `-l` says otherwise, applies
 * `--overrides`, creates it and, with `--expose`, a ClusterIP Service in front of it.
 * `-i`/`--attach` wait for the pod to run, stream its container's output until it exits
 * (runAttach), return its exit code under restart policy Never, and with `--rm` delete
 * what was created.
 */
import { isValidImageReference } from "../../api/defaults/image";
import type { KubeObject } from "../../api/object";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail, usageError } from "../errors";
import { bool, list, str } from "../flags";
import { fieldManagerFlag, SAVE_CONFIG_FLAG } from "./create/common-flags";
import type { CollectedError } from "./create/error-list";
import { printErrors } from "./create/error-list";
import { typeOfKind } from "./create/generator";
import { applyOverrides, OVERRIDE_FLAGS } from "./create/overrides";
import type { ObjectPrinter } from "./create/print-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { atoi, buildService, parseLabels } from "./create/service-generator";
import { submit } from "./create/submit";
import { envVarNameErrors } from "./create/data-sources";
import type { DeleteTarget } from "./delete";
import { deleteTargets, parseDuration } from "./delete";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import { runAttach } from "./logs/run-attach";

const POD = typeOfKind("Pod");
const SERVICE = typeOfKind("Service");

type Built = { ok: true; value: KubeObject } | { ok: false; error: string };

/** cmdutil.ParsePairs for `--annotations`: every item must be `key=value`. */
function parseAnnotations(items: readonly string[]): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const pairs: Record<string, string> = {};
  const invalid: string[] = [];
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq < 0) invalid.push(item);
    else pairs[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return invalid.length ? { ok: false, error: `invalid annotations format: ${invalid.join(", ")}` } : { ok: true, value: pairs };
}

function parseEnvs(items: readonly string[]): { ok: true; value: { name: string; value?: string }[] } | { ok: false; error: string } {
  const envs: { name: string; value?: string }[] = [];
  for (const item of items) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? "" : item.slice(0, eq);
    if (!name || envVarNameErrors(name).length) return { ok: false, error: `invalid env: ${item}` };
    const value = item.slice(eq + 1);
    envs.push(value ? { name, value } : { name });
  }
  return { ok: true, value: envs };
}

/** BasicPod.Generate: the fields in Go struct order, empty ones left out as omitempty does. */
function buildPod(ctx: CommandContext, name: string, restartPolicy: string, namespace: string | undefined): Built {
  const f = ctx.flags;
  const envs = parseEnvs(list(f, "env"));
  if (!envs.ok) return envs;
  const annotations = parseAnnotations(list(f, "annotations"));
  if (!annotations.ok) return annotations;
  const labels = str(f, "labels") ? parseLabels(str(f, "labels")) : { ok: true as const, value: { run: name } };
  if (!labels.ok) return labels;
  const port = str(f, "port") ? atoi(str(f, "port")) : undefined;
  if (port && !port.ok) return port;
  const args = ctx.args.slice(1);
  const stdin = bool(f, "stdin");
  const container = {
    name,
    image: str(f, "image"),
    ...(args.length ? (bool(f, "command") ? { command: args } : { args }) : {}),
    ...(port ? { ports: [{ containerPort: port.value }] } : {}),
    ...(envs.value.length ? { env: envs.value } : {}),
    resources: {},
    ...(str(f, "image-pull-policy") ? { imagePullPolicy: str(f, "image-pull-policy") } : {}),
    ...(bool(f, "privileged") ? { securityContext: { privileged: true } } : {}),
    ...(stdin ? { stdin: true } : {}),
    ...(stdin && !bool(f, "leave-stdin-open") ? { stdinOnce: true } : {}),
    ...(bool(f, "tty") ? { tty: true } : {}),
  };
  const metadata = {
    name,
    ...(namespace ? { namespace } : {}),
    labels: labels.value,
    ...(Object.keys(annotations.value).length ? { annotations: annotations.value } : {}),
  };
  return { ok: true, value: { kind: "Pod", apiVersion: "v1", metadata, spec: { containers: [container], restartPolicy, dnsPolicy: "ClusterFirst" }, status: {} } };
}

/** run.go's checks before anything is generated, in kubectl's order; usage errors carry the See line. */
function validate(ctx: CommandContext, attach: boolean, dryRun: string): number | undefined {
  const env = ctx.env;
  const f = ctx.flags;
  if (ctx.args.length === 0 || f.argsLenAtDash === 0) return usageError(env.err, ctx.path, "NAME is required for run");
  const timeout = parseDuration(str(f, "pod-running-timeout"));
  if (timeout === undefined) {
    env.err(`error: invalid argument "${str(f, "pod-running-timeout")}" for "--pod-running-timeout" flag: time: invalid duration "${str(f, "pod-running-timeout")}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  if (timeout <= 0) return usageError(env.err, ctx.path, "--pod-running-timeout must be higher than zero");
  const image = str(f, "image");
  if (!image) return fail(env.err, "--image is required");
  if (!isValidImageReference(image)) return fail(env.err, `Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (bool(f, "tty") && !bool(f, "stdin")) return usageError(env.err, ctx.path, "-i/--stdin is required for containers with -t/--tty=true");
  if (bool(f, "expose") && !str(f, "port")) return usageError(env.err, ctx.path, "--port must be set when exposing a service");
  if (!["Always", "OnFailure", "Never", ""].includes(str(f, "restart"))) return usageError(env.err, ctx.path, `invalid restart policy: ${str(f, "restart")}`);
  if (!attach && bool(f, "rm")) return usageError(env.err, ctx.path, "--rm should only be used for attached containers");
  if (attach && dryRun !== "none") return usageError(env.err, ctx.path, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pull = str(f, "image-pull-policy");
  if (!["Always", "IfNotPresent", "Never", ""].includes(pull)) return usageError(env.err, ctx.path, `invalid image pull policy: ${pull}`);
  return undefined;
}

function print(env: KubectlEnv, printer: ObjectPrinter, object: KubeObject, structOrder: boolean): number | undefined {
  const text = printer.print(object, object.kind === "Service" ? SERVICE : POD, { structOrder });
  if (!text.ok) return fail(env.err, text.error);
  env.out(text.value);
  return undefined;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const f = ctx.flags;
  if (!f.changed.has("image")) return fail(env.err, `required flag(s) "image" not set`);
  const dryRun = parseDryRun(f);
  if (!dryRun.ok) return fail(env.err, dryRun.error);
  const printer = objectPrinter(env, f, "created", dryRun.value, POD);
  if (!printer.ok) return fail(env.err, printer.error);
  const attach = f.changed.has("attach") ? bool(f, "attach") : bool(f, "stdin");
  const invalid = validate(ctx, attach, dryRun.value);
  if (invalid !== undefined) return invalid;

  const name = ctx.args[0];
  const namespace = dryRun.value === "client" && env.explicitNamespace ? env.namespace : undefined;
  const restartPolicy = str(f, "restart") || (bool(f, "stdin") ? "OnFailure" : "Always");
  const built = buildPod(ctx, name, restartPolicy, namespace);
  if (!built.ok) return fail(env.err, built.error);
  const overridden = applyOverrides(f, built.value);
  if (!overridden.ok) return fail(env.err, overridden.error);
  const saveConfig = bool(f, "save-config") && dryRun.value !== "client";
  const pod = submit(env, { type: POD, object: overridden.value, namespace: env.namespace, dryRun: dryRun.value, saveConfig });
  if (!pod.ok) return fail(env.err, pod.error);
  const created: DeleteTarget[] = [{ type: POD, name, namespace: env.namespace }];
  const structOrder = dryRun.value === "client";

  const errors: CollectedError[] = [];
  if (bool(f, "expose")) {
    const labels = str(f, "labels");
    const service = buildService({ name, namespace, selector: labels || `run=${name}`, labels, port: str(f, "port") });
    const sent = service.ok ? submit(env, { type: SERVICE, object: service.value, namespace: env.namespace, dryRun: dryRun.value, saveConfig }) : undefined;
    if (!service.ok) errors.push(service.error);
    else if (sent && !sent.ok) errors.push(sent.error);
    else if (sent) {
      created.push({ type: SERVICE, name, namespace: env.namespace });
      const failed = print(env, printer.value, sent.value, structOrder);
      if (failed !== undefined) return failed;
      if (printer.value.output === "yaml") env.out("---\n");
    }
  }

  if (attach) {
    const quiet = bool(f, "quiet");
    const attached = await runAttach(env, {
      name,
      restartPolicy,
      leaveStdinOpen: bool(f, "leave-stdin-open"),
      timeoutMs: parseDuration(str(f, "pod-running-timeout")) ?? 60000,
      stdin: bool(f, "stdin"),
      tty: bool(f, "tty"),
      quiet,
    });
    // the deferred removeCreatedObjects: it runs unless kubectl itself was interrupted
    if (bool(f, "rm") && !attached.interrupted) {
      deleteTargets(env, created, { gracePeriod: -1, dryRun: "none", propagationPolicy: "Background", outputName: false, ignoreNotFound: true, warnClusterScope: false, quiet });
    }
    if (attached.error) env.err(attached.error.endsWith("\n") ? attached.error : attached.error + "\n");
    return attached.status;
  }
  const failed = print(env, printer.value, pod.value, structOrder);
  if (failed !== undefined) return failed;
  return printErrors(env.err, errors);
}

export const runCommand: CommandSpec = {
  name: "run",
  group: "Basic Commands (Beginner)",
  short: "Run a particular image on the cluster",
  long: "Create and run a particular image in a pod.",
  example: `# Start a nginx pod
kubectl run nginx --image=nginx

# Start a hazelcast pod and let the container expose port 5701
kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

# Dry run; print the corresponding API objects without creating them
kubectl run nginx --image=nginx --dry-run=client

# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

# Start a busybox pod and keep it in the foreground, don't restart it if it exits
kubectl run -i -t busybox --image=busybox --restart=Never

# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

# Start the nginx pod using a different command and custom arguments
kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  use: `NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]`,
  flags: [
    ...PRINT_FLAGS,
    { name: "annotations", type: "stringArray", usage: "Annotations to apply to the pod." },
    {
      name: "attach",
      type: "bool",
      usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    },
    { name: "command", type: "bool", usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    DRY_RUN_FLAG,
    { name: "env", type: "stringArray", usage: "Environment variables to set in the container." },
    { name: "expose", type: "bool", usage: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    fieldManagerFlag("kubectl-run"),
    { name: "image", type: "string", usage: "The image for the container to run." },
    { name: "image-pull-policy", type: "string", usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: "labels", short: "l", type: "string", usage: "Comma separated labels to apply to the pod. Will override previous values." },
    {
      name: "leave-stdin-open",
      type: "bool",
      usage: "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.",
    },
    ...OVERRIDE_FLAGS,
    { name: "pod-running-timeout", type: "duration", default: "1m0s", usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "port", type: "string", usage: "The port that this container exposes." },
    { name: "privileged", type: "bool", usage: "If true, run the container in privileged mode." },
    { name: "quiet", short: "q", type: "bool", usage: "If true, suppress prompt messages." },
    { name: "restart", type: "string", default: "Always", usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: "rm", type: "bool", usage: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    SAVE_CONFIG_FLAG,
    { name: "stdin", short: "i", type: "bool", usage: "Keep stdin open on the container in the pod, even if nothing is attached." },
    { name: "tty", short: "t", type: "bool", usage: "Allocate a TTY for the container in the pod." },
  ],
  run,
};
