/**
 * `kubectl set image` (pkg/cmd/set/set_image.go): `CONTAINER=IMAGE` pairs (`*` for every
 * container) set the image of containers and init containers in a pod or a pod template,
 * sent as a strategic merge patch; `deployment.apps/web image updated`. An object whose
 * images are already right is skipped silently.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, list, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { printFailure, printFailures } from "../../patch/failure";
import { parsePairs, resourcesAndPairs } from "../../patch/pairs";
import type { Target } from "../../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG, SELECTOR_FLAG } from "../../patch/verb-flags";
import type { TemplateChange } from "./pod-template";
import { containersOf, LOCAL_RESOURCE_ERROR, objectError, patchPodTemplates, podSpecOf, templateTargets } from "./pod-template";

const POD = resolveResource("pods") as ResourceType;

function validate(ctx: CommandContext, resources: readonly string[], images: ReadonlyMap<string, string>, dryRun: string): string[] {
  const errors: string[] = [];
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) errors.push("cannot set --all and --selector at the same time");
  if (resources.length === 0 && list(ctx.flags, "filename").length === 0) errors.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (images.size === 0) errors.push("at least one image update is required");
  else if (images.size > 1 && images.has("*")) errors.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (bool(ctx.flags, "local") && dryRun === "server") errors.push("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  return errors;
}

/** The object with the images set; a container that cannot be found is reported, the others still set. */
function setImages(t: Target, images: ReadonlyMap<string, string>): TemplateChange {
  const copy = structuredClone(t.object);
  const spec = podSpecOf(copy);
  if (!spec.ok) return { ok: false, error: objectError(t, spec.error) };
  const notFound: string[] = [];
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
    if (!found) notFound.push(`error: unable to find container named "${name}"`);
  }
  return { ok: true, value: copy, errors: notFound };
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
  const found = templateTargets(ctx, split.value.resources);
  if (!found.ok) return printFailures(env.err, found.error);
  const invalid = validate(ctx, split.value.resources, pairs.value.set, dryRun.value);
  if (invalid.length > 0) return printFailures(env.err, invalid);
  const changes = found.value.map((target) => ({ target, changed: setImages(target, pairs.value.set) }));
  return patchPodTemplates(env, changes, { local, dryRun: dryRun.value, printer: printer.value, patchError: "failed to patch image update to pod template: " });
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
    SELECTOR_FLAG,
    RECORD_FLAG,
  ],
  run,
};
