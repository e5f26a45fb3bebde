/** `kubectl config current-context` (pkg/cmd/config/current_context.go). */
import type { CommandContext, CommandSpec } from "../../command";
import { fail } from "../../errors";

function run(ctx: CommandContext): number {
  const current = ctx.env.kubeconfig["current-context"];
  if (!current) return fail(ctx.env.err, "current-context is not set");
  ctx.env.out(`${current}\n`);
  return 0;
}

export const currentContextCommand: CommandSpec = {
  name: "current-context",
  short: "Display the current-context",
  long: "Display the current-context.",
  example: `# Display the current-context
kubectl config current-context`,
  use: "[flags] [options]",
  run,
};
