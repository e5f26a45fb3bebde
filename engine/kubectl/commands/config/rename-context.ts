/** `kubectl config rename-context` (pkg/cmd/config/rename_context.go). */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext, CommandSpec } from "../../command";
import { fail } from "../../errors";
import { configFileName, goList, helpError } from "./config-file";

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length !== 2) return helpError(ctx, renameContextCommand, `Unexpected args: ${goList(ctx.args)}`);
  const [from, to] = ctx.args;
  if (!to) return fail(env.err, "You must specify a new non-empty context name");
  const k = env.kubeconfig;
  const file = configFileName(ctx);
  if (!k.contexts.some((c) => c.name === from)) return fail(env.err, `cannot rename the context ${goQuote(from)}, it's not in ${file}`);
  if (k.contexts.some((c) => c.name === to)) return fail(env.err, `cannot rename the context ${goQuote(from)}, the context ${goQuote(to)} already exists in ${file}`);
  env.saveKubeconfig({
    ...k,
    contexts: k.contexts.map((c) => (c.name === from ? { ...c, name: to } : c)),
    "current-context": k["current-context"] === from ? to : k["current-context"],
  });
  env.out(`Context ${goQuote(from)} renamed to ${goQuote(to)}.\n`);
  return 0;
}

export const renameContextCommand: CommandSpec = {
  name: "rename-context",
  short: "Rename a context from the kubeconfig file",
  long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`,
  example: `# Rename the context 'old-name' to 'new-name' in your kubeconfig file
kubectl config rename-context old-name new-name`,
  use: "CONTEXT_NAME NEW_NAME [options]",
  run,
};
