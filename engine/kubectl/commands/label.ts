/**
 * `kubectl label` (pkg/cmd/label/label.go): `key=value` sets, `key-` removes, existing keys
 * are only overwritten with `--overwrite`. Each object reports `labeled`, `unlabeled`,
 * `modified` (labels both added and removed) or `not labeled`; `--list` prints the labels.
 */
import type { KubeObject } from "../../api/object";
import { labelValueErrors } from "../../api/field-errors";
import type { CommandContext, CommandSpec } from "../command";
import { bool, str } from "../flags";
import { fieldManagerFlag } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { MetadataVerb } from "./metadata-verb";
import { updateMetadata } from "./metadata-verb";
import { printFailure } from "../patch/failure";
import { resourcesAndPairs } from "../patch/pairs";
import { FIELD_SELECTOR_FLAG, filenameFlags, localFlag, RECORD_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

type LabelSpec = { ok: true; value: { set: Map<string, string>; remove: string[] } } | { ok: false; error: string };

/** parseLabels: values are checked on the client, keys by the server. */
function parseLabels(specs: readonly string[]): LabelSpec {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) return { ok: false, error: `invalid label spec: ${spec}` };
      const errs = labelValueErrors(parts[1]);
      if (errs.length > 0) return { ok: false, error: `invalid label value: "${spec}": ${errs.join(";")}` };
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      return { ok: false, error: `unknown label spec: ${spec}` };
    }
  }
  if (remove.some((k) => set.has(k))) return { ok: false, error: "can not both modify and remove a label in the same command" };
  return { ok: true, value: { set, remove } };
}

/** What happened to the labels: added, removed, both, or nothing. */
function changeMessage(before: Record<string, string>, after: Record<string, string>): string {
  const added = Object.entries(after).some(([k, v]) => before[k] !== v);
  const removed = Object.keys(before).some((k) => !Object.hasOwn(after, k));
  if (added && removed) return "modified";
  if (removed) return "unlabeled";
  return added ? "labeled" : "not labeled";
}

function overwriteErrors(object: KubeObject, set: ReadonlyMap<string, string>): string[] {
  const labels = object.metadata.labels ?? {};
  return [...set.keys()].filter((k) => Object.hasOwn(labels, k)).map((k) => `'${k}' already has a value (${labels[k]}), and --overwrite is false`);
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const split = resourcesAndPairs(ctx.args, "label");
  if (!split.ok) return printFailure(env.err, split.error);
  const labels = parseLabels(split.value.pairs);
  if (!labels.ok) return printFailure(env.err, labels.error);
  const listing = bool(ctx.flags, "list");
  if (listing && str(ctx.flags, "output")) return printFailure(env.err, "--list and --output may not be specified together");
  const verb: MetadataVerb = {
    field: "labels",
    noun: "label",
    exampleFile: "pod",
    reportMissingRemovals: true,
    overwriteErrors,
    // a printer per object (RunLabel's ToPrinter), naming what happened to its labels
    printer: (before, after, type) => objectPrinter(env, ctx.flags, changeMessage(before.metadata.labels ?? {}, after.metadata.labels ?? {}), dryRun.value, type),
  };
  return updateMetadata(ctx, verb, { resources: split.value.resources, ...labels.value, dryRun: dryRun.value, listing });
}

export const labelCommand: CommandSpec = {
  name: "label",
  group: "Basic Commands (Intermediate)",
  short: "Update the labels on a resource",
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `# Update pod 'foo' with the label 'unhealthy' and the value 'true'
kubectl label pods foo unhealthy=true

# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
kubectl label --overwrite pods foo status=unhealthy

# Update all pods in the namespace
kubectl label pods --all status=unhealthy

# Update a pod identified by the type and name in "pod.json"
kubectl label -f pod.json status=unhealthy

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl label pods foo status=unhealthy --resource-version=1

# Update pod 'foo' by removing a label named 'bar' if it exists
# Does not require the --overwrite flag
kubectl label pods foo bar-`,
  use: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If true, check the specified action in all namespaces." },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-label"),
    FIELD_SELECTOR_FLAG,
    ...filenameFlags("identifying the resource to update the labels"),
    { name: "list", type: "bool", usage: "If true, display the labels for a given resource." },
    localFlag("If true, label will NOT contact api-server but run locally."),
    { name: "overwrite", type: "bool", usage: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels." },
    { name: "resource-version", type: "string", usage: "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource." },
    SELECTOR_FLAG,
    RECORD_FLAG,
  ],
  run,
};
