/**
 * cmdutil.DefaultSubCommandRun, the body of a command that only groups subcommands
 * (`kubectl create secret`): its help goes to stderr with exit status 1, and a word that
 * names no subcommand is an unknown command.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { usageError } from "../../errors";
import { commandHelp } from "../../help";

export function defaultSubCommandRun(ctx: CommandContext, spec: CommandSpec): number {
  if (ctx.args.length) return usageError(ctx.env.err, ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`);
  ctx.env.err(commandHelp(spec, ctx.path));
  return 1;
}
