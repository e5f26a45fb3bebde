/**
 * `kubectl config delete-context`, `delete-cluster` and `delete-user` (delete_context.go,
 * delete_cluster.go, delete_user.go): remove one named entry.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { fail, usageError } from "../../errors";
import { commandHelp } from "../../help";
import type { Kubeconfig } from "../../kubeconfig";
import { configFileName } from "./config-file";

type Section = "contexts" | "clusters" | "users";

function deleteEntry(ctx: CommandContext, spec: CommandSpec, section: Section, noun: string): number {
  const env = ctx.env;
  // delete_user.go is the one that asks for its argument instead of printing help
  if (ctx.args.length !== 1 && section === "users") return usageError(env.err, ctx.path, "user to delete is required");
  if (ctx.args.length !== 1) {
    env.out(commandHelp(spec, ctx.path));
    return 0;
  }
  const name = ctx.args[0];
  const file = configFileName(ctx);
  const k = env.kubeconfig;
  const entries: readonly { name: string }[] = k[section];
  if (!entries.some((e) => e.name === name)) return fail(env.err, `cannot delete ${noun} ${name}, not in ${file}`);
  if (section === "contexts" && k["current-context"] === name) {
    env.err(`warning: this removed your active context, use "kubectl config use-context" to select a different one\n`);
  }
  const next: Kubeconfig = { ...k };
  if (section === "contexts") next.contexts = k.contexts.filter((e) => e.name !== name);
  if (section === "clusters") next.clusters = k.clusters.filter((e) => e.name !== name);
  if (section === "users") next.users = k.users.filter((e) => e.name !== name);
  env.saveKubeconfig(next);
  env.out(`deleted ${noun} ${name} from ${file}\n`);
  return 0;
}

/** delete-context, delete-cluster and delete-user differ only in the section and its noun. */
function deleteEntryCommand(section: Section, noun: string, example: string): CommandSpec {
  const spec: CommandSpec = {
    name: `delete-${noun}`,
    short: `Delete the specified ${noun} from the kubeconfig`,
    long: `Delete the specified ${noun} from the kubeconfig.`,
    example,
    use: "NAME [options]",
    run: (ctx) => deleteEntry(ctx, spec, section, noun),
  };
  return spec;
}

export const deleteContextCommand = deleteEntryCommand("contexts", "context", "# Delete the context for the minikube cluster\nkubectl config delete-context minikube");

export const deleteClusterCommand = deleteEntryCommand("clusters", "cluster", "# Delete the minikube cluster\nkubectl config delete-cluster minikube");

export const deleteUserCommand = deleteEntryCommand("users", "user", "# Delete the minikube user\nkubectl config delete-user minikube");
