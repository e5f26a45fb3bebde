/**
 * `kubectl label` (pkg/cmd/label/label.go): `key=value` sets, `key-` removes, existing keys
 * are only overwritten with `--overwrite`. Each object reports `labeled`, `unlabeled`,
 * `modified` (labels both added and removed) or `not labeled`; `--list` prints the labels.
 */
import type { KubeObject } from "../../api/object";
import { labelValueErrors } from "../../api/field-errors";
import type { CommandContext, CommandSpec } from "../command";
import { bool, list, str } from "../flags";
import { fieldManagerFlag } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import type { MetadataEdit } from "../patch/metadata-update";
import { editMetadata, metadataMergePatch } from "../patch/metadata-update";
import { resourcesAndPairs } from "../patch/pairs";
import { printWarnings } from "../patch/print-warnings";
import { serverPatch } from "../patch/server-patch";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

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
  const all = bool(ctx.flags, "all");
  const selector = str(ctx.flags, "selector");
  const files = list(ctx.flags, "filename");
  const local = bool(ctx.flags, "local");
  if (all && selector) return printFailure(env.err, "cannot set --all and --selector at the same time");
  if (all && str(ctx.flags, "field-selector")) return printFailure(env.err, "cannot set --all and --field-selector at the same time");
  if (local) {
    if (dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
    if (split.value.resources.length > 0) return printFailure(env.err, "can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set");
    if (files.length === 0) return printFailure(env.err, "one or more files must be specified as -f pod.yaml or --filename=pod.json");
  } else if (split.value.resources.length === 0 && files.length === 0) {
    return printFailure(env.err, "one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (labels.value.set.size === 0 && labels.value.remove.length === 0 && !listing) return printFailure(env.err, "at least one label update is required");

  const found = resolveTargets(env, {
    args: split.value.resources,
    filenames: files,
    recursive: bool(ctx.flags, "recursive"),
    selector,
    fieldSelector: str(ctx.flags, "field-selector"),
    all,
    allNamespaces: bool(ctx.flags, "all-namespaces"),
    fetch: !local,
  });
  if (!found.ok) return printFailure(env.err, found.error);
  const resourceVersion = str(ctx.flags, "resource-version");
  if (!found.value.single && resourceVersion) return printFailure(env.err, "--resource-version may only be used with a single resource");
  const edit: MetadataEdit = { field: "labels", set: labels.value.set, remove: labels.value.remove, resourceVersion };
  const overwrite = bool(ctx.flags, "overwrite");
  const errors: Failure[] = [...found.value.errors];
  for (const t of found.value.targets) {
    const before = t.object;
    if (!(dryRun.value === "client" || local || listing)) {
      for (const k of edit.remove) if (!Object.hasOwn(before.metadata.labels ?? {}, k)) env.out(`label "${k}" not found.\n`);
    }
    const clash = overwrite ? [] : overwriteErrors(before, edit.set);
    if (clash.length > 0) {
      errors.push(...clash);
      continue;
    }
    const after = editMetadata(before, edit);
    const message = changeMessage(before.metadata.labels ?? {}, after.metadata.labels ?? {});
    let result = after;
    if (!(dryRun.value === "client" || local || listing)) {
      const meta = before.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "merge", metadataMergePatch(before, after, "labels"), { dryRun: dryRun.value === "server" });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    if (listing) {
      const indent = found.value.single ? "" : " ";
      if (!found.value.single) env.out(`Listing labels for ${t.type.kind}.${t.type.group}/${before.metadata.name ?? ""}:\n`);
      for (const [k, v] of Object.entries(result.metadata.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) env.out(`${indent}${k}=${v}\n`);
      continue;
    }
    const printer = objectPrinter(env, ctx.flags, message, dryRun.value, t.type);
    if (!printer.ok) return printFailure(env.err, printer.error);
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
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
    { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
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
