/**
 * `kubectl replace -f` (pkg/cmd/replace/replace.go): each object of the files replaces the
 * stored one whole (PUT), taking the server's resourceVersion when the file has none;
 * `pod/x replaced`. `--force` deletes the objects, waits until they are gone and creates
 * them again, printing both steps.
 */
import type { KubeObject } from "../../api/object";
import { clone } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { qualifiedKind, resolveResource } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { bool, int, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { fieldManagerFlag, parseValidation, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { deleteFlags } from "./delete";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import type { Failure } from "../patch/failure";
import { addSource, printFailure, printFailures } from "../patch/failure";
import { originalConfiguration, withApplyAnnotation } from "../patch/last-applied";
import { printWarnings } from "../patch/print-warnings";
import type { JsonMap } from "../patch/smp-lists";
import type { Target } from "../patch/targets";
import { RECORD_FLAG } from "../patch/verb-flags";

const POD = resolveResource("pods") as ResourceType;

/** The default wait for a forced replace's deletions (replace.go forceReplace). */
const FORCE_TIMEOUT_MS = 5 * 60 * 1000;

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return 0;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? "s"] ?? 1000;
  return Number(m[1]) * unit;
}

/** The objects of the files, namespaced as the builder does. */
function objectsOf(ctx: CommandContext): { ok: true; value: Target[] } | { ok: false; error: Failure } {
  const env = ctx.env;
  const read = readManifests(list(ctx.flags, "filename"), env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
  if (!read.ok) return read;
  const out: Target[] = [];
  for (const m of read.value) {
    const mapped = manifestType(m);
    if (!mapped.ok) return mapped;
    const object = clone(m.object) as KubeObject;
    object.metadata = { ...(object.metadata ?? {}) };
    if (mapped.value.namespaced) {
      const own = object.metadata.namespace;
      if (env.explicitNamespace && own && own !== env.namespace) {
        return { ok: false, error: `the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.` };
      }
      object.metadata.namespace = own || env.namespace;
    }
    out.push({ type: mapped.value, object, source: m.source });
  }
  return { ok: true, value: out };
}

/** util.CreateOrUpdateAnnotation: record the configuration with --save-config, or refresh a recorded one. */
function annotated(object: KubeObject, saveConfig: boolean): KubeObject {
  const map = object as unknown as JsonMap;
  return saveConfig || originalConfiguration(map) !== undefined ? (withApplyAnnotation(map) as unknown as KubeObject) : object;
}

/** What `kubectl delete` prints for an object it deleted. */
function deletedLine(t: Target, output: string): string {
  const name = t.object.metadata.name ?? "";
  if (output === "name") return `${qualifiedKind(t.type)}/${name}\n`;
  return `${qualifiedKind(t.type)} "${name}" deleted${t.type.namespaced ? ` from ${t.object.metadata.namespace ?? ""} namespace` : ""}\n`;
}

async function forceReplace(ctx: CommandContext, targets: readonly Target[], validation: "Strict" | "Warn" | "Ignore"): Promise<number> {
  const env = ctx.env;
  const output = str(ctx.flags, "output");
  const grace = int(ctx.flags, "grace-period");
  for (const t of targets) {
    const { name = "", namespace } = t.object.metadata;
    const deleted = env.api.delete(t.type, namespace, name, { gracePeriodSeconds: grace === 0 ? 1 : grace >= 0 ? grace : undefined });
    if (deleted.ok) env.out(deletedLine(t, output));
    else if (deleted.error.reason !== "NotFound") return printFailure(env.err, deleted.error);
  }
  const timeout = parseDuration(str(ctx.flags, "timeout")) || FORCE_TIMEOUT_MS;
  for (const t of targets) {
    let waited = 0;
    while (env.api.get(t.type, t.object.metadata.namespace, t.object.metadata.name ?? "").ok) {
      if (waited >= timeout) return printFailure(env.err, "timed out waiting for the condition");
      await env.sleep(1000);
      waited += 1000;
    }
  }
  const printer = objectPrinter(env, ctx.flags, "replaced", "none", targets[0].type);
  if (!printer.ok) return printFailure(env.err, printer.error);
  for (const t of targets) {
    const object = annotated(t.object, bool(ctx.flags, "save-config"));
    const { resourceVersion: _cleared, ...metadata } = object.metadata;
    const created = env.api.create(t.type, object.metadata.namespace, { ...object, metadata }, { fieldValidation: validation });
    if (!created.ok) return printFailure(env.err, created.error);
    printWarnings(env.err, created.value.warnings);
    const text = printer.value.print(created.value.object, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return 0;
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const validation = parseValidation(ctx.flags);
  if (!validation.ok) return printFailure(env.err, validation.error);
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  if (list(ctx.flags, "filename").length === 0 && !str(ctx.flags, "kustomize")) return printFailure(env.err, "must specify one of -f and -k");
  const force = bool(ctx.flags, "force");
  if (int(ctx.flags, "grace-period") >= 0 && !force) return printFailure(env.err, "--grace-period must have --force specified");
  if (parseDuration(str(ctx.flags, "timeout")) !== 0 && !force) return printFailure(env.err, "--timeout must have --force specified");
  const printer = objectPrinter(env, ctx.flags, "replaced", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const targets = objectsOf(ctx);
  if (!targets.ok) return printFailure(env.err, targets.error);
  if (force) {
    if (targets.value.length === 0) return printFailure(env.err, "no objects passed to replace");
    return forceReplace(ctx, targets.value, validation.value);
  }
  const errors: Failure[] = [];
  for (const t of targets.value) {
    const object = annotated(t.object, bool(ctx.flags, "save-config"));
    let result = object;
    if (dryRun.value !== "client") {
      const { name = "", namespace } = object.metadata;
      const current = env.api.get(t.type, namespace, name);
      const withVersion = object.metadata.resourceVersion || !current.ok ? object : { ...object, metadata: { ...object.metadata, resourceVersion: current.value.metadata.resourceVersion } };
      const updated = env.api.update(t.type, namespace, withVersion, { dryRun: dryRun.value === "server", fieldValidation: validation.value });
      if (!updated.ok) {
        errors.push(addSource(updated.error, "replacing", t.source));
        continue;
      }
      printWarnings(env.err, updated.value.warnings);
      result = updated.value.object;
    }
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const replaceCommand: CommandSpec = {
  name: "replace",
  group: "Advanced Commands",
  short: "Replace a resource by file name or stdin",
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
  example: `# Replace a pod using the data in pod.json
kubectl replace -f ./pod.json

# Replace a pod based on the JSON passed into stdin
cat pod.json | kubectl replace -f -

# Update a single-container pod's image version (tag) to v4
kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -

# Force replace, delete and then re-create the resource
kubectl replace --force -f ./pod.json`,
  use: "-f FILENAME",
  flags: [
    ...PRINT_FLAGS,
    ...deleteFlags("The files that contain the configurations to replace."),
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-replace"),
    { name: "raw", type: "string", usage: "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file." },
    SAVE_CONFIG_FLAG,
    { name: "subresource", type: "string", usage: "If specified, replace will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future." },
    VALIDATE_FLAG,
    RECORD_FLAG,
  ],
  run,
};
