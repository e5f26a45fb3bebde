/**
 * `kubectl annotate` (pkg/cmd/annotate/annotate.go): like label, for annotations, whose
 * values may hold anything; every object changed or not reports `annotated`.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { bool, str } from "../flags";
import { fieldManagerFlag } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { MetadataVerb } from "./metadata-verb";
import { updateMetadata } from "./metadata-verb";
import { printFailure } from "../patch/failure";
import { parsePairs, resourcesAndPairs } from "../patch/pairs";
import { FIELD_SELECTOR_FLAG, filenameFlags, localFlag, RECORD_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

/** The change-cause annotation may always be overwritten. */
const CHANGE_CAUSE = "kubernetes.io/change-cause";

function overwriteErrors(object: KubeObject, set: ReadonlyMap<string, string>): string[] {
  const annotations = object.metadata.annotations ?? {};
  const clashes = [...set.keys()].filter((k) => k !== CHANGE_CAUSE && Object.hasOwn(annotations, k)).map((k) => `'${k}' already has a value (${annotations[k]})`);
  return clashes.length > 0 ? [`--overwrite is false but found the following declared annotation(s): ${clashes.join("; ")}`] : [];
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
  // one printer for every object (Complete's ToPrinter), so YAML documents are separated by `---`
  const verb: MetadataVerb = { field: "annotations", noun: "annotation", exampleFile: "rsrc", reportMissingRemovals: false, overwriteErrors, printer: () => printer };
  return updateMetadata(ctx, verb, { resources: split.value.resources, ...pairs.value, dryRun: dryRun.value, listing });
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
    FIELD_SELECTOR_FLAG,
    ...filenameFlags("identifying the resource to update the annotation"),
    { name: "list", type: "bool", usage: "If true, display the annotations for a given resource." },
    localFlag("If true, annotation will NOT contact api-server but run locally."),
    { name: "overwrite", type: "bool", usage: "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations." },
    { name: "resource-version", type: "string", usage: "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource." },
    SELECTOR_FLAG,
    RECORD_FLAG,
  ],
  run,
};
