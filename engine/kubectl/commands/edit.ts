/**
 * `kubectl edit` (pkg/cmd/edit, pkg/cmd/util/editor/editoptions.go): the objects are
 * written to a temporary file under a comment header and opened in the editor; what the
 * learner saves is sent back as a strategic merge patch. An unchanged file cancels; a save
 * the server refuses as invalid reopens the file with the reasons in its header, and
 * saving that unchanged gives up, keeping a copy in /tmp.
 *
 * The editor is the terminal's (an optional `editor` on the environment); without one,
 * kubectl's error for an editor that cannot be launched is printed.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { bool, list, str } from "../flags";
import { parseManifests } from "../manifests";
import { printStructured, splitOutput } from "../printers/output";
import { fieldManagerFlag, parseValidation, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import type { EditReason } from "../patch/edit-file";
import { editHeader, hasLines, manualStrip, stripComments, tempFileName } from "../patch/edit-file";
import type { Failure } from "../patch/failure";
import { printFailure } from "../patch/failure";
import { withApplyAnnotation } from "../patch/last-applied";
import { printWarnings } from "../patch/print-warnings";
import { serverPatch } from "../patch/server-patch";
import type { JsonMap } from "../patch/smp-lists";
import { deepEqual } from "../patch/smp-lists";
import { createTwoWayMergePatch, PRECONDITION_FAILED, requireKeyUnchanged, requireMetadataKeyUnchanged } from "../patch/strategic-diff";
import { kindType } from "../patch/patch-meta";
import { goMarshal } from "../patch/go-json";
import type { Target } from "../patch/targets";
import { resolveTargets } from "../patch/targets";
import { filenameFlags, RECORD_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

/** The default editor on Linux (editor.go defaultEditor). */
const DEFAULT_EDITOR = "vi";

const PRECONDITIONS = [requireKeyUnchanged("apiVersion"), requireKeyUnchanged("kind"), requireMetadataKeyUnchanged("name"), requireKeyUnchanged("managedFields")];

function resourceString(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

interface Results {
  reasons: EditReason[];
  edit: number;
  retryable: number;
  notfound: number;
}

/** editResults.addError: the line printed now, and what reopening the file will say. */
function addError(results: Results, e: Failure, t: Target): string {
  const name = `${resourceString(t.type)} "${t.object.metadata.name ?? ""}"`;
  if (typeof e !== "string" && e.reason === "Invalid") {
    results.edit++;
    results.reasons.push({ head: `${name} was not valid`, other: (e.details?.causes ?? []).map((c) => c.message) });
    return `error: ${name} is invalid`;
  }
  if (typeof e !== "string" && e.reason === "NotFound") {
    results.notfound++;
    return `error: ${name} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${name} could not be patched: ${typeof e === "string" ? e : e.message}`;
}

function withoutManagedFields(o: KubeObject): KubeObject {
  const { managedFields: _hidden, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** The objects as the editor shows them: one object, or a List of several. */
function render(format: string, targets: readonly Target[]): string {
  const objects = targets.map((t) => withoutManagedFields(t.object));
  const shown: KubeObject = objects.length === 1 ? objects[0] : { apiVersion: "v1", kind: "List", metadata: {}, items: objects };
  const r = printStructured({ output: format, objects: [{ object: shown, type: targets[0].type }], single: true });
  return r?.ok ? r.value : "";
}

/** LaunchTempFile: the file is written, the editor opened on it, and what it holds afterwards read back. */
async function launch(env: KubectlEnv, path: string, content: string): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  env.fs.writeFile(path, content);
  if (!env.editor) return { ok: false, error: `unable to launch the editor "${DEFAULT_EDITOR}"` };
  const saved = await env.editor({ path, content });
  const text = saved ?? content;
  env.fs.writeFile(path, text);
  return { ok: true, value: text };
}

/** "A copy of your changes has been stored to …" when the file is still there, then the error. */
function preserved(env: KubectlEnv, e: Failure, path: string): number {
  if (path && env.fs.readFile(path) !== undefined) env.err(`A copy of your changes has been stored to "${path}"\n`);
  return printFailure(env.err, e);
}

/** visitToPatch for one edited object: a failure that ends the edit, or undefined (server errors are counted in results). */
function patchOne(ctx: CommandContext, results: Results, original: Target, edited: KubeObject, validation: "Strict" | "Warn" | "Ignore"): Failure | undefined {
  const env = ctx.env;
  const originalJs = JSON.parse(goMarshal(original.object)) as JsonMap;
  const editedJs = JSON.parse(goMarshal(edited)) as JsonMap;
  const printer = (verb: string) => objectPrinter(env, ctx.flags, verb, "none", original.type);
  if (deepEqual(originalJs, editedJs)) {
    const p = printer("skipped");
    const text = p.ok ? p.value.print(edited, original.type) : p;
    if (text.ok) env.out(text.value);
    return undefined;
  }
  const patch = createTwoWayMergePatch(originalJs, editedJs, kindType(original.type.kind), PRECONDITIONS);
  if (!patch.ok) return patch.error.message === PRECONDITION_FAILED ? "At least one of apiVersion, kind and name was changed" : patch.error.message;
  if (bool(ctx.flags, "output-patch")) env.out(`Patch: ${goMarshal(patch.value)}\n`);
  const { name = "", namespace } = original.object.metadata;
  const r = serverPatch(env.api, original.type, namespace, name, "strategic", patch.value, { fieldValidation: validation === "Strict" ? "Strict" : "Warn" });
  if (!r.ok) {
    env.err(addError(results, r.error, original) + "\n");
    return undefined;
  }
  printWarnings(env.err, r.value.warnings);
  const p = printer("edited");
  const text = p.ok ? p.value.print(r.value.object, original.type) : p;
  if (text.ok) env.out(text.value);
  return undefined;
}

async function editLoop(ctx: CommandContext, originals: readonly Target[], format: string, validation: "Strict" | "Warn" | "Ignore"): Promise<number> {
  const env = ctx.env;
  const ext = format === "json" ? ".json" : ".yaml";
  let reasons: EditReason[] = [];
  let containsError = false;
  let edited = "";
  let previousFile = "";
  let original = "";
  for (let attempt = 0; ; attempt++) {
    const header = format === "json" ? "" : editHeader(reasons);
    let buffer: string;
    if (!containsError) {
      buffer = header + render(format, originals);
      original = buffer;
    } else {
      buffer = header + manualStrip(edited);
    }
    let file = tempFileName(`${originals[0].object.metadata.uid ?? ""}:${env.api.now()}:${attempt}`, ext);
    while (env.fs.exists(file)) file = tempFileName(file, ext);
    const editedBefore = edited;
    const launched = await launch(env, file, buffer);
    if (!launched.ok) return preserved(env, launched.error, previousFile);
    edited = launched.value;
    if (containsError && stripComments(editedBefore) === stripComments(edited)) return preserved(env, "Edit cancelled, no valid changes were saved.", file);
    if (previousFile) env.fs.remove(previousFile);
    if (stripComments(original) === stripComments(edited)) {
      env.fs.remove(file);
      env.err("Edit cancelled, no changes made.\n");
      return 0;
    }
    if (!hasLines(edited)) {
      env.fs.remove(file);
      env.err("Edit cancelled, saved file was empty.\n");
      return 0;
    }
    previousFile = file;
    const parsed = parseManifests(edited, "edited-file");
    if (!parsed.ok) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${parsed.error.replace(/^error: /, "")}`, other: [] }];
      continue;
    }
    containsError = false;
    const results: Results = { reasons: [], edit: 0, retryable: 0, notfound: 0 };
    for (const m of parsed.value) {
      let object = m.object as KubeObject;
      if (bool(ctx.flags, "save-config")) object = withApplyAnnotation(object as unknown as JsonMap) as unknown as KubeObject;
      const match = originals.find((o) => o.object.metadata.uid === object.metadata?.uid);
      if (!match) return preserved(env, `no original object found for ${goMarshal(object)}`, file);
      const failed = patchOne(ctx, results, match, object, validation);
      if (failed) return preserved(env, failed, file);
    }
    if (results.retryable > 0) {
      env.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (results.notfound > 0) {
      env.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
      return 1;
    }
    if (results.edit === 0) {
      env.fs.remove(file);
      return 0;
    }
    reasons = results.reasons;
    containsError = true;
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const [format] = splitOutput(str(ctx.flags, "output") || "yaml");
  if (format !== "yaml" && format !== "json") {
    return printFailure(env.err, `unable to match a printer suitable for the output format "${str(ctx.flags, "output")}", allowed formats are: json,yaml`);
  }
  const probe = objectPrinter(env, ctx.flags, "edited", "none", POD);
  if (!probe.ok) return printFailure(env.err, probe.error);
  const files = list(ctx.flags, "filename");
  const found = resolveTargets(env, { args: ctx.args, filenames: files, recursive: bool(ctx.flags, "recursive"), all: true });
  if (!found.ok) return printFailure(env.err, found.error);
  if (found.value.errors.length > 0) return printFailure(env.err, found.value.errors[0]);
  const validation = parseValidation(ctx.flags);
  if (!validation.ok) return printFailure(env.err, validation.error);
  const sub = str(ctx.flags, "subresource");
  if (sub && sub !== "status") return printFailure(env.err, `invalid subresource value: "${sub}". Must be one of [status]`);
  if (found.value.targets.length === 0) return printFailure(env.err, "edit cancelled, no objects found");
  return editLoop(ctx, found.value.targets, format, validation.value);
}

export const editCommand: CommandSpec = {
  name: "edit",
  group: "Basic Commands (Intermediate)",
  short: "Edit a resource on the server",
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 Shell defaults to /bin/bash if the SHELL environment variable is not set. To override the shell location set the SHELL environment variable with the desired shell location.

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `# Edit the service named 'registry'
kubectl edit svc/registry

# Use an alternative editor
KUBE_EDITOR="nano" kubectl edit svc/registry

# Edit the job 'myjob' in JSON using the v1 API format
kubectl edit job.v1.batch/myjob -o json

# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
kubectl edit deployment/mydeployment -o yaml --save-config

# Edit the deployment/mydeployment's status subresource
kubectl edit deployment mydeployment --subresource='status'`,
  use: "(RESOURCE/NAME | -f FILENAME)",
  flags: [
    ...PRINT_FLAGS,
    fieldManagerFlag("kubectl-edit"),
    ...filenameFlags("to use to edit the resource"),
    { name: "output-patch", type: "bool", usage: "Output the patch if the resource is edited." },
    SAVE_CONFIG_FLAG,
    { name: "subresource", type: "string", usage: "If specified, edit will operate on the subresource of the requested object. Must be one of [status]. This flag is beta and may change in the future." },
    VALIDATE_FLAG,
    { name: "windows-line-endings", type: "bool", usage: "Defaults to the line ending native to your platform." },
    RECORD_FLAG,
  ],
  run,
};
