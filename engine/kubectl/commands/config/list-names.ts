/**
 * `kubectl config get-clusters` and `get-users` (get_clusters.go, get_users.go): a NAME
 * header and one name a line, sorted.
 */
import type { CommandContext, CommandSpec } from "../../command";

function names(list: readonly { name: string }[]): string {
  return ["NAME", ...list.map((x) => x.name).sort()].map((l) => `${l}\n`).join("");
}

/** get-clusters and get-users differ only in the section they list. */
function listNamesCommand(section: "clusters" | "users"): CommandSpec {
  return {
    name: `get-${section}`,
    short: `Display ${section} defined in the kubeconfig`,
    long: `Display ${section} defined in the kubeconfig.`,
    example: `# List the ${section} that kubectl knows about\nkubectl config get-${section}`,
    use: "[flags] [options]",
    run: (ctx: CommandContext) => {
      ctx.env.out(names(ctx.env.kubeconfig[section]));
      return 0;
    },
  };
}

export const getClustersCommand = listNamesCommand("clusters");

export const getUsersCommand = listNamesCommand("users");
