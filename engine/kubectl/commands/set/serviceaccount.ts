/**
 * `kubectl set serviceaccount` (pkg/cmd/set/set_serviceaccount.go), alias `sa`: the last
 * argument becomes `serviceAccountName` in the pod spec of a pod or a workload's pod
 * template. The patch is sent even when nothing changes; a pod refuses it, as the API
 * server refuses any change to a running pod's service account.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { bool } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { printFailure, printFailures } from "../../patch/failure";
import type { Target } from "../../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG } from "../../patch/verb-flags";
import { objectError, podSpecOf, templateTargets } from "./pod-template";
import type { ObjectChange } from "./send-patches";
import { sendPatches } from "./send-patches";

const POD = resolveResource("pods") as ResourceType;

function setServiceAccount(t: Target, name: string): ObjectChange {
  const after = structuredClone(t.object);
  const spec = podSpecOf(after);
  if (!spec.ok) return { ok: false, error: objectError(t, spec.error) };
  spec.value.serviceAccountName = name;
  return { ok: true, before: t.object, after };
}

async function run(ctx: CommandContext): Promise<number> {
  const { env, flags, args } = ctx;
  const dryRun = parseDryRun(flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const local = bool(flags, "local");
  if (local && dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  const printer = objectPrinter(env, flags, "serviceaccount updated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  if (args.length === 0) return printFailure(env.err, "serviceaccount is required");
  const name = args[args.length - 1];
  // with --local the builder is given only the files: resource arguments are ignored
  const found = templateTargets(ctx, local ? [] : args.slice(0, -1));
  if (!found.ok) return printFailures(env.err, found.error);
  const changes = found.value.map((target) => ({ target, change: setServiceAccount(target, name) }));
  return sendPatches(env, changes, { local, dryRun: dryRun.value, printer: printer.value, patchErrorPrefix: "failed to patch ServiceAccountName " });
}

export const setServiceAccountCommand: CommandSpec = {
  name: "serviceaccount",
  aliases: ["sa"],
  short: "Update the service account of a resource",
  long: `Update the service account of pod template resources.

 Possible resources (case insensitive) can be:

 replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset`,
  example: `# Set deployment nginx-deployment's service account to serviceaccount1
kubectl set serviceaccount deployment nginx-deployment serviceaccount1

# Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server
kubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml`,
  use: "(-f FILENAME | TYPE NAME) SERVICE_ACCOUNT",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("identifying the resource to get from a server."),
    localFlag("If true, set serviceaccount will NOT contact api-server but run locally."),
    RECORD_FLAG,
  ],
  run,
};
