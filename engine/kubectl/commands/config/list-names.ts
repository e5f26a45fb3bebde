/**
 * `kubectl config get-clusters` and `get-users` (get_clusters.go, get_users.go): a NAME
 * header and one name a line, sorted.
 */
import type { CommandContext, CommandSpec } from "../../command";

function names(list: readonly { name: string }[]): string {
  return ["NAME", ...list.map((x) => x.name).sort()].map((l) => `${l}\n`).join("");
}

export const getClustersCommand: CommandSpec = {
  name: "get-clusters",
  short: "Display clusters defined in the kubeconfig",
  long: "Display clusters defined in the kubeconfig.",
  example: `# List the clusters that kubectl knows about
kubectl config get-clusters`,
  use: "[flags] [options]",
  run: (ctx: CommandContext) => {
    ctx.env.out(names(ctx.env.kubeconfig.clusters));
    return 0;
  },
};

export const getUsersCommand: CommandSpec = {
  name: "get-users",
  short: "Display users defined in the kubeconfig",
  long: "Display users defined in the kubeconfig.",
  example: `# List the users that kubectl knows about
kubectl config get-users`,
  use: "[flags] [options]",
  run: (ctx: CommandContext) => {
    ctx.env.out(names(ctx.env.kubeconfig.users));
    return 0;
  },
};
