/** `kubectl config use-context` (pkg/cmd/config/use_context.go). */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext, CommandSpec } from "../../command";
import { fail } from "../../errors";
import { goList, helpError } from "./config-file";

function run(ctx: CommandContext): number {
  if (ctx.args.length !== 1) return helpError(ctx, useContextCommand, `Unexpected args: ${goList(ctx.args)}`);
  const name = ctx.args[0];
  const k = ctx.env.kubeconfig;
  if (!name) return fail(ctx.env.err, "empty context names are not allowed");
  if (!k.contexts.some((c) => c.name === name)) return fail(ctx.env.err, `no context exists with the name: ${goQuote(name)}`);
  ctx.env.saveKubeconfig({ ...k, "current-context": name });
  ctx.env.out(`Switched to context ${goQuote(name)}.\n`);
  return 0;
}

export const useContextCommand: CommandSpec = {
  name: "use-context",
  aliases: ["use"],
  short: "Set the current-context in a kubeconfig file",
  long: "Set the current-context in a kubeconfig file.",
  example: `# Use the context for the minikube cluster
kubectl config use-context minikube`,
  use: "CONTEXT_NAME [options]",
  run,
};
