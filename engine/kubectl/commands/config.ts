/**
 * `kubectl config` (pkg/cmd/config/config.go): the kubeconfig subcommands, listed in
 * cobra's alphabetical order. They read and write the learner's ~/.kube/config (or
 * `--kubeconfig`) and never talk to a cluster.
 */
import type { CommandContext, CommandSpec } from "../command";
import { usageError } from "../errors";
import { commandHelp } from "../help";
import { currentContextCommand } from "./config/current-context";
import { deleteClusterCommand, deleteContextCommand, deleteUserCommand } from "./config/delete-entry";
import { getContextsCommand } from "./config/get-contexts";
import { getClustersCommand, getUsersCommand } from "./config/list-names";
import { renameContextCommand } from "./config/rename-context";
import { setContextCommand } from "./config/set-context";
import { useContextCommand } from "./config/use-context";
import { viewCommand } from "./config/view";

/** cmdutil.DefaultSubCommandRun: help on stderr and exit 1; an unknown subcommand is a usage error. */
function run(ctx: CommandContext): number {
  if (ctx.args.length) return usageError(ctx.env.err, ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`);
  ctx.env.err(commandHelp(configCommand, ctx.path));
  return 1;
}

export const configCommand: CommandSpec = {
  name: "config",
  group: "Other Commands",
  short: "Modify kubeconfig files",
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  use: "SUBCOMMAND [options]",
  subcommands: [
    currentContextCommand,
    deleteClusterCommand,
    deleteContextCommand,
    deleteUserCommand,
    getClustersCommand,
    getContextsCommand,
    getUsersCommand,
    renameContextCommand,
    setContextCommand,
    useContextCommand,
    viewCommand,
  ],
  run,
};
