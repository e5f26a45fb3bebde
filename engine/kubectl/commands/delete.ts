/**
 * `kubectl delete` (pkg/cmd/delete/delete.go, delete_flags.go): finds what to delete the
 * way cli-runtime's builder does (files, names, `TYPE/NAME`, or a type with `-l`,
 * `--field-selector` or `--all`), deletes each object with the grace period and cascading
 * strategy asked for, reports it, and then waits until every deleted object is gone. In
 * headless mode the wait lets virtual time pass; a wait nothing can end jumps to the
 * timeout as a real one would expire.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { qualifiedKind } from "../../api/resources";
import type { DeleteOptions } from "../../api/server";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail, withSource } from "../errors";
import type { FlagSpec } from "../flags";
import { bool, int, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import type { DryRunStrategy } from "../printers/name";
import { resolveResourceArgs } from "../resource-args";
import { MISSING_RESOURCE } from "../patch/targets";
import type { CollectedError } from "./create/error-list";
import { printErrors } from "./create/error-list";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import { FIELD_SELECTOR_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

export interface DeleteTarget {
  readonly type: ResourceType;
  readonly name: string;
  /** undefined for cluster-scoped types */
  readonly namespace: string | undefined;
  /** the `-f` source, for `error when deleting "pod.yaml": ...` */
  readonly source?: string;
}

export interface DeleteRequest {
  /** -1 leaves the object's own grace period */
  readonly gracePeriod: number;
  readonly dryRun: DryRunStrategy;
  readonly propagationPolicy: NonNullable<DeleteOptions["propagationPolicy"]>;
  readonly outputName: boolean;
  readonly ignoreNotFound: boolean;
  /** print the cluster-scope warning before the first cluster-scoped object */
  readonly warnClusterScope: boolean;
  /** `run -q --rm` deletes without a word */
  readonly quiet?: boolean;
}

interface Gone {
  readonly target: DeleteTarget;
  readonly uid: string | undefined;
}

/** A week: what kubectl waits when `--timeout` is zero. */
const FOREVER_MS = 168 * 3600 * 1000;

/** DeleteFlags' deletion options (delete_flags.go); only delete's own flags wait by default. */
function deletionOptions(waitByDefault: boolean): FlagSpec[] {
  return [
    {
      name: "cascade",
      type: "string",
      default: "background",
      noOptDefault: "background",
      usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    { name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)." },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object" },
    { name: "wait", type: "bool", ...(waitByDefault ? { default: true } : {}), usage: "If true, wait for resources to be gone before returning. This waits for finalizers." },
  ];
}

/** NewDeleteFlags(usage), which apply and replace add for `--force` and `--prune`: the files to read and the deletion options. */
export function deleteFlags(filenameUsage: string): FlagSpec[] {
  return [
    ...deletionOptions(false),
    { name: "filename", short: "f", type: "stringSlice", usage: filenameUsage },
    { name: "kustomize", short: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    RECURSIVE_FLAG,
  ];
}

/** DeleteOptions.PrintObj: `pod "x" deleted from default namespace`, or `pod/x` with `-o name`. */
function deletedLine(t: DeleteTarget, req: DeleteRequest): string {
  const kind = qualifiedKind(t.type);
  if (req.outputName) return `${kind}/${t.name}\n`;
  const operation = req.gracePeriod === 0 ? "force deleted" : "deleted";
  const where = t.namespace !== undefined ? ` from ${t.namespace} namespace` : "";
  const dry = req.dryRun === "client" ? " (dry run)" : req.dryRun === "server" ? " (server dry run)" : "";
  return `${kind} "${t.name}" ${operation}${where}${dry}\n`;
}

/** DeleteResult's visit: each object deleted (or, in a client dry run, only reported) in turn. */
export function deleteTargets(env: KubectlEnv, targets: readonly DeleteTarget[], req: DeleteRequest): { gone: Gone[]; errors: CollectedError[] } {
  const gone: Gone[] = [];
  const errors: CollectedError[] = [];
  let warn = req.warnClusterScope;
  for (const t of targets) {
    if (warn && !t.type.namespaced) {
      env.err("Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n");
      warn = false;
    }
    if (req.dryRun === "client") {
      if (!req.quiet) env.out(deletedLine(t, req));
      continue;
    }
    const r = env.api.delete(t.type, t.namespace, t.name, {
      gracePeriodSeconds: req.gracePeriod >= 0 ? req.gracePeriod : undefined,
      dryRun: req.dryRun === "server",
      propagationPolicy: req.propagationPolicy,
    });
    if (!r.ok) {
      if (!(req.ignoreNotFound && r.error.reason === "NotFound")) errors.push(t.source ? withSource(r.error, "deleting", t.source) : r.error);
      continue;
    }
    if (!req.quiet) env.out(deletedLine(t, req));
    gone.push({ target: t, uid: r.value.object.metadata.uid });
  }
  return { gone, errors };
}

type Targets = { ok: true; value: DeleteTarget[] } | { ok: false; error: CollectedError };

function fromFiles(ctx: CommandContext, errors: CollectedError[]): Targets {
  const env = ctx.env;
  if (ctx.args.length) {
    return {
      ok: false,
      error: ctx.args.some((a) => a.includes("/"))
        ? "resource/name arguments cannot be provided when a path is specified"
        : "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
    };
  }
  const read = readManifests(list(ctx.flags, "filename"), env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
  if (!read.ok) return read;
  const targets: DeleteTarget[] = [];
  for (const m of read.value) {
    const mapped = manifestType(m);
    if (!mapped.ok) {
      errors.push(mapped.error.replace(/^error: /, ""));
      continue;
    }
    const meta = (m.object.metadata ?? {}) as KubeObject["metadata"];
    const own = meta.namespace || env.namespace;
    if (mapped.value.namespaced && env.explicitNamespace && own !== env.namespace) {
      errors.push(`the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
      continue;
    }
    targets.push({ type: mapped.value, name: meta.name ?? "", namespace: mapped.value.namespaced ? own : undefined, source: m.source });
  }
  return { ok: true, value: targets };
}

/** ResourceTypeOrNameArgs with the selector, --all and -A parameters, as Builder.Do resolves them. */
function fromArgs(ctx: CommandContext): Targets {
  const env = ctx.env;
  const allNamespaces = bool(ctx.flags, "all-namespaces");
  const labelSelector = str(ctx.flags, "selector").trim();
  const fieldSelector = str(ctx.flags, "field-selector").trim();
  const all = bool(ctx.flags, "all");
  if (all && (labelSelector || fieldSelector)) return { ok: false, error: "setting 'all' parameter but found a non empty selector. " };
  const parsed = resolveResourceArgs(ctx.args);
  if (!parsed.ok) return parsed;
  const selecting = all || labelSelector !== "" || fieldSelector !== "";
  if (selecting) {
    if (parsed.value.kind === "names") {
      return { ok: false, error: ctx.args.some((a) => a.includes("/")) ? "selectors and the all flag cannot be used when passing resource/name arguments" : "name cannot be provided when a selector is specified" };
    }
    if (parsed.value.types.length === 0) return { ok: false, error: "at least one resource must be specified to use a selector" };
    const targets: DeleteTarget[] = [];
    for (const type of parsed.value.types) {
      const r = env.api.list(type, allNamespaces ? undefined : env.namespace, { labelSelector, fieldSelector });
      if (!r.ok) return r;
      for (const o of r.value) targets.push({ type, name: o.metadata.name ?? "", namespace: type.namespaced ? o.metadata.namespace : undefined });
    }
    return { ok: true, value: targets };
  }
  if (parsed.value.kind === "types") return { ok: false, error: parsed.value.types.length ? "resource(s) were provided, but no name was specified" : MISSING_RESOURCE };
  if (allNamespaces && parsed.value.refs.some((r) => r.type.namespaced)) return { ok: false, error: "a resource cannot be retrieved by name across all namespaces" };
  return { ok: true, value: parsed.value.refs.map((r) => ({ type: r.type, name: r.name, namespace: r.type.namespaced ? env.namespace : undefined })) };
}

/** Go's time.ParseDuration for the units kubectl users type. */
export function parseDuration(s: string): number | undefined {
  if (s === "0") return 0;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const parts = [...s.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== s.replace(/^[+-]/, "")) return undefined;
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]], 0);
  return s.startsWith("-") ? -ms : ms;
}

function parseCascade(env: KubectlEnv, value: string): { ok: true; value: DeleteRequest["propagationPolicy"] } | { ok: false; error: string } {
  const asBool = { true: true, "1": true, t: true, T: true, TRUE: true, True: true, false: false, "0": false, f: false, F: false, FALSE: false, False: false }[value];
  if (asBool !== undefined) {
    const replacement = asBool ? "background" : "orphan";
    env.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
    return { ok: true, value: asBool ? "Background" : "Orphan" };
  }
  const policy = { background: "Background", foreground: "Foreground", orphan: "Orphan" } as const;
  if (value in policy) return { ok: true, value: policy[value as keyof typeof policy] };
  return { ok: false, error: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"` };
}

const present = (env: KubectlEnv, g: Gone) => {
  const o = env.api.store.get(g.target.type.plural, g.target.namespace, g.target.name);
  return o !== undefined && (g.uid === undefined || o.metadata.uid === g.uid);
};

/** Nothing scheduled can change the store any more: no pod is still shutting down on a node. */
const noPodStopping = (env: KubectlEnv) => env.api.store.list("pods").every((p) => !p.metadata.deletionTimestamp);

/** cmd/wait with IsDeleted: returns the error text when the time runs out. */
async function waitUntilGone(env: KubectlEnv, gone: readonly Gone[], timeoutMs: number): Promise<string | undefined> {
  const deadline = env.api.now() + timeoutMs;
  for (;;) {
    const left = gone.find((g) => present(env, g));
    if (!left) return undefined;
    if (env.signal.aborted) return undefined;
    if (env.api.now() >= deadline) return `timed out waiting for the condition on ${left.target.type.plural}/${left.target.name}`;
    const version = env.api.store.resourceVersion;
    await env.sleep(Math.min(1000, deadline - env.api.now()));
    if (env.headless && env.api.store.resourceVersion === version && noPodStopping(env) && gone.some((g) => present(env, g))) {
      await env.sleep(deadline - env.api.now());
    }
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const cascade = parseCascade(env, str(ctx.flags, "cascade"));
  if (!cascade.ok) return fail(env.err, cascade.error);
  const timeout = parseDuration(str(ctx.flags, "timeout"));
  if (timeout === undefined) {
    env.err(`error: invalid argument "${str(ctx.flags, "timeout")}" for "--timeout" flag: time: invalid duration "${str(ctx.flags, "timeout")}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  const force = bool(ctx.flags, "force");
  let gracePeriod = int(ctx.flags, "grace-period");
  if (bool(ctx.flags, "now")) {
    if (gracePeriod !== -1) return fail(env.err, "--now and --grace-period cannot be specified together");
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return fail(env.err, dryRun.error);

  const errors: CollectedError[] = [];
  const targets = list(ctx.flags, "filename").length ? fromFiles(ctx, errors) : fromArgs(ctx);
  if (!targets.ok) return fail(env.err, targets.error);

  const output = str(ctx.flags, "output");
  if (output !== "" && output !== "name") return fail(env.err, `unexpected -o output mode: ${output}. We only support '-o name'`);
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) return fail(env.err, "cannot set --all and --selector at the same time");
  if (bool(ctx.flags, "all") && str(ctx.flags, "field-selector")) return fail(env.err, "cannot set --all and --field-selector at the same time");
  if (gracePeriod === 0 && force) {
    env.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
  } else if (gracePeriod > 0 && force) {
    return fail(env.err, "--force and --grace-period greater than 0 cannot be specified together");
  }

  const selecting = bool(ctx.flags, "all") || str(ctx.flags, "selector") !== "" || str(ctx.flags, "field-selector") !== "";
  const result = deleteTargets(env, targets.value, {
    gracePeriod,
    dryRun: dryRun.value,
    propagationPolicy: cascade.value,
    outputName: output === "name",
    ignoreNotFound: ctx.flags.changed.has("ignore-not-found") || !selecting ? bool(ctx.flags, "ignore-not-found") : true,
    warnClusterScope: env.explicitNamespace && !bool(ctx.flags, "all-namespaces"),
  });
  errors.push(...result.errors);
  if (errors.length) return printErrors(env.err, errors);
  if (targets.value.length === 0) {
    env.out("No resources found\n");
    return 0;
  }
  if (!bool(ctx.flags, "wait") || dryRun.value !== "none") return 0;
  const timedOut = await waitUntilGone(env, result.gone, timeout === 0 ? FOREVER_MS : timeout);
  return timedOut ? fail(env.err, timedOut) : 0;
}

export const deleteCommand: CommandSpec = {
  name: "delete",
  group: "Basic Commands (Intermediate)",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.`,
  example: `# Delete a pod using the type and name specified in pod.json
kubectl delete -f ./pod.json

# Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
kubectl delete -k dir

# Delete resources from all files that end with '.json'
kubectl delete -f '*.json'

# Delete a pod based on the type and name in the JSON passed into stdin
cat pod.json | kubectl delete -f -

# Delete pods and services with same names "baz" and "foo"
kubectl delete pod,service baz foo

# Delete pods and services with label name=myLabel
kubectl delete pods,services -l name=myLabel

# Delete a pod with minimal delay
kubectl delete pod foo --now

# Force delete a pod on a dead node
kubectl delete pod foo --force

# Delete all pods
kubectl delete pods --all`,
  use: "([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    { name: "all", type: "bool", usage: "Delete all resources, in the namespace of the specified resource types." },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    ...deletionOptions(true),
    DRY_RUN_FLAG,
    FIELD_SELECTOR_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "containing the resource to delete." },
    { name: "ignore-not-found", type: "bool", usage: `Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.` },
    { name: "now", type: "bool", usage: "If true, resources are signaled for immediate shutdown (same as --grace-period=1)." },
    { name: "output", short: "o", type: "string", usage: `Output mode. Use "-o name" for shorter output (resource/name).` },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
  ],
  run,
};
