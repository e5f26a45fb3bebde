/**
 * `kubectl drain` (pkg/cmd/drain/drain.go, pkg/drain): cordons the nodes, then for each
 * one evicts the pods that filters allow (DaemonSet pods stay, mirror pods are skipped,
 * emptyDir data and pods without a controller need --delete-emptydir-data / --force), waits
 * until they are gone and prints `node/node01 drained`. A node that cannot be drained is
 * reported (`error: unable to drain node …, continuing command...`) and the others go on;
 * the errors are printed again at the end, as kubectl's CheckErr prints an aggregate.
 */
import { parseLabelSelector } from "../../api/label-selector";
import type { CommandContext, CommandSpec } from "../command";
import { bool, int, str } from "../flags";
import { printFailure } from "../patch/failure";
import { SELECTOR_FLAG } from "../patch/verb-flags";
import { operationMessage } from "../printers/name";
import { parseDuration } from "./delete";
import { cordonNodes } from "./drain/cordon-helper";
import type { DrainError } from "./drain/evict";
import { deleteOrEvictPods, errorText } from "./drain/evict";
import { NODE, resolveNodes } from "./drain/nodes";
import type { FilterOptions } from "./drain/pod-filters";
import { podsForDeletion } from "./drain/pod-filters";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";

/** CheckErr on the aggregate of every node's error: an aggregate of one is unwrapped, an aggregate prints one line per error. */
function printFatal(err: (s: string) => void, fatal: readonly DrainError[]): number {
  if (fatal.length === 1 && !fatal[0].aggregate) {
    const msg = fatal[0].messages[0];
    err(msg.startsWith("error: ") ? `${msg}\n` : `error: ${msg}\n`);
  } else {
    const lines = fatal.length === 1 ? fatal[0].messages : fatal.map(errorText);
    for (const line of lines) err(`${line}\n`);
  }
  return 1;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const timeout = parseDuration(str(ctx.flags, "timeout"));
  if (timeout === undefined) {
    env.err(`error: invalid argument "${str(ctx.flags, "timeout")}" for "--timeout" flag: time: invalid duration "${str(ctx.flags, "timeout")}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  if (ctx.flags.changed.has("delete-local-data")) env.err("Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n");
  const selector = str(ctx.flags, "selector");
  if (ctx.args.length === 0 && !ctx.flags.changed.has("selector")) return usage(ctx, "error: USAGE: drain NODE [flags]");
  if (ctx.args.length > 0 && selector) return usage(ctx, "error: cannot specify both a node name and a --selector option");
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const podSelector = str(ctx.flags, "pod-selector");
  if (podSelector && !parseLabelSelector(podSelector).ok) return printFailure(env.err, "--pod-selector=<pod_selector> must be a valid label selector");
  const nodes = resolveNodes(env, ctx.args, selector);
  if (!nodes.ok) return printFailure(env.err, nodes.error);

  cordonNodes(env, nodes.value, true, dryRun.value);
  const filters: FilterOptions = {
    force: bool(ctx.flags, "force"),
    ignoreDaemonSets: bool(ctx.flags, "ignore-daemonsets"),
    deleteEmptyDirData: bool(ctx.flags, "delete-emptydir-data") || bool(ctx.flags, "delete-local-data"),
    skipWaitForDeleteTimeoutSeconds: int(ctx.flags, "skip-wait-for-delete-timeout"),
  };
  const fatal: DrainError[] = [];
  const remaining: string[] = [];
  for (const node of nodes.value) {
    const name = node.metadata.name ?? "";
    const failed = await drainNode(ctx, name, filters, dryRun.value, timeout);
    if (failed) {
      env.err(`error: unable to drain node "${name}" due to error: ${errorText(failed)}, continuing command...\n`);
      fatal.push(failed);
      remaining.push(name);
      continue;
    }
    env.out(`${operationMessage(node, NODE, "drained", dryRun.value)}\n`);
  }
  if (remaining.length === 0) return 0;
  env.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  return printFatal(env.err, fatal);
}

function usage(ctx: CommandContext, msg: string): number {
  ctx.env.err(`${msg}\nSee '${ctx.path} -h' for help and examples\n`);
  return 1;
}

/** deleteOrEvictPodsSimple: the error that stops this node, if any. */
async function drainNode(ctx: CommandContext, name: string, filters: FilterOptions, dryRun: "none" | "client" | "server", timeoutMs: number): Promise<DrainError | undefined> {
  const env = ctx.env;
  const podSelector = str(ctx.flags, "pod-selector");
  const list = podsForDeletion(env, name, podSelector, filters);
  if (!list.ok) return { messages: [typeof list.error === "string" ? list.error : list.error.message], aggregate: true };
  if (list.value.errors.length > 0) return { messages: list.value.errors, aggregate: true };
  if (list.value.warnings) env.err(`Warning: ${list.value.warnings}\n`);
  if (dryRun === "client") {
    for (const p of list.value.pods) env.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  const failed = await deleteOrEvictPods(env, list.value.pods, {
    disableEviction: bool(ctx.flags, "disable-eviction"),
    gracePeriodSeconds: int(ctx.flags, "grace-period"),
    dryRun,
    timeoutMs,
    skipWaitForDeleteTimeoutSeconds: filters.skipWaitForDeleteTimeoutSeconds,
  });
  if (!failed) return undefined;
  const pending = podsForDeletion(env, name, podSelector, filters);
  if (pending.ok && pending.value.pods.length > 0) {
    env.err(`There are pending pods in node "${name}" when an error occurred: ${errorText(failed)}\n${pending.value.pods.map((p) => `pod/${p.metadata.name}\n`).join("")}`);
  }
  if (pending.ok && pending.value.errors.length > 0) {
    env.err(`Following errors occurred while getting the list of pods to delete:\n${errorText({ messages: pending.value.errors, aggregate: true })}`);
  }
  return failed;
}

export const drainCommand: CommandSpec = {
  name: "drain",
  group: "Cluster Management Commands",
  short: "Drain node in preparation for maintenance",
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

 https://kubernetes.io/images/docs/kubectl_drain.svg Workflow`,
  example: `# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
kubectl drain foo --force

# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
kubectl drain foo --grace-period=900`,
  use: "NODE",
  flags: [
    { name: "chunk-size", type: "int", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "delete-emptydir-data", type: "bool", usage: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)." },
    { name: "delete-local-data", type: "bool", hidden: true, usage: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)." },
    { name: "disable-eviction", type: "bool", usage: "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution." },
    DRY_RUN_FLAG,
    { name: "force", type: "bool", usage: "Continue even if there are pods that do not declare a controller." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used." },
    { name: "ignore-daemonsets", type: "bool", usage: "Ignore DaemonSet-managed pods." },
    { name: "pod-selector", type: "string", usage: "Label selector to filter pods on the node" },
    SELECTOR_FLAG,
    { name: "skip-wait-for-delete-timeout", type: "int", default: 0, usage: "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip." },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before giving up, zero means infinite" },
  ],
  run,
};
