/**
 * `kubectl set selector` (pkg/cmd/set/set_selector.go): the last argument is a selector
 * that replaces a Service's `.spec.selector` whole; every other kind is refused by kubectl
 * itself. With `--resource-version` the patch carries that version, so the server refuses
 * it if the object has changed since. Prints `service/web selector updated`.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, list, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { printFailure } from "../../patch/failure";
import type { Target } from "../../patch/targets";
import { resolveTargets } from "../../patch/targets";
import { RECORD_FLAG, RECURSIVE_FLAG } from "../../patch/verb-flags";
import { LOCAL_RESOURCE_ERROR } from "./pod-template";
import type { ParsedSelector } from "./selector-expression";
import { formatRequirements, parseSelectorExpression } from "./selector-expression";
import type { ObjectChange } from "./send-patches";
import { sendPatches } from "./send-patches";

const SERVICE = resolveResource("services") as ResourceType;

/** updateSelectorForObject, after the resource version is cleared from `before` and set on `after` when one was given. */
function setSelector(t: Target, selector: ParsedSelector, resourceVersion: string): ObjectChange {
  const before = structuredClone(t.object);
  if (resourceVersion) before.metadata.resourceVersion = "";
  const after = structuredClone(before);
  if (resourceVersion) after.metadata.resourceVersion = resourceVersion;
  if (after.kind !== "Service") return { ok: false, error: "setting a selector is only supported for Services" };
  if (selector.matchExpressions.length > 0) return { ok: false, error: `match expression ${formatRequirements(selector.matchExpressions)} not supported on this object` };
  const spec = ((after as KubeObject & { spec?: Record<string, unknown> }).spec ??= {});
  // an empty map is omitted when the Service is encoded, which the patch turns into a removal
  if (Object.keys(selector.matchLabels).length > 0) spec.selector = { ...selector.matchLabels };
  else delete spec.selector;
  return { ok: true, before, after };
}

async function run(ctx: CommandContext): Promise<number> {
  const { env, flags, args } = ctx;
  const dryRun = parseDryRun(flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const selector = args.length > 0 ? parseSelectorExpression(args[args.length - 1]) : undefined;
  if (selector && !selector.ok) return printFailure(env.err, selector.error);
  const printer = objectPrinter(env, flags, "selector updated", dryRun.value, SERVICE);
  if (!printer.ok) return printFailure(env.err, printer.error);
  if (!selector) return printFailure(env.err, "one selector is required");
  const resources = args.slice(0, -1);
  const local = bool(flags, "local");
  if (local && resources.length > 0) return printFailure(env.err, LOCAL_RESOURCE_ERROR);
  const found = resolveTargets(env, { args: resources, filenames: list(flags, "filename"), recursive: bool(flags, "recursive"), all: bool(flags, "all"), fetch: !local });
  if (!found.ok) return printFailure(env.err, found.error);
  const resourceVersion = str(flags, "resource-version");
  const changes = found.value.targets.map((target) => ({ target, change: setSelector(target, selector.value, resourceVersion) }));
  return sendPatches(env, changes, { local, dryRun: dryRun.value, printer: printer.value }, found.value.errors);
}

export const setSelectorCommand: CommandSpec = {
  name: "selector",
  short: "Set the selector on a resource",
  long: `Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.

 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.`,
  example: `# Set the labels and selector before creating a deployment/service pair
kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml | kubectl create -f -
kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -`,
  use: "(-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource." },
    { ...RECURSIVE_FLAG, default: true },
    { name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally." },
    RECORD_FLAG,
    {
      name: "resource-version",
      type: "string",
      usage: "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.",
    },
  ],
  run,
};
