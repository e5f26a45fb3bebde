/**
 * What `kubectl label` and `kubectl annotate` share once each has read its `KEY=VALUE` and
 * `KEY-` arguments: the checks of the flags that pick the objects, and the per-object
 * loop (overwrite check, the new map sent as a merge patch, `--list` or the printed
 * result). The two differ only in the field, the words of their messages, the overwrite
 * error and what they print per object.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import type { CommandContext } from "../command";
import { bool, list, str } from "../flags";
import type { DryRunStrategy } from "../printers/name";
import type { PrinterBuild } from "./create/print-flags";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import type { MetadataEdit, MetadataField } from "../patch/metadata-update";
import { editMetadata, metadataMergePatch } from "../patch/metadata-update";
import { printWarnings } from "../patch/print-warnings";
import { serverPatch } from "../patch/server-patch";
import { resolveTargets } from "../patch/targets";

export interface MetadataVerb {
  readonly field: MetadataField;
  /** `label` or `annotation`, as the messages name one */
  readonly noun: string;
  /** the file name the `--local` messages give as an example: label says `pod`, annotate `rsrc` */
  readonly exampleFile: string;
  /** label.go tells which keys to remove the object does not have */
  readonly reportMissingRemovals: boolean;
  /** why setting these keys needs --overwrite, one error or several */
  overwriteErrors(object: KubeObject, set: ReadonlyMap<string, string>): string[];
  /** the printer for one object, given the object before and after the local edit */
  printer(before: KubeObject, after: KubeObject, type: ResourceType): PrinterBuild;
}

export interface MetadataChange {
  readonly resources: readonly string[];
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
  readonly dryRun: DryRunStrategy;
  readonly listing: boolean;
}

function validate(ctx: CommandContext, verb: MetadataVerb, change: MetadataChange): string | undefined {
  const { flags } = ctx;
  const files = list(flags, "filename");
  if (bool(flags, "all") && str(flags, "selector")) return "cannot set --all and --selector at the same time";
  if (bool(flags, "all") && str(flags, "field-selector")) return "cannot set --all and --field-selector at the same time";
  if (bool(flags, "local")) {
    const f = verb.exampleFile;
    if (change.dryRun === "server") return "cannot specify --local and --dry-run=server - did you mean --dry-run=client?";
    if (change.resources.length > 0) return `can only use local files by -f ${f}.yaml or --filename=${f}.json when --local=true is set`;
    if (files.length === 0) return `one or more files must be specified as -f ${f}.yaml or --filename=${f}.json`;
  } else if (change.resources.length === 0 && files.length === 0) {
    return "one or more resources must be specified as <resource> <name> or <resource>/<name>";
  }
  if (change.set.size === 0 && change.remove.length === 0 && !change.listing) return `at least one ${verb.noun} update is required`;
  // label refuses this while parsing its arguments, in its own words
  const both = change.remove.filter((k) => change.set.has(k));
  if (both.length > 0) return `can not both modify and remove the following ${verb.noun}(s) in the same command: ${both.join(", ")}`;
  return undefined;
}

/** The objects found, each edited, sent (unless local, a client dry run or `--list`) and printed or listed. */
export function updateMetadata(ctx: CommandContext, verb: MetadataVerb, change: MetadataChange): number {
  const env = ctx.env;
  const invalid = validate(ctx, verb, change);
  if (invalid) return printFailure(env.err, invalid);
  const local = bool(ctx.flags, "local");
  const found = resolveTargets(env, {
    args: change.resources,
    filenames: list(ctx.flags, "filename"),
    recursive: bool(ctx.flags, "recursive"),
    selector: str(ctx.flags, "selector"),
    fieldSelector: str(ctx.flags, "field-selector"),
    all: bool(ctx.flags, "all"),
    allNamespaces: bool(ctx.flags, "all-namespaces"),
    fetch: !local,
  });
  if (!found.ok) return printFailure(env.err, found.error);
  const resourceVersion = str(ctx.flags, "resource-version");
  if (!found.value.single && resourceVersion) return printFailure(env.err, "--resource-version may only be used with a single resource");
  const edit: MetadataEdit = { field: verb.field, set: change.set, remove: change.remove, resourceVersion };
  const overwrite = bool(ctx.flags, "overwrite");
  const sends = !(change.dryRun === "client" || local || change.listing);
  const errors: Failure[] = [...found.value.errors];
  for (const t of found.value.targets) {
    const before = t.object;
    if (sends && verb.reportMissingRemovals) {
      for (const k of edit.remove) if (!Object.hasOwn(before.metadata[verb.field] ?? {}, k)) env.out(`${verb.noun} "${k}" not found.\n`);
    }
    const clash = overwrite ? [] : verb.overwriteErrors(before, edit.set);
    if (clash.length > 0) {
      errors.push(...clash);
      continue;
    }
    const after = editMetadata(before, edit);
    let result = after;
    if (sends) {
      const meta = before.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "merge", metadataMergePatch(before, after, verb.field), { dryRun: change.dryRun === "server" });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    if (change.listing) {
      const indent = found.value.single ? "" : " ";
      if (!found.value.single) env.out(`Listing ${verb.field} for ${t.type.kind}.${t.type.group}/${before.metadata.name ?? ""}:\n`);
      for (const [k, v] of Object.entries(result.metadata[verb.field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) env.out(`${indent}${k}=${v}\n`);
      continue;
    }
    const printer = verb.printer(before, after, t.type);
    if (!printer.ok) return printFailure(env.err, printer.error);
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}
