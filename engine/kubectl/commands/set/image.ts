/**
 * `kubectl set image` (pkg/cmd/set/set_image.go): `CONTAINER=IMAGE` pairs (`*` for every
 * container) set the image of containers and init containers in a pod or a pod template,
 * sent as a strategic merge patch; `deployment.apps/web image updated`. An object whose
 * images are already right is skipped silently.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { KubeObject } from "../../../api/object";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, list, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { parsePairs, resourcesAndPairs } from "../../patch/pairs";
import { printWarnings } from "../../patch/print-warnings";
import { serverPatch } from "../../patch/server-patch";
import { resolveTargets } from "../../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG } from "../../patch/verb-flags";
import { containersOf, isEmptyPatch, objectName, podSpecOf, podTemplatePatch } from "./pod-template";

const POD = resolveResource("pods") as ResourceType;

const LOCAL_RESOURCE_ERROR = "error: you must specify resources by --filename when --local is set.";

function validate(ctx: CommandContext, resources: readonly string[], images: ReadonlyMap<string, string>, dryRun: string): string[] {
  const errors: string[] = [];
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) errors.push("cannot set --all and --selector at the same time");
  if (resources.length === 0 && list(ctx.flags, "filename").length === 0) errors.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (images.size === 0) errors.push("at least one image update is required");
  else if (images.size > 1 && images.has("*")) errors.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (bool(ctx.flags, "local") && dryRun === "server") errors.push("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  return errors;
}

/** The object with the images set, and the containers that could not be found. */
function setImages(object: KubeObject, images: ReadonlyMap<string, string>): { ok: true; value: { object: KubeObject; missing: string[] } } | { ok: false; error: string } {
  const copy = structuredClone(object);
  const spec = podSpecOf(copy);
  if (!spec.ok) return spec;
  const missing: string[] = [];
  for (const [name, image] of images) {
    let found = false;
    for (const field of ["initContainers", "containers"] as const) {
      for (const c of containersOf(spec.value, field)) {
        if (c.name === name || name === "*") {
          c.image = image;
          found = true;
        }
      }
    }
    if (!found) missing.push(name);
  }
  return { ok: true, value: { object: copy, missing } };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "image updated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const split = resourcesAndPairs(ctx.args, "image");
  if (!split.ok) return printFailure(env.err, split.error);
  const pairs = parsePairs(split.value.pairs, "image", false);
  if (!pairs.ok) return printFailure(env.err, pairs.error);
  const local = bool(ctx.flags, "local");
  if (local && split.value.resources.length > 0) return printFailure(env.err, LOCAL_RESOURCE_ERROR);
  const found = resolveTargets(env, {
    args: split.value.resources,
    filenames: list(ctx.flags, "filename"),
    recursive: bool(ctx.flags, "recursive"),
    selector: str(ctx.flags, "selector"),
    all: bool(ctx.flags, "all"),
    fetch: !local,
  });
  if (!found.ok) return printFailure(env.err, found.error);
  if (found.value.errors.length > 0) return printFailures(env.err, found.value.errors);
  const invalid = validate(ctx, split.value.resources, pairs.value.set, dryRun.value);
  if (invalid.length > 0) return printFailures(env.err, invalid);

  const errors: Failure[] = [];
  for (const t of found.value.targets) {
    const changed = setImages(t.object, pairs.value.set);
    if (!changed.ok) {
      errors.push(`error: ${objectName(t.type, t.object)} ${changed.error}\n`);
      continue;
    }
    for (const name of changed.value.missing) errors.push(`error: unable to find container named "${name}"`);
    const patch = podTemplatePatch(t.object, changed.value.object);
    if (!patch.ok) {
      errors.push(`error: ${objectName(t.type, t.object)} ${patch.error}\n`);
      continue;
    }
    if (isEmptyPatch(patch.value)) continue;
    let result = changed.value.object;
    if (!(local || dryRun.value === "client")) {
      const meta = t.object.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "strategic", patch.value, { dryRun: dryRun.value === "server" });
      if (!r.ok) {
        errors.push(`failed to patch image update to pod template: ${typeof r.error === "string" ? r.error : r.error.message}`);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const setImageCommand: CommandSpec = {
  name: "image",
  short: "Update the image of a pod template",
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
kubectl set image deployments,rc nginx=nginx:1.9.1 --all

# Update image of all containers of daemonset abc to 'nginx:1.9.1'
kubectl set image daemonset abc *=nginx:1.9.1

# Print result (in yaml format) of updating nginx container image from local file, without hitting the server
kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  use: "(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("identifying the resource to get from a server."),
    localFlag("If true, set image will NOT contact api-server but run locally."),
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    RECORD_FLAG,
  ],
  run,
};
