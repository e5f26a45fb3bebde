/**
 * `kubectl config set-context` (pkg/cmd/config/create_context.go): creates or modifies a
 * context entry; only the flags given change it. `--current` names the current context,
 * which is how `kn` (`set-context --current --namespace`) switches namespaces.
 */
import { goQuote } from "../../../api/field-errors";
import type { CommandContext, CommandSpec } from "../../command";
import { fail } from "../../errors";
import { bool, str } from "../../flags";
import type { NamedContext } from "../../kubeconfig";
import { goList, helpError } from "./config-file";

function modified(existing: NamedContext["context"], ctx: CommandContext): NamedContext["context"] {
  const c = { ...existing };
  if (ctx.flags.changed.has("cluster")) c.cluster = str(ctx.flags, "cluster");
  if (ctx.flags.changed.has("user")) c.user = str(ctx.flags, "user");
  if (ctx.flags.changed.has("namespace")) c.namespace = str(ctx.flags, "namespace");
  // clientcmd writes `namespace` with omitempty
  if (!c.namespace) delete c.namespace;
  return c;
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length > 1) return helpError(ctx, setContextCommand, `Unexpected args: ${goList(ctx.args)}`);
  const current = bool(ctx.flags, "current");
  const given = ctx.args[0] ?? "";
  if (!given && !current) return fail(env.err, "you must specify a non-empty context name or --current");
  if (given && current) return fail(env.err, "you cannot specify both a context name and --current");
  const k = env.kubeconfig;
  if (current && !k["current-context"]) return fail(env.err, "no current context is set");
  const name = current ? k["current-context"] : given;
  const existing = k.contexts.find((c) => c.name === name);
  const context = modified(existing?.context ?? { cluster: "", user: "" }, ctx);
  const contexts = existing ? k.contexts.map((c) => (c.name === name ? { name, context } : c)) : [...k.contexts, { name, context }];
  env.saveKubeconfig({ ...k, contexts });
  env.out(`Context ${goQuote(name)} ${existing ? "modified" : "created"}.\n`);
  return 0;
}

export const setContextCommand: CommandSpec = {
  name: "set-context",
  short: "Set a context entry in kubeconfig",
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `# Set the user field on the gce context entry without touching other values
kubectl config set-context gce --user=cluster-admin`,
  use: "[NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]",
  flags: [
    { name: "cluster", type: "string", usage: "cluster for the context entry in kubeconfig" },
    { name: "current", type: "bool", usage: "Modify the current context" },
    { name: "namespace", type: "string", usage: "namespace for the context entry in kubeconfig" },
    { name: "user", type: "string", usage: "user for the context entry in kubeconfig" },
  ],
  run,
};
