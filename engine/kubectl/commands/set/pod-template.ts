/**
 * What the `set` subcommands share (polymorphichelpers.UpdatePodSpecForObject and
 * set/helper.go CalculatePatches): the pod spec inside each kind that has one, the
 * strategic merge patch from the object before a change to after it, and the loop that
 * sends each object's patch and prints the result.
 */
import type { KubeObject } from "../../../api/object";
import type { CommandContext, KubectlEnv } from "../../command";
import { bool, list, str } from "../../flags";
import type { DryRunStrategy } from "../../printers/name";
import type { ObjectPrinter } from "../create/print-flags";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { goMarshal } from "../../patch/go-json";
import { kindType } from "../../patch/patch-meta";
import { printWarnings } from "../../patch/print-warnings";
import { serverPatch } from "../../patch/server-patch";
import type { JsonMap } from "../../patch/smp-lists";
import { isMap } from "../../patch/smp-lists";
import { createTwoWayMergePatch } from "../../patch/strategic-diff";
import type { Target } from "../../patch/targets";
import { resolveTargets } from "../../patch/targets";

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  ReplicationController: ["spec", "template", "spec"],
  Deployment: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** The pod spec of a copy of the object, to change in place, or kubectl's error for a kind without one. */
export function podSpecOf(object: KubeObject): { ok: true; value: JsonMap } | { ok: false; error: string } {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return { ok: false, error: `the object is not a pod or does not have a pod template: *v1.${object.kind}` };
  let cur = object as unknown as JsonMap;
  for (const key of path) {
    if (!isMap(cur[key])) cur[key] = {};
    cur = cur[key] as JsonMap;
  }
  return { ok: true, value: cur };
}

/** set image and set resources take only files with `--local`. */
export const LOCAL_RESOURCE_ERROR = "error: you must specify resources by --filename when --local is set.";

/**
 * The objects `TYPE NAME`, `-f`, `-l` or `--all` name, as the files hold them with `--local`;
 * objects that cannot be found stop the command before any is changed.
 */
export function templateTargets(ctx: CommandContext, args: readonly string[]): { ok: true; value: readonly Target[] } | { ok: false; error: readonly Failure[] } {
  const flags = ctx.flags;
  const found = resolveTargets(ctx.env, { args, filenames: list(flags, "filename"), recursive: bool(flags, "recursive"), selector: str(flags, "selector"), all: bool(flags, "all"), fetch: !bool(flags, "local") });
  if (!found.ok) return { ok: false, error: [found.error] };
  if (found.value.errors.length > 0) return { ok: false, error: found.value.errors };
  return { ok: true, value: found.value.targets };
}

/** `error: <plural>/<name> <message>`, as the set commands report an object they could not change (resource.Info.ObjectName). */
export function objectError(t: Target, message: string): string {
  return `error: ${t.type.plural}/${t.object.metadata.name ?? ""} ${message}\n`;
}

/** The two-way strategic merge patch between two versions of an object, `{}` when equal. */
function podTemplatePatch(before: KubeObject, after: KubeObject): { ok: true; value: JsonMap } | { ok: false; error: string } {
  const r = createTwoWayMergePatch(before as unknown as JsonMap, after as unknown as JsonMap, kindType(before.kind));
  return r.ok ? r : { ok: false, error: r.error.message };
}

/** The containers (or init containers) of a pod spec as a list of maps. */
export function containersOf(spec: JsonMap, field: "containers" | "initContainers"): JsonMap[] {
  const list = spec[field];
  return Array.isArray(list) ? list.filter(isMap) : [];
}

/** filepath.Match for the `-c` container selector. */
export function globMatch(pattern: string, name: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`).test(name);
}

/**
 * What a set subcommand made of one object: the changed copy, with errors to report that
 * do not keep it from being sent (set image's missing containers), or the error that skips it.
 */
export type TemplateChange = { ok: true; value: KubeObject; errors?: readonly Failure[] } | { ok: false; error: Failure };

export interface TemplateUpdate {
  readonly local: boolean;
  readonly dryRun: DryRunStrategy;
  readonly printer: ObjectPrinter;
  /** what a refused patch's message is prefixed with, e.g. `failed to patch image update to pod template: ` */
  readonly patchError: string;
  /** set env checks its variables only once the server took a patch (set_env.go), and then stops */
  readonly errorAfterPatch?: string;
}

/** Each object's patch sent (unless local or a client dry run) and the result printed; objects whose patch is empty are skipped silently. */
export function patchPodTemplates(env: KubectlEnv, changes: readonly { target: Target; changed: TemplateChange }[], opts: TemplateUpdate): number {
  const errors: Failure[] = [];
  for (const { target: t, changed } of changes) {
    if (!changed.ok) {
      errors.push(changed.error);
      continue;
    }
    errors.push(...(changed.errors ?? []));
    const patch = podTemplatePatch(t.object, changed.value);
    if (!patch.ok) {
      errors.push(objectError(t, patch.error));
      continue;
    }
    if (goMarshal(patch.value) === "{}") continue;
    let result = changed.value;
    if (!(opts.local || opts.dryRun === "client")) {
      const meta = t.object.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "strategic", patch.value, { dryRun: opts.dryRun === "server" });
      if (!r.ok) {
        errors.push(`${opts.patchError}${typeof r.error === "string" ? r.error : r.error.message}`);
        continue;
      }
      if (opts.errorAfterPatch) return printFailure(env.err, opts.errorAfterPatch);
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    const text = opts.printer.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}
