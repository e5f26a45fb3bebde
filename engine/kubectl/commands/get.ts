/**
 * `kubectl get` (pkg/cmd/get/get.go): lists or fetches objects and prints them as a
 * table, or through -o. `-w` keeps printing changes until interrupted; headless, it
 * returns once the cluster has nothing more scheduled to happen.
 */
import { matchesFields, parseFieldSelector } from "../../api/field-selector";
import { matchesSelector, parseLabelSelector } from "../../api/label-selector";
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import type { WatchEvent } from "../../api/store";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail } from "../errors";
import { bool, list, str } from "../flags";
import { manifestType, readManifests } from "../manifests";
import { OUTPUT_FLAG, printStructured, SHOW_MANAGED_FIELDS_FLAG, splitOutput, TEMPLATE_FLAG } from "../printers/output";
import { sortObjects } from "../printers/sort-by";
import { printTable } from "../printers/table";
import { tabwrite, GET_TABLE } from "../printers/tabwriter";
import { resolveResourceArgs } from "../resource-args";
import { printDeprecations } from "../patch/print-warnings";
import { FIELD_SELECTOR_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from "../patch/verb-flags";

interface Row {
  readonly object: KubeObject;
  readonly type: ResourceType;
}

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/** How long a headless `get -w` may follow the cluster before it returns. */
const HEADLESS_WATCH_LIMIT_MS = 10 * 60 * 1000;

function noResources(env: KubectlEnv, types: readonly ResourceType[], allNamespaces: boolean): string {
  const namespaced = types.some((t) => t.namespaced);
  return allNamespaces || !namespaced ? "No resources found\n" : `No resources found in ${env.namespace} namespace.\n`;
}

function tableOptions(ctx: CommandContext, allNamespaces: boolean, showKind: boolean) {
  const labelColumns = list(ctx.flags, "label-columns").flatMap((s) => s.split(",")).filter(Boolean);
  return {
    wide: str(ctx.flags, "output") === "wide",
    showLabels: bool(ctx.flags, "show-labels"),
    labelColumns,
    noHeaders: bool(ctx.flags, "no-headers"),
    allNamespaces,
    showKind,
    now: ctx.env.api.now(),
  };
}

type Collected = { rows: Row[]; errors: string[]; listedTypes: ResourceType[]; named: boolean };

function collect(ctx: CommandContext, allNamespaces: boolean): Collected | string {
  const env = ctx.env;
  const ns = allNamespaces ? undefined : env.namespace;
  const labelSelector = str(ctx.flags, "selector");
  const fieldSelector = str(ctx.flags, "field-selector");
  const files = list(ctx.flags, "filename");
  const rows: Row[] = [];
  const errors: string[] = [];
  if (files.length) {
    const m = readManifests(files, env.fs, env.cwd, env.stdin, bool(ctx.flags, "recursive"));
    if (!m.ok) return m.error;
    for (const manifest of m.value) {
      const mapped = manifestType(manifest);
      if (!mapped.ok) return mapped.error;
      const type = mapped.value;
      const object = manifest.object;
      const name = String((object.metadata as Record<string, unknown> | undefined)?.name ?? "");
      const r = env.api.get(type, (object.metadata as Record<string, unknown> | undefined)?.namespace as string | undefined ?? env.namespace, name);
      if (r.ok) rows.push({ object: r.value, type });
      else errors.push(`Error from server (NotFound): ${r.error.message}`);
    }
    return { rows, errors, listedTypes: [], named: true };
  }
  const parsed = resolveResourceArgs(ctx.args);
  if (!parsed.ok) return parsed.error;
  printDeprecations(env.err, parsed.value.kind === "types" ? parsed.value.types : parsed.value.refs.map((r) => r.type));
  if (parsed.value.kind === "types") {
    if (parsed.value.types.length === 0) return NO_TYPE;
    for (const type of parsed.value.types) {
      const r = env.api.list(type, ns, { labelSelector, fieldSelector });
      if (!r.ok) return `Error from server (${r.error.reason}): ${r.error.message}`;
      rows.push(...r.value.map((object) => ({ object, type })));
    }
    return { rows, errors, listedTypes: parsed.value.types, named: false };
  }
  if (allNamespaces && !parsed.value.refs.every((r) => !r.type.namespaced)) {
    return "error: a resource cannot be retrieved by name across all namespaces";
  }
  for (const ref of parsed.value.refs) {
    const r = env.api.get(ref.type, env.namespace, ref.name);
    if (r.ok) rows.push({ object: r.value, type: ref.type });
    else if (!bool(ctx.flags, "ignore-not-found")) errors.push(`Error from server (NotFound): ${r.error.message}`);
  }
  return { rows, errors, listedTypes: [], named: true };
}

function printRows(ctx: CommandContext, rows: readonly Row[], allNamespaces: boolean, single: boolean): number {
  const env = ctx.env;
  const output = str(ctx.flags, "output");
  const structured = printStructured({ output, objects: rows, single, noHeaders: bool(ctx.flags, "no-headers"), readFile: (p) => env.fs.readFile(env.fs.resolve(env.cwd, p)) });
  if (structured) {
    if (!structured.ok) {
      if (structured.partial) env.out(structured.partial);
      return fail(env.err, structured.error);
    }
    env.out(structured.value);
    return 0;
  }
  const types = [...new Set(rows.map((r) => r.type))];
  const showKind = bool(ctx.flags, "show-kind") || types.length > 1 || ctx.args.some((a) => a.split(",")[0] === "all" || a.includes(","));
  const opts = tableOptions(ctx, allNamespaces, showKind);
  env.out(types.map((t) => printTable(rows.filter((r) => r.type === t), opts)).join("\n"));
  return 0;
}

/**
 * Which watch events belong to what was asked for: the named objects only (kubectl
 * watches a single object through a metadata.name field selector), and the selectors.
 */
function watchFilter(ctx: CommandContext, rows: readonly Row[], named: boolean): (e: WatchEvent) => boolean {
  const names = new Set(rows.map((r) => `${r.type.plural}/${r.object.metadata.namespace ?? ""}/${r.object.metadata.name ?? ""}`));
  const labels = parseLabelSelector(str(ctx.flags, "selector"));
  const fields = parseFieldSelector(str(ctx.flags, "field-selector"));
  return (e) => {
    if (named && !names.has(`${e.resource}/${e.object.metadata.namespace ?? ""}/${e.object.metadata.name ?? ""}`)) return false;
    if (labels.ok && !matchesSelector(labels.value, e.object.metadata.labels)) return false;
    return !fields.ok || matchesFields(e.resource, fields.value, e.object);
  };
}

async function watch(ctx: CommandContext, rows: Row[], allNamespaces: boolean, types: readonly ResourceType[], named: boolean): Promise<number> {
  const env = ctx.env;
  const output = str(ctx.flags, "output");
  const [format] = splitOutput(output);
  const tableMode = format === "" || format === "wide";
  const opts = tableOptions(ctx, allNamespaces, types.length > 1);
  let header = "";
  const printed: string[] = [];
  const emit = (batch: Row[], withHeader: boolean) => {
    if (batch.length === 0) return;
    if (!tableMode) {
      const r = printStructured({ output, objects: batch, single: true });
      if (r?.ok) env.out(r.value);
      return;
    }
    // AGE and the like are worked out when each line is printed
    const now = env.api.now();
    const text = printTable(batch, { ...opts, now, noHeaders: false });
    const lines = text.replace(/\n$/, "").split("\n");
    if (!header) header = lines[0];
    const body = lines.slice(1);
    if (withHeader) {
      printed.push(...body);
      env.out((opts.noHeaders ? "" : lines[0] + "\n") + body.map((l) => l + "\n").join(""));
      return;
    }
    for (const raw of printTable(batch, { ...opts, now, noHeaders: true }).replace(/\n$/, "").split("\n")) {
      const aligned = tabwrite([header, ...printed, raw].map((l: string) => l.replace(/ {3,}/g, "\t")).join("\n") + "\n", GET_TABLE).split("\n");
      const line = aligned[aligned.length - 2] ?? raw;
      printed.push(line);
      env.out(line + "\n");
    }
  };
  if (!bool(ctx.flags, "watch-only")) {
    if (rows.length === 0 && tableMode) env.err(noResources(env, types, allNamespaces));
    emit(rows, true);
  }
  const pending: WatchEvent[] = [];
  const plurals = new Set(types.map((t) => t.plural));
  const wanted = watchFilter(ctx, rows, named);
  const unwatch = env.api.store.watch((e) => {
    if (!plurals.has(e.resource) || !wanted(e)) return;
    if (!allNamespaces && e.object.metadata.namespace !== undefined && e.object.metadata.namespace !== env.namespace) return;
    pending.push(e);
  });
  const start = env.api.now();
  try {
    for (;;) {
      if (env.signal.aborted) break;
      if (env.headless && env.api.now() - start >= HEADLESS_WATCH_LIMIT_MS) break;
      const before = env.api.now();
      await env.sleep(1000);
      const batch = pending.splice(0).map((e) => ({ object: e.object, type: types.find((t) => t.plural === e.resource) as ResourceType }));
      emit(batch, false);
      if (env.headless && batch.length === 0 && env.api.now() === before + 1000 && quiet(env)) break;
    }
  } finally {
    unwatch();
  }
  return 0;
}

/** Nothing will change by itself: no pod is starting or terminating. */
function quiet(env: KubectlEnv): boolean {
  return env.api.store.list("pods").every((p) => !p.metadata.deletionTimestamp && (p.status as Record<string, unknown> | undefined)?.phase !== "Pending");
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const allNamespaces = bool(ctx.flags, "all-namespaces");
  const got = collect(ctx, allNamespaces);
  if (typeof got === "string") {
    env.err(got.endsWith("\n") ? got : got + "\n");
    return 1;
  }
  let rows = got.rows;
  const sortBy = str(ctx.flags, "sort-by");
  const [format] = splitOutput(str(ctx.flags, "output"));
  const isTable = format === "" || format === "wide";
  if (sortBy && !(got.named && rows.length === 1)) {
    const sorted = sortObjects(
      rows.map((r) => r.object),
      sortBy,
      { mode: isTable ? "table" : "list" },
    );
    if (!sorted.ok) return fail(env.err, sorted.error);
    const order = new Map(sorted.value.map((o, i) => [o, i]));
    rows = [...rows].sort((a, b) => (order.get(a.object) ?? 0) - (order.get(b.object) ?? 0));
  }
  if (bool(ctx.flags, "watch") || bool(ctx.flags, "watch-only")) {
    const types = got.listedTypes.length ? got.listedTypes : [...new Set(rows.map((r) => r.type))];
    return watch(ctx, rows, allNamespaces, types, got.named);
  }
  let status = 0;
  if (rows.length > 0 || !got.named) {
    if (rows.length === 0 && !got.named && (isTable || format === "name" || format === "custom-columns")) {
      env.err(noResources(env, got.listedTypes, allNamespaces));
    } else {
      status = printRows(ctx, rows, allNamespaces, got.named && rows.length === 1 && ctx.args.length <= 2 && !ctx.args.some((a) => a.includes(",")) && got.errors.length === 0);
    }
  }
  for (const e of got.errors) env.err(e + "\n");
  return got.errors.length ? 1 : status;
}

export const getCommand: CommandSpec = {
  name: "get",
  group: "Basic Commands (Intermediate)",
  short: "Display one or many resources",
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# List all pods in ps output format
kubectl get pods

# List all pods in ps output format with more information (such as node name)
kubectl get pods -o wide

# List a single replication controller with specified NAME in ps output format
kubectl get replicationcontroller web

# List deployments in JSON output format, in the "v1" version of the "apps" API group
kubectl get deployments.v1.apps -o json

# List a single pod in JSON output format
kubectl get -o json pod web-pod-13je7

# List a pod identified by type and name specified in "pod.yaml" in JSON output format
kubectl get -f pod.yaml -o json

# Return only the phase value of the specified pod
kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

# List resource information in custom columns
kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
kubectl get rc,services

# List one or more resources by their type and names
kubectl get rc/web service/frontend pods/web-pod-13je7

# List the 'status' subresource for a single pod
kubectl get pod web-pod-13je7 --subresource status

# List all deployments in namespace 'backend'
kubectl get deployments.apps --namespace backend

# List all pods existing in all namespaces
kubectl get pods --all-namespaces`,
  use: "[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "chunk-size", type: "int", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    FIELD_SELECTOR_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "ignore-not-found", type: "bool", usage: "If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found." },
    { name: "label-columns", short: "L", type: "stringSlice", usage: "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..." },
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    OUTPUT_FLAG,
    { name: "output-watch-events", type: "bool", usage: "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events." },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: "server-print", type: "bool", default: true, usage: "If true, have the server return the appropriate table output. Supports extension APIs and CRDs." },
    { name: "show-kind", type: "bool", usage: "If present, list the resource type for the requested object(s)." },
    { name: "show-labels", type: "bool", usage: "When printing, show all labels as the last column (default hide labels column)" },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "sort-by", type: "string", usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: "subresource", type: "string", usage: "If specified, gets the subresource of the requested object." },
    TEMPLATE_FLAG,
    { name: "watch", short: "w", type: "bool", usage: "After listing/getting the requested object, watch for changes." },
    { name: "watch-only", type: "bool", usage: "Watch for changes to the requested object(s), without listing/getting first." },
  ],
  run,
};
