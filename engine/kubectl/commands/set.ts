/**
 * `kubectl set` (pkg/cmd/set/set.go): a parent for the subcommands that change one
 * aspect of existing objects, here `env`, `image`, `resources`, `selector` and
 * `serviceaccount` (no `subject`: the simulated cluster has no RBAC bindings). Like
 * every cmdutil.DefaultSubCommandRun parent it prints its help to stderr with status 1,
 * and refuses an unknown subcommand.
 */
import type { CommandContext, CommandSpec } from "../command";
import { defaultSubCommandRun } from "./create/default-subcommand-run";
import { setEnvCommand } from "./set/env";
import { setImageCommand } from "./set/image";
import { setResourcesCommand } from "./set/resources";
import { setSelectorCommand } from "./set/selector";
import { setServiceAccountCommand } from "./set/serviceaccount";

export const setCommand: CommandSpec = {
  name: "set",
  group: "Basic Commands (Intermediate)",
  short: "Set specific features on objects",
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  use: "SUBCOMMAND",
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand, setSelectorCommand, setServiceAccountCommand],
  run: (ctx: CommandContext) => defaultSubCommandRun(ctx, setCommand),
};
