/**
 * `kubectl apply -f` (pkg/cmd/apply/apply.go): every object of the files is created,
 * configured through apply's three-way merge, or left unchanged, and reported as such;
 * with `-o` (other than name) the objects are printed together once all went well.
 * Failures do not stop the others; they are reported together at the end.
 */
import type { KubeObject } from "../../api/object";
import { clone } from "../../api/object";
import { matchesSelector, parseLabelSelector } from "../../api/label-selector";
import type { CommandContext, CommandSpec } from "../command";
import { usageError } from "../errors";
import { bool, int, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { nameOf, operationMessage } from "../printers/name";
import { printStructured } from "../printers/output";
import { fieldManagerFlag, parseValidation, VALIDATE_FLAG } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { deleteFlags } from "./delete";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { ApplyRequest } from "../patch/apply-object";
import { applyObject } from "../patch/apply-object";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import { printWarnings } from "../patch/print-warnings";
import type { Target } from "../patch/targets";
import { RECORD_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

function validate(ctx: CommandContext, dryRun: string): string | undefined {
  const serverSide = bool(ctx.flags, "server-side");
  const force = bool(ctx.flags, "force");
  if (bool(ctx.flags, "force-conflicts") && !serverSide) return "--force-conflicts only works with --server-side";
  if (dryRun === "client" && serverSide) return "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)";
  if (serverSide && force) return "--force cannot be used with --server-side";
  if (dryRun === "server" && force) return "--dry-run=server cannot be used with --force";
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) return "cannot set --all and --selector at the same time";
  if (bool(ctx.flags, "prune")) {
    if (force) return "--force cannot be used with --prune";
    if (!bool(ctx.flags, "all") && !str(ctx.flags, "selector")) {
      return "all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector";
    }
    return "--prune is not supported by this simulated cluster yet";
  }
  return undefined;
}

/** The objects of the files, namespaced as the builder does (NamespaceParam, DefaultNamespace, RequireNamespace). */
function objectsOf(ctx: CommandContext): { ok: true; value: { targets: Target[]; errors: Failure[] } } | { ok: false; error: string } {
  const env = ctx.env;
  const read = readManifests(list(ctx.flags, "filename"), env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
  if (!read.ok) return read;
  const selectorText = str(ctx.flags, "selector");
  const selector = selectorText ? parseLabelSelector(selectorText) : undefined;
  if (selector && !selector.ok) return { ok: false, error: `error: the provided selector "${selectorText}" is not valid: ${selector.error.message}` };
  const targets: Target[] = [];
  const errors: Failure[] = [];
  for (const m of read.value) {
    const mapped = manifestType(m);
    if (!mapped.ok) {
      errors.push(mapped.error.replace(/^error: /, ""));
      continue;
    }
    const type = mapped.value;
    const object = clone(m.object) as KubeObject;
    object.metadata = { ...(object.metadata ?? {}) };
    if (selector?.ok && !matchesSelector(selector.value, object.metadata.labels)) continue;
    if (type.namespaced) {
      const own = object.metadata.namespace;
      if (env.explicitNamespace && own && own !== env.namespace) {
        errors.push(`the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
        continue;
      }
      object.metadata.namespace = own || env.namespace;
    }
    targets.push({ type, object, source: m.source });
  }
  return { ok: true, value: { targets, errors } };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  if (ctx.args.length > 0) return usageError(env.err, ctx.path, `Unexpected args: [${ctx.args.join(" ")}]`);
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  if (list(ctx.flags, "filename").length === 0 && !str(ctx.flags, "kustomize")) return printFailure(env.err, "must specify one of -f and -k");
  if (str(ctx.flags, "kustomize")) return printFailure(env.err, "-k (kustomize) is not supported by this simulated cluster yet");
  const validation = parseValidation(ctx.flags);
  if (!validation.ok) return printFailure(env.err, validation.error);
  const invalid = validate(ctx, dryRun.value);
  if (invalid) return printFailure(env.err, invalid);
  const output = str(ctx.flags, "output");
  const printsObjects = output !== "" && output !== "name";
  const objects = objectsOf(ctx);
  if (!objects.ok) return printFailure(env.err, objects.error);
  const { targets, errors } = objects.value;
  if (targets.length === 0 && errors.length === 0) return printFailure(env.err, "no objects passed to apply");
  const probe = targets[0] && objectPrinter(env, ctx.flags, "created", dryRun.value, targets[0].type);
  if (probe && !probe.ok) return printFailure(env.err, probe.error);

  const applied: { object: KubeObject; type: Target["type"] }[] = [];
  for (const t of targets) {
    const req: ApplyRequest = {
      type: t.type,
      object: t.object,
      source: t.source,
      dryRun: dryRun.value,
      validation: validation.value,
      serverSide: bool(ctx.flags, "server-side"),
      force: bool(ctx.flags, "force"),
      gracePeriod: int(ctx.flags, "grace-period"),
      baseName: "kubectl",
      warn: (w) => printWarnings(env.err, [w]),
    };
    const r = await applyObject(env, req);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    applied.push({ object: r.value.object, type: t.type });
    if (printsObjects) continue;
    env.out((output === "name" ? nameOf(r.value.object, t.type) : operationMessage(r.value.object, t.type, r.value.operation, dryRun.value)) + "\n");
  }
  if (errors.length > 0) return printFailures(env.err, errors);
  if (printsObjects && applied.length > 0) {
    const single = applied.length === 1;
    const list: KubeObject = { apiVersion: "v1", kind: "List", metadata: {}, items: applied.map((a) => a.object) };
    const text = printStructured({ output, objects: single ? applied : [{ object: list, type: applied[0].type }], single: true, readFile: (p) => env.fs.readFile(env.fs.resolve(env.cwd, p)) });
    if (text && !text.ok) return printFailure(env.err, text.error);
    if (text) env.out(text.value);
  }
  return 0;
}

export const applyCommand: CommandSpec = {
  name: "apply",
  group: "Advanced Commands",
  short: "Apply a configuration to a resource by file name or stdin",
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `# Apply the configuration in pod.json to a pod
kubectl apply -f ./pod.json

# Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
kubectl apply -k dir/

# Apply the JSON passed into stdin to a pod
cat pod.json | kubectl apply -f -

# Apply the configuration from all files that end with '.json'
kubectl apply -f '*.json'

# Note: --prune is still in Alpha
# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
kubectl apply --prune -f manifest.yaml -l app=nginx

# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  use: "(-f FILENAME | -k DIRECTORY)",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types." },
    ...PRINT_FLAGS,
    ...deleteFlags("The files that contain the configurations to apply."),
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    { name: "force-conflicts", type: "bool", usage: "If true, server-side apply will force the changes against conflicts." },
    { name: "openapi-patch", type: "bool", default: true, usage: "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types." },
    { name: "overwrite", type: "bool", default: true, usage: "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration" },
    { name: "prune", type: "bool", usage: "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all." },
    { name: "prune-allowlist", type: "stringArray", usage: "Overwrite the default allowlist with <group/version/kind> for --prune" },
    SELECTOR_FLAG,
    { name: "server-side", type: "bool", usage: "If true, apply runs in the server instead of the client." },
    VALIDATE_FLAG,
    RECORD_FLAG,
  ],
  run,
};
