/**
 * `kubectl scale` (pkg/cmd/scale/scale.go, pkg/scale): sets spec.replicas through the
 * scale subresource of deployments, replica sets, stateful sets and replication
 * controllers, after checking the `--current-replicas` and `--resource-version`
 * preconditions; `deployment.apps/web scaled`.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { bool, int, list, str } from "../flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, RECORD_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

/** The kinds with a scale subresource. */
const SCALABLE = new Set(["deployments", "replicasets", "statefulsets", "replicationcontrollers"]);

function replicasOf(o: KubeObject): number {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  return typeof spec.replicas === "number" ? spec.replicas : 0;
}

function withReplicas(o: KubeObject, replicas: number): KubeObject {
  return { ...o, spec: { ...((o.spec ?? {}) as Record<string, unknown>), replicas } };
}

/** ScaleSimple: the precondition checked on the current scale, then the new size written. */
function scaleOne(ctx: CommandContext, type: ResourceType, current: KubeObject, replicas: number, dryRun: boolean): { ok: true; value: KubeObject } | { ok: false; error: Failure } {
  const env = ctx.env;
  if (!SCALABLE.has(type.plural)) return { ok: false, error: { status: "Failure", reason: "NotFound", code: 404, message: "the server could not find the requested resource" } };
  const expected = int(ctx.flags, "current-replicas");
  if (expected !== -1 && replicasOf(current) !== expected) return { ok: false, error: `Expected replicas to be ${expected}, was ${replicasOf(current)}` };
  const rv = str(ctx.flags, "resource-version");
  if (rv && current.metadata.resourceVersion !== rv) return { ok: false, error: `Expected resource version to be ${rv}, was ${current.metadata.resourceVersion ?? ""}` };
  const updated = env.api.update(type, current.metadata.namespace, withReplicas(current, replicas), { dryRun, fieldValidation: "Ignore" });
  if (!updated.ok) {
    const e = updated.error;
    return { ok: false, error: e.reason === "Invalid" ? { ...e, details: { ...e.details, kind: "Scale" } } : e };
  }
  return { ok: true, value: updated.value.object };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  if (!ctx.flags.changed.has("replicas")) return printFailure(env.err, `required flag(s) "replicas" not set`);
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "scaled", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const replicas = int(ctx.flags, "replicas");
  if (replicas < 0) return printFailure(env.err, "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  if (int(ctx.flags, "current-replicas") < -1) return printFailure(env.err, "The --current-replicas must specify an integer of -1 or greater");
  const found = resolveTargets(env, { args: ctx.args, filenames: list(ctx.flags, "filename"), recursive: bool(ctx.flags, "recursive"), selector: str(ctx.flags, "selector"), all: bool(ctx.flags, "all") });
  if (!found.ok) return printFailure(env.err, found.error);
  const { targets, errors } = found.value;
  if (str(ctx.flags, "resource-version") && targets.length > 1) return printFailure(env.err, "cannot use --resource-version with multiple resources");
  if (targets.length === 0) return printFailures(env.err, errors.length > 0 ? errors : ["no objects passed to scale"]);
  for (const t of targets) {
    let result: KubeObject;
    if (dryRun.value === "client") {
      result = withReplicas(t.object, replicas);
    } else {
      const r = scaleOne(ctx, t.type, t.object, replicas, dryRun.value === "server");
      if (!r.ok) return printFailure(env.err, r.error);
      result = withReplicas(t.object, replicasOf(r.value));
    }
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const scaleCommand: CommandSpec = {
  name: "scale",
  group: "Deploy Commands",
  short: "Set a new size for a deployment, replica set, or replication controller",
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `# Scale a replica set named 'foo' to 3
kubectl scale --replicas=3 rs/foo

# Scale a resource identified by type and name specified in "foo.yaml" to 3
kubectl scale --replicas=3 -f foo.yaml

# If the deployment named mysql's current size is 2, scale mysql to 3
kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

# Scale multiple replication controllers
kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

# Scale stateful set named 'web' to 3
kubectl scale --replicas=3 statefulset/web`,
  use: "[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    { name: "current-replicas", type: "int", default: -1, usage: "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition." },
    DRY_RUN_FLAG,
    ...filenameFlags("identifying the resource to set a new size"),
    { name: "replicas", type: "int", usage: "The new desired number of replicas. Required." },
    { name: "resource-version", type: "string", usage: "Precondition for resource version. Requires that the current resource version match this value in order to scale." },
    SELECTOR_FLAG,
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
    RECORD_FLAG,
  ],
  run,
};
