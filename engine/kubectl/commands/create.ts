/**
 * `kubectl create` (pkg/cmd/create/create.go): `create -f FILE|DIR|-` creates every object
 * of the manifests, one after another, reporting each; a failed object does not stop the
 * others, and its error is printed at the end. The subcommands that build an object from
 * flags live in create/.
 */
import type { KubeObject } from "../../api/object";
import { clone } from "../../api/object";
import { matchesSelector, parseLabelSelector } from "../../api/label-selector";
import type { CommandContext, CommandSpec } from "../command";
import { fail, usageError, withSource } from "../errors";
import { bool, list, str } from "../flags";
import type { Manifest } from "../manifests";
import { manifestType, readManifests } from "../manifests";
import { createConfigMapCommand } from "./create/configmap";
import { createCronJobCommand } from "./create/cronjob";
import { fieldManagerFlag, parseValidation, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from "./create/common-flags";
import { defaultSubCommandRun } from "./create/default-subcommand-run";
import { createDeploymentCommand } from "./create/deployment";
import type { CollectedError } from "./create/error-list";
import { printErrors } from "./create/error-list";
import { typeOfKind } from "./create/generator";
import { createJobCommand } from "./create/job";
import { createNamespaceCommand } from "./create/namespace";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { createQuotaCommand } from "./create/quota";
import { createSecretCommand } from "./create/secret";
import { createServiceAccountCommand } from "./create/serviceaccount";
import { submit } from "./create/submit";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";
import { RECURSIVE_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

/** Real `kubectl create` subcommands the simulator does not build yet. */
const NOT_YET = ["clusterrole", "clusterrolebinding", "ingress", "ing", "poddisruptionbudget", "pdb", "priorityclass", "pc", "role", "rolebinding", "service", "svc", "token"];

const stripPrefix = (e: string) => e.replace(/^error: /, "");

/** The builder's namespace rule: an object naming another namespace than an explicit `-n` is refused. */
function namespaceFor(ctx: CommandContext, m: Manifest, namespaced: boolean): { ok: true; value: string | undefined } | { ok: false; error: string } {
  if (!namespaced) return { ok: true, value: undefined };
  const own = (m.object.metadata as Record<string, unknown> | undefined)?.namespace;
  const ns = typeof own === "string" && own ? own : ctx.env.namespace;
  if (ctx.env.explicitNamespace && ns !== ctx.env.namespace) {
    return { ok: false, error: `the namespace from the provided object "${ns}" does not match the namespace "${ctx.env.namespace}". You must pass '--namespace=${ns}' to perform this operation.` };
  }
  return { ok: true, value: ns };
}

function selected(ctx: CommandContext, manifests: readonly Manifest[]): { ok: true; value: Manifest[] } | { ok: false; error: string } {
  const selector = str(ctx.flags, "selector").trim();
  if (!selector) return { ok: true, value: [...manifests] };
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) return { ok: false, error: `the provided selector "${selector}" is not valid: ${parsed.error.message}` };
  return { ok: true, value: manifests.filter((m) => matchesSelector(parsed.value, (m.object.metadata as KubeObject["metadata"] | undefined)?.labels)) };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const files = list(ctx.flags, "filename");
  if (files.length === 0) {
    if (ctx.args.length && NOT_YET.includes(ctx.args[0])) return fail(env.err, `"kubectl create ${ctx.args[0]}" is not available in this simulated cluster yet`);
    env.err("Error: must specify one of -f and -k\n\n");
    return defaultSubCommandRun(ctx, createCommand);
  }
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return fail(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "created", dryRun.value, typeOfKind("Pod"));
  if (!printer.ok) return fail(env.err, printer.error);
  if (ctx.args.length) return usageError(env.err, ctx.path, `Unexpected args: [${ctx.args.join(" ")}]`);
  const validation = parseValidation(ctx.flags);
  if (!validation.ok) return fail(env.err, validation.error);
  const read = readManifests(files, env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
  if (!read.ok) return fail(env.err, read.error);
  const manifests = selected(ctx, read.value);
  if (!manifests.ok) return fail(env.err, manifests.error);

  const errors: CollectedError[] = [];
  let created = 0;
  for (const m of manifests.value) {
    const mapped = manifestType(m);
    if (!mapped.ok) {
      errors.push(stripPrefix(mapped.error));
      continue;
    }
    const type = mapped.value;
    const ns = namespaceFor(ctx, m, type.namespaced);
    if (!ns.ok) {
      errors.push(ns.error);
      continue;
    }
    const object = clone(m.object) as KubeObject;
    object.metadata = { ...(object.metadata ?? {}) };
    if (ns.value !== undefined) object.metadata.namespace = ns.value;
    const submitted = submit(env, { type, object, namespace: ns.value ?? env.namespace, dryRun: dryRun.value, saveConfig: bool(ctx.flags, "save-config"), validation: validation.value });
    if (!submitted.ok) {
      errors.push(withSource(submitted.error, "creating", m.source));
      continue;
    }
    created++;
    const text = printer.value.print(submitted.value, type);
    if (!text.ok) return fail(env.err, text.error);
    env.out(text.value);
  }
  if (errors.length) return printErrors(env.err, errors);
  if (created === 0) return fail(env.err, "no objects passed to create");
  return 0;
}

export const createCommand: CommandSpec = {
  name: "create",
  group: "Basic Commands (Beginner)",
  short: "Create a resource from a file or from stdin",
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `# Create a pod using the data in pod.json
kubectl create -f ./pod.json

# Create a pod based on the JSON passed into stdin
cat pod.json | kubectl create -f -

# Edit the data in registry.yaml in JSON then create the resource using the edited data
kubectl create -f registry.yaml --edit -o json`,
  use: "-f FILENAME [options]",
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files to use to create the resource" },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    SELECTOR_FLAG,
    VALIDATE_FLAG,
  ],
  subcommands: [createConfigMapCommand, createCronJobCommand, createDeploymentCommand, createJobCommand, createNamespaceCommand, createQuotaCommand, createSecretCommand, createServiceAccountCommand],
  run,
};
