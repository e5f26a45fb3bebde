/**
 * `kubectl cordon` (pkg/cmd/drain/drain.go NewCmdCordon): marks nodes unschedulable;
 * `node/node01 cordoned`, or `already cordoned` when it was.
 */
import type { CommandContext, CommandSpec } from "../command";
import { str } from "../flags";
import { printFailure } from "../patch/failure";
import { SELECTOR_FLAG } from "../patch/verb-flags";
import { cordonNodes } from "./drain/cordon-helper";
import { resolveNodes } from "./drain/nodes";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";

/** Complete and RunCordonOrUncordon, shared with uncordon. */
export function cordonRun(desired: boolean): (ctx: CommandContext) => number {
  return (ctx) => {
    const env = ctx.env;
    const verb = desired ? "cordon" : "uncordon";
    const selector = str(ctx.flags, "selector");
    if (ctx.args.length === 0 && !ctx.flags.changed.has("selector")) {
      env.err(`error: USAGE: ${verb} NODE [flags]\nSee '${ctx.path} -h' for help and examples\n`);
      return 1;
    }
    if (ctx.args.length > 0 && selector) {
      env.err(`error: cannot specify both a node name and a --selector option\nSee '${ctx.path} -h' for help and examples\n`);
      return 1;
    }
    const dryRun = parseDryRun(ctx.flags);
    if (!dryRun.ok) return printFailure(env.err, dryRun.error);
    const nodes = resolveNodes(env, ctx.args, selector);
    if (!nodes.ok) return printFailure(env.err, nodes.error);
    cordonNodes(env, nodes.value, desired, dryRun.value);
    return 0;
  };
}

export const cordonCommand: CommandSpec = {
  name: "cordon",
  group: "Cluster Management Commands",
  short: "Mark node as unschedulable",
  long: "Mark node as unschedulable.",
  example: `# Mark node "foo" as unschedulable
kubectl cordon foo`,
  use: "NODE",
  flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
  run: cordonRun(true),
};
