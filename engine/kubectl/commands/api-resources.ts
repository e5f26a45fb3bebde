/**
 * `kubectl api-resources` (pkg/cmd/apiresources/apiresources.go, apiresources_printer.go):
 * the resource types the simulated server serves, filtered by group, scope, verbs and
 * categories, sorted by group then name (or `--sort-by=name|kind`), as a table, names,
 * or the flattened APIResourceList in json/yaml.
 */
import type { ResourceType } from "../../api/resources";
import { RESOURCE_TYPES } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { fail, usageError } from "../errors";
import { bool, list, str } from "../flags";
import { toJson } from "../printers/json";
import { GET_TABLE, tabwrite } from "../printers/tabwriter";
import { toYaml } from "../printers/yaml";

const ALLOWED = "json,kyaml,name,wide,yaml";

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sorted(types: readonly ResourceType[], sortBy: string): ResourceType[] {
  const key = (t: ResourceType) => (sortBy === "name" ? t.plural : sortBy === "kind" ? t.kind : t.group);
  return [...types].sort((a, b) => compare(key(a), key(b)) || compare(a.plural, b.plural));
}

function selected(ctx: CommandContext): ResourceType[] {
  const verbs = list(ctx.flags, "verbs");
  const categories = list(ctx.flags, "categories");
  return RESOURCE_TYPES.filter(
    (t) =>
      (!ctx.flags.changed.has("api-group") || t.group === str(ctx.flags, "api-group")) &&
      (!ctx.flags.changed.has("namespaced") || t.namespaced === bool(ctx.flags, "namespaced")) &&
      verbs.every((v) => t.verbs.includes(v)) &&
      categories.every((c) => t.categories.includes(c)),
  );
}

/** The flattened metav1.APIResourceList, fields in Go struct order. */
function resourceList(types: readonly ResourceType[]): Record<string, unknown> {
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: "",
    resources: types.map((t) => ({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      ...(t.group ? { group: t.group } : {}),
      version: t.version,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    })),
  };
}

function table(types: readonly ResourceType[], wide: boolean, headers: boolean): string {
  const rows = headers ? [["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(wide ? ["VERBS", "CATEGORIES"] : [])].join("\t")] : [];
  for (const t of types) {
    const apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
    const cells = [t.plural, t.shortNames.join(","), apiVersion, String(t.namespaced), t.kind];
    if (wide) cells.push(t.verbs.join(","), t.categories.join(","));
    rows.push(cells.join("\t"));
  }
  return rows.length ? tabwrite(rows.join("\n") + "\n", GET_TABLE) : "";
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length) return usageError(env.err, ctx.path, `unexpected arguments: [${ctx.args.join(" ")}]`);
  const sortBy = str(ctx.flags, "sort-by");
  if (sortBy && sortBy !== "name" && sortBy !== "kind") return fail(env.err, "--sort-by accepts only name or kind");
  const output = str(ctx.flags, "output");
  if (!["", "wide", "name", "json", "yaml"].includes(output)) {
    return fail(env.err, `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
  const types = sorted(selected(ctx), sortBy);
  if (output === "json" || output === "yaml") {
    env.out(output === "json" ? toJson(resourceList(types), { sortKeys: false }) : toYaml(resourceList(types)));
    return 0;
  }
  if (output === "name") {
    env.out(types.map((t) => `${t.plural}${t.group ? `.${t.group}` : ""}\n`).join(""));
    return 0;
  }
  env.out(table(types, output === "wide", !bool(ctx.flags, "no-headers")));
  return 0;
}

export const apiResourcesCommand: CommandSpec = {
  name: "api-resources",
  group: "Other Commands",
  short: "Print the supported API resources on the server",
  long: "Print the supported API resources on the server.",
  example: `# Print the supported API resources
kubectl api-resources

# Print the supported API resources with more information
kubectl api-resources -o wide

# Print the supported API resources sorted by a column
kubectl api-resources --sort-by=name

# Print the supported namespaced resources
kubectl api-resources --namespaced=true

# Print the supported non-namespaced resources
kubectl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  use: "[flags] [options]",
  flags: [
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
    { name: "cached", type: "bool", usage: "Use the cached list of resources if available." },
    { name: "categories", type: "stringSlice", usage: "Limit to resources that belong to the specified categories." },
    { name: "namespaced", type: "bool", default: true, usage: "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default." },
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", short: "o", type: "string", usage: "Output format. One of: (json, yaml, name, wide)." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: "verbs", type: "stringSlice", usage: "Limit to resources that support the specified verbs." },
  ],
  run,
};
