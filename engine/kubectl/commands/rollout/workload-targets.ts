/**
 * What the rollout subcommands share: the flags that name objects (`-f`, `-k`, `-R`, `-l`)
 * and the resource builder's lookup of the named workloads, with their errors.
 */
import type { CommandContext } from "../../command";
import type { FlagSpec } from "../../flags";
import { bool, list, str } from "../../flags";
import type { TargetsResult } from "../../patch/targets";
import { resolveTargets } from "../../patch/targets";
import { filenameFlags, SELECTOR_FLAG } from "../../patch/verb-flags";

export const TARGET_FLAGS: readonly FlagSpec[] = [...filenameFlags("identifying the resource to get from a server."), SELECTOR_FLAG];

export const REQUIRED_RESOURCE = "required resource not specified";

/** Validate's first check: some resource was named, by argument or file. */
export const namesResource = (ctx: CommandContext): boolean => ctx.args.length > 0 || list(ctx.flags, "filename").length > 0 || str(ctx.flags, "kustomize") !== "";

/**
 * The workloads named by arguments, `-f` or `-l`; `required resource not specified` when
 * none are. A type without names selects all of that type (ResourceTypeOrNameArgs(true, …)).
 */
export function workloadTargets(ctx: CommandContext): TargetsResult {
  if (!namesResource(ctx)) return { ok: false, error: REQUIRED_RESOURCE };
  return resolveTargets(ctx.env, { args: ctx.args, filenames: list(ctx.flags, "filename"), recursive: bool(ctx.flags, "recursive"), selector: str(ctx.flags, "selector"), all: true });
}

/** `deployments.apps`: the resource as the rollout errors name it. */
export function resourceString(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}
