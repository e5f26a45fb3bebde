/**
 * `kubectl patch` (pkg/cmd/patch/patch.go): a strategic merge patch, JSON merge patch or
 * JSON patch, given with `-p` or `--patch-file` in JSON or YAML, sent to the server for
 * each object named; `pod/x patched`, or `patched (no change)` when the object came back
 * as it was. `--local` and `--dry-run=client` patch on the client instead.
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
import { localPatch } from "../patch/local-patch";
import { readPatchText } from "../patch/patch-text";
import { printWarnings } from "../patch/print-warnings";
import type { PatchType } from "../patch/server-patch";
import { serverPatch } from "../patch/server-patch";
import { deepEqual } from "../patch/smp-lists";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

const PATCH_TYPES: readonly PatchType[] = ["json", "merge", "strategic"];

function patchOperation(didPatch: boolean): string {
  return didPatch ? "patched" : "patched (no change)";
}

function validate(ctx: CommandContext, dryRun: string): string | undefined {
  const patch = str(ctx.flags, "patch");
  const patchFile = str(ctx.flags, "patch-file");
  const local = bool(ctx.flags, "local");
  if (patch && patchFile) return "cannot specify --patch and --patch-file together";
  if (!patch && !patchFile) return "must specify --patch or --patch-file containing the contents of the patch";
  if (local && ctx.args.length > 0) return "cannot specify --local and server resources";
  if (local && dryRun === "server") return "cannot specify --local and --dry-run=server - did you mean --dry-run=client?";
  const type = str(ctx.flags, "type");
  if (type && !PATCH_TYPES.includes(type.toLowerCase() as PatchType)) return `--type must be one of [${PATCH_TYPES.join(" ")}], not "${type}"`;
  const sub = str(ctx.flags, "subresource");
  if (sub && sub !== "status" && sub !== "scale") return `invalid subresource value: "${sub}". Must be one of [status scale]`;
  return undefined;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const invalid = validate(ctx, dryRun.value);
  if (invalid) return printFailure(env.err, invalid);
  const patchType = (str(ctx.flags, "type") || "strategic").toLowerCase() as PatchType;
  const patchFile = str(ctx.flags, "patch-file");
  let text = str(ctx.flags, "patch");
  if (patchFile) {
    const content = env.fs.readFile(env.fs.resolve(env.cwd, patchFile));
    if (content === undefined) return printFailure(env.err, `unable to read patch file: open ${patchFile}: no such file or directory`);
    text = content;
  }
  const patch = readPatchText(text, str(ctx.flags, "patch"));
  if (!patch.ok) return printFailure(env.err, patch.error);
  if (str(ctx.flags, "subresource")) return printFailure(env.err, "--subresource is not supported by this simulated cluster yet");

  const local = bool(ctx.flags, "local");
  const files = list(ctx.flags, "filename");
  const found = resolveTargets(env, { args: ctx.args, filenames: files, recursive: bool(ctx.flags, "recursive"), fetch: !local && files.length === 0 });
  if (!found.ok) return printFailure(env.err, found.error);
  const probe = objectPrinter(env, ctx.flags, "patched", dryRun.value, found.value.targets[0]?.type ?? POD);
  if (!probe.ok) return printFailure(env.err, probe.error);
  const errors: Failure[] = [...found.value.errors];
  for (const t of found.value.targets) {
    let result: KubeObject;
    let didPatch: boolean;
    if (local || dryRun.value === "client") {
      const patched = localPatch(t.object, patchType, patch.value);
      if (!patched.ok) return printFailure(env.err, patched.error);
      result = patched.value;
      didPatch = !deepEqual(t.object, result);
    } else {
      const meta = t.object.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", patchType, patch.value, { dryRun: dryRun.value === "server" });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
      didPatch = !deepEqual(t.object, result);
    }
    const line = objectPrinter(env, ctx.flags, patchOperation(didPatch), dryRun.value, t.type);
    if (!line.ok) return printFailure(env.err, line.error);
    const out = line.value.print(result, t.type);
    if (!out.ok) return printFailure(env.err, out.error);
    env.out(out.value);
  }
  if (found.value.targets.length === 0 && errors.length === 0) return printFailure(env.err, "no objects passed to patch");
  return printFailures(env.err, errors);
}

export const patchCommand: CommandSpec = {
  name: "patch",
  group: "Advanced Commands",
  short: "Update fields of a resource",
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `# Partially update a node using a strategic merge patch, specifying the patch as JSON
kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

# Partially update a node using a strategic merge patch, specifying the patch as YAML
kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

# Update a container's image; spec.containers[*].name is required because it's a merge key
kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

# Update a container's image using a JSON patch with positional arrays
kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

# Update a deployment's replicas through the 'scale' subresource using a merge patch
kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  use: "(-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    ...filenameFlags("identifying the resource to update"),
    fieldManagerFlag("kubectl-patch"),
    localFlag("If true, patch will operate on the content of the file, not the server-side resource."),
    { name: "patch", short: "p", type: "string", usage: "The patch to be applied to the resource JSON file." },
    { name: "patch-file", type: "string", usage: "A file containing a patch to be applied to the resource." },
    { name: "subresource", type: "string", usage: "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future." },
    { name: "type", type: "string", default: "strategic", usage: "The type of patch being provided; one of [json merge strategic]" },
    RECORD_FLAG,
  ],
  run,
};
