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

export const deleteContextCommand: CommandSpec = {
  name: "delete-context",
  short: "Delete the specified context from the kubeconfig",
  long: "Delete the specified context from the kubeconfig.",
  example: `# Delete the context for the minikube cluster
kubectl config delete-context minikube`,
  use: "NAME [options]",
  run: (ctx) => deleteEntry(ctx, deleteContextCommand, "contexts", "context"),
};

export const deleteClusterCommand: CommandSpec = {
  name: "delete-cluster",
  short: "Delete the specified cluster from the kubeconfig",
  long: "Delete the specified cluster from the kubeconfig.",
  example: `# Delete the minikube cluster
kubectl config delete-cluster minikube`,
  use: "NAME [options]",
  run: (ctx) => deleteEntry(ctx, deleteClusterCommand, "clusters", "cluster"),
};

export const deleteUserCommand: CommandSpec = {
  name: "delete-user",
  short: "Delete the specified user from the kubeconfig",
  long: "Delete the specified user from the kubeconfig.",
  example: `# Delete the minikube user
kubectl config delete-user minikube`,
  use: "NAME [options]",
  run: (ctx) => deleteEntry(ctx, deleteUserCommand, "users", "user"),
};
