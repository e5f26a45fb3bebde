/**
 * `kubectl describe` (pkg/cmd/describe/describe.go, kubectl 1.35): the objects the
 * arguments, `-l` or `-f` name, each rendered by describeObject with the Events about it.
 * `TYPE NAME` with no exact match describes every object whose name starts with NAME.
 * Objects are joined the way kubectl writes them: the second and later after two blank
 * lines, prefix matches each followed by one.
 */
import type { StatusError } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import { resourceForKind } from "../../api/resources";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { describeObject } from "../describe/describe-object";
import { formatError } from "../errors";
import { bool, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { resolveResourceArgs } from "../resource-args";
import { printDeprecations } from "../patch/print-warnings";
import { RECURSIVE_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

const NO_TYPE = `error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`;

type Found = { objects: KubeObject[]; errors: (StatusError | string)[] } | string;

function describe(env: KubectlEnv, obj: KubeObject, showEvents: boolean): string {
  const uid = obj.metadata.uid;
  // Node events from the kubelet carry the node's name as their uid, so kubectl matches both.
  const isNode = obj.kind === "Node";
  const events = env.api.store.list("events").filter((e) => {
    const io = (e.involvedObject ?? {}) as { uid?: string; name?: string; kind?: string };
    return io.uid === uid || (isNode && io.kind === "Node" && (io.uid === obj.metadata.name || io.name === obj.metadata.name));
  });
  return describeObject(obj, {
    now: env.api.now(),
    events,
    showEvents,
    list: (kind, namespace) => {
      const type = resourceForKind(kind);
      const listed = type ? env.api.list(type, type.namespaced ? namespace : undefined) : undefined;
      return listed?.ok ? listed.value : [];
    },
  });
}

/** The builder's Infos: objects found by -f, by name, or by listing types. */
function collect(ctx: CommandContext, allNamespaces: boolean): Found {
  const env = ctx.env;
  const objects: KubeObject[] = [];
  const errors: (StatusError | string)[] = [];
  const files = list(ctx.flags, "filename");
  if (files.length) {
    const m = readManifests(files, env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
    if (!m.ok) return m.error;
    for (const manifest of m.value) {
      const type = manifestType(manifest);
      if (!type.ok) return type.error;
      const meta = (manifest.object.metadata ?? {}) as { name?: string; namespace?: string };
      const got = env.api.get(type.value, meta.namespace ?? env.namespace, meta.name ?? "");
      if (got.ok) objects.push(got.value);
      else errors.push(got.error);
    }
  }
  if (ctx.args.length === 0) return { objects, errors };
  const parsed = resolveResourceArgs(ctx.args);
  if (!parsed.ok) return parsed.error;
  printDeprecations(env.err, parsed.value.kind === "types" ? parsed.value.types : parsed.value.refs.map((r) => r.type));
  const namespace = allNamespaces ? undefined : env.namespace;
  if (parsed.value.kind === "types") {
    for (const type of parsed.value.types) {
      const r = env.api.list(type, type.namespaced ? namespace : undefined, { labelSelector: str(ctx.flags, "selector") });
      if (!r.ok) return formatError(r.error);
      objects.push(...r.value);
    }
    return { objects, errors };
  }
  if (str(ctx.flags, "selector")) return "error: name cannot be provided when a selector is specified";
  if (allNamespaces && parsed.value.refs.some((r) => r.type.namespaced)) return "error: a resource cannot be retrieved by name across all namespaces";
  for (const ref of parsed.value.refs) {
    const got = env.api.get(ref.type, env.namespace, ref.name);
    if (got.ok) objects.push(got.value);
    else errors.push(got.error);
  }
  return { objects, errors };
}

/** DescribeMatchingResources: every object of the type in the namespace whose name starts with prefix. */
function matching(env: KubectlEnv, type: ResourceType, prefix: string): KubeObject[] {
  const r = env.api.list(type, type.namespaced ? env.namespace : undefined);
  return r.ok ? r.value.filter((o) => (o.metadata.name ?? "").startsWith(prefix)) : [];
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length === 0 && list(ctx.flags, "filename").length === 0) {
    env.err(NO_TYPE);
    return 1;
  }
  const allNamespaces = bool(ctx.flags, "all-namespaces");
  const showEvents = bool(ctx.flags, "show-events");
  const found = collect(ctx, allNamespaces);
  if (typeof found === "string") {
    env.err(found.endsWith("\n") ? found : `${found}\n`);
    return 1;
  }
  const { objects, errors } = found;
  const single = errors.length === 1 && objects.length === 0 && typeof errors[0] !== "string" && errors[0].reason === "NotFound";
  if (single && ctx.args.length === 2 && !list(ctx.flags, "filename").length) {
    const parsed = resolveResourceArgs(ctx.args.slice(0, 1));
    const type = parsed.ok && parsed.value.kind === "types" ? parsed.value.types[0] : undefined;
    const matches = type ? matching(env, type, ctx.args[1]) : [];
    if (matches.length) {
      env.out(matches.map((o) => `${describe(env, o, showEvents)}\n`).join(""));
      return 0;
    }
  }
  env.out(objects.map((o, i) => (i === 0 ? "" : "\n\n") + describe(env, o, showEvents)).join(""));
  if (objects.length === 0 && errors.length === 0) env.err(allNamespaces ? "No resources found\n" : `No resources found in ${env.namespace} namespace.\n`);
  if (errors.length === 0) return 0;
  // checkErr: one error with its usual prefix, several one per line
  env.err(errors.length === 1 ? `${formatError(errors[0])}\n` : errors.map((e) => `${typeof e === "string" ? e : formatError(e)}\n`).join(""));
  return 1;
}

export const describeCommand: CommandSpec = {
  name: "describe",
  group: "Troubleshooting and Debugging Commands",
  short: "Show details of a specific resource or group of resources",
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# Describe a node
kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

# Describe a pod
kubectl describe pods/nginx

# Describe a pod identified by type and name in "pod.json"
kubectl describe -f pod.json

# Describe all pods
kubectl describe pods

# Describe pods by label name=myLabel
kubectl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
# (rc-created pods get the name of the rc as a prefix in the pod name)
kubectl describe pods frontend`,
  use: "(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "chunk-size", type: "int", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files containing the resource to describe" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: "show-events", type: "bool", default: true, usage: "If true, display events related to the described object." },
  ],
  run,
};
