/**
 * `kubectl annotate` (pkg/cmd/annotate/annotate.go): like label, for annotations, whose
 * values may hold anything; every object changed or not reports `annotated`.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { bool, list, str } from "../flags";
import { fieldManagerFlag } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import type { MetadataEdit } from "../patch/metadata-update";
import { editMetadata, metadataMergePatch } from "../patch/metadata-update";
import { parsePairs, resourcesAndPairs } from "../patch/pairs";
import { printWarnings } from "../patch/print-warnings";
import { serverPatch } from "../patch/server-patch";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

/** The change-cause annotation may always be overwritten. */
const CHANGE_CAUSE = "kubernetes.io/change-cause";

function overwriteError(object: KubeObject, set: ReadonlyMap<string, string>): string | undefined {
  const annotations = object.metadata.annotations ?? {};
  const clashes = [...set.keys()].filter((k) => k !== CHANGE_CAUSE && Object.hasOwn(annotations, k)).map((k) => `'${k}' already has a value (${annotations[k]})`);
  return clashes.length > 0 ? `--overwrite is false but found the following declared annotation(s): ${clashes.join("; ")}` : undefined;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "annotated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const listing = bool(ctx.flags, "list");
  if (listing && str(ctx.flags, "output")) return printFailure(env.err, "--list and --output may not be specified together");
  const split = resourcesAndPairs(ctx.args, "annotation");
  if (!split.ok) return printFailure(env.err, split.error);
  const pairs = parsePairs(split.value.pairs, "annotation", true);
  if (!pairs.ok) return printFailure(env.err, pairs.error);
  const { set, remove } = pairs.value;
  const all = bool(ctx.flags, "all");
  const selector = str(ctx.flags, "selector");
  const files = list(ctx.flags, "filename");
  const local = bool(ctx.flags, "local");
  if (all && selector) return printFailure(env.err, "cannot set --all and --selector at the same time");
  if (all && str(ctx.flags, "field-selector")) return printFailure(env.err, "cannot set --all and --field-selector at the same time");
  if (!local) {
    if (split.value.resources.length === 0 && files.length === 0) return printFailure(env.err, "one or more resources must be specified as <resource> <name> or <resource>/<name>");
  } else {
    if (dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
    if (split.value.resources.length > 0) return printFailure(env.err, "can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set");
    if (files.length === 0) return printFailure(env.err, "one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json");
  }
  if (set.size === 0 && remove.length === 0 && !listing) return printFailure(env.err, "at least one annotation update is required");
  const both = remove.filter((k) => set.has(k));
  if (both.length > 0) return printFailure(env.err, `can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`);

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
  const edit: MetadataEdit = { field: "annotations", set, remove, resourceVersion };
  const overwrite = bool(ctx.flags, "overwrite");
  const errors: Failure[] = [...found.value.errors];
  for (const t of found.value.targets) {
    const before = t.object;
    const clash = overwrite ? undefined : overwriteError(before, set);
    if (clash) {
      errors.push(clash);
      continue;
    }
    const after = editMetadata(before, edit);
    let result = after;
    if (!(dryRun.value === "client" || local || listing)) {
      const meta = before.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "merge", metadataMergePatch(before, after, "annotations"), { dryRun: dryRun.value === "server" });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    if (listing) {
      const indent = found.value.single ? "" : " ";
      if (!found.value.single) env.out(`Listing annotations for ${t.type.kind}.${t.type.group}/${before.metadata.name ?? ""}:\n`);
      for (const [k, v] of Object.entries(result.metadata.annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) env.out(`${indent}${k}=${v}\n`);
      continue;
    }
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const annotateCommand: CommandSpec = {
  name: "annotate",
  group: "Basic Commands (Intermediate)",
  short: "Update the annotations on a resource",
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# Update pod 'foo' with the annotation 'description' and the value 'my frontend'
# If the same annotation is set multiple times, only the last value will be applied
kubectl annotate pods foo description='my frontend'

# Update a pod identified by type and name in "pod.json"
kubectl annotate -f pod.json description='my frontend'

# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
kubectl annotate --overwrite pods foo description='my frontend running nginx'

# Update all pods in the namespace
kubectl annotate pods --all description='my frontend running nginx'

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl annotate pods foo description='my frontend running nginx' --resource-version=1

# Update pod 'foo' by removing an annotation named 'description' if it exists
# Does not require the --overwrite flag
kubectl annotate pods foo description-`,
  use: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types." },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If true, check the specified action in all namespaces." },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-annotate"),
    { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...filenameFlags("identifying the resource to update the annotation"),
    { name: "list", type: "bool", usage: "If true, display the annotations for a given resource." },
    localFlag("If true, annotation will NOT contact api-server but run locally."),
    { name: "overwrite", type: "bool", usage: "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations." },
    { name: "resource-version", type: "string", usage: "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource." },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    RECORD_FLAG,
  ],
  run,
};
