/**
 * What every `kubectl config` subcommand shares (pkg/cmd/config/config.go): the file it
 * names in messages, and cobra's `helpErrorf`, which prints the command's help before
 * the error.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { str } from "../../flags";
import { commandHelp } from "../../help";
import { KUBECONFIG_PATH } from "../../kubeconfig";

/** The file `rename-context` and `delete-context` name: `--kubeconfig` or `~/.kube/config`. */
export function configFileName(ctx: CommandContext): string {
  const explicit = str(ctx.flags, "kubeconfig");
  return explicit ? ctx.env.fs.resolve(ctx.env.cwd, explicit) : KUBECONFIG_PATH;
}

/** config.go helpErrorf: the help text on stdout, then `error: <msg>`. */
export function helpError(ctx: CommandContext, spec: CommandSpec, msg: string): number {
  ctx.env.out(commandHelp(spec, ctx.path));
  ctx.env.err(`error: ${msg}\n`);
  return 1;
}

/** Go's `%v` of a []string: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(" ")}]`;
}
