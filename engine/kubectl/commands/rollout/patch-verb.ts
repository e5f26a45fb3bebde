/**
 * The shape `rollout pause`, `resume` and `restart` share (set.CalculatePatches then a
 * strategic merge patch per object): per-object errors are collected as
 * `error: deployments.apps "web" is already paused`, the rest print `<kind>/<name> <verb>`.
 */
import type { CommandContext } from "../../command";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { printWarnings } from "../../patch/print-warnings";
import { serverPatch } from "../../patch/server-patch";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import type { Patcher } from "./object-patchers";
import { resourceString, TARGET_FLAGS, workloadTargets } from "./workload-targets";

export function patchVerbRun(patcher: Patcher, verb: string): (ctx: CommandContext) => number {
  return (ctx) => {
    const env = ctx.env;
    const found = workloadTargets(ctx);
    if (!found.ok) return printFailure(env.err, found.error);
    const errors: Failure[] = [...found.value.errors];
    for (const t of found.value.targets) {
      const patch = patcher(t.object, env.api.now());
      if (!patch.ok) {
        errors.push(`error: ${resourceString(t.type.plural, t.type.group)} "${t.object.metadata.name}" ${patch.error}`);
        continue;
      }
      const r = serverPatch(env.api, t.type, t.object.metadata.namespace, t.object.metadata.name ?? "", "strategic", patch.value);
      if (!r.ok) {
        errors.push(`failed to patch: ${typeof r.error === "string" ? r.error : r.error.message}`);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      const printer = objectPrinter(env, ctx.flags, verb, "none", t.type);
      if (!printer.ok) return printFailure(env.err, printer.error);
      const text = printer.value.print(r.value.object, t.type);
      if (!text.ok) return printFailure(env.err, text.error);
      env.out(text.value);
    }
    return printFailures(env.err, errors);
  };
}

export const PATCH_VERB_FLAGS = [...PRINT_FLAGS, fieldManagerFlag("kubectl-rollout"), ...TARGET_FLAGS];
