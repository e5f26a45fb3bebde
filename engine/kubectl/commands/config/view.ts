/**
 * `kubectl config view` (pkg/cmd/config/view.go): the kubeconfig with secrets shortened,
 * as yaml (the default), json or jsonpath.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { fail, usageError } from "../../errors";
import { bool, str } from "../../flags";
import { executeJsonPath, parseJsonPath } from "../../printers/jsonpath";
import { toJson } from "../../printers/json";
import { splitOutput, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from "../../printers/output";
import { toYaml } from "../../printers/yaml";
import { goList } from "./config-file";
import { configView } from "./config-view";

/** genericclioptions.PrintFlags without custom columns or wide, sorted as NoCompatiblePrinterError prints them. */
const ALLOWED = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml";

function print(ctx: CommandContext, value: Record<string, unknown>): { ok: true; value: string } | { ok: false; error: string } {
  const output = str(ctx.flags, "output") || "yaml";
  const [format, arg] = splitOutput(output);
  switch (format) {
    case "yaml":
      return { ok: true, value: toYaml(value) };
    case "json":
      return { ok: true, value: toJson(value, { sortKeys: false }) };
    case "jsonpath":
    case "jsonpath-file": {
      const template = format === "jsonpath-file" ? ctx.env.fs.readFile(ctx.env.fs.resolve(ctx.env.cwd, arg)) : arg;
      if (template === undefined) return { ok: false, error: `open ${arg}: no such file or directory` };
      if (!template) return { ok: false, error: "template format specified but no template given" };
      const t = parseJsonPath(template);
      return t.ok ? executeJsonPath(t.value, JSON.parse(JSON.stringify(value)), { allowMissingKeys: true }) : t;
    }
    case "go-template":
    case "go-template-file":
    case "template":
    case "templatefile":
    case "jsonpath-as-json":
    case "kyaml":
    case "name":
      return { ok: false, error: `output format "${format}" is not supported in this cluster; use -o jsonpath, -o yaml or -o json` };
    default:
      return { ok: false, error: `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}` };
  }
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length) return usageError(env.err, ctx.path, `unexpected arguments: ${goList(ctx.args)}`);
  if (ctx.flags.changed.has("merge") && !bool(ctx.flags, "merge") && !str(ctx.flags, "kubeconfig")) return fail(env.err, "if merge==false a precise file must to specified");
  const view = configView(env.kubeconfig, { raw: bool(ctx.flags, "raw") || bool(ctx.flags, "flatten"), minify: bool(ctx.flags, "minify"), context: str(ctx.flags, "context") });
  if (!view.ok) return fail(env.err, view.error);
  const text = print(ctx, view.value);
  if (!text.ok) return fail(env.err, text.error);
  env.out(text.value);
  return 0;
}

export const viewCommand: CommandSpec = {
  name: "view",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `# Show merged kubeconfig settings
kubectl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
kubectl config view --raw

# Get the password for the e2e user
kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  use: "[flags] [options]",
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "flatten", type: "bool", usage: "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)" },
    { name: "merge", type: "bool", default: true, usage: "Merge the full hierarchy of kubeconfig files" },
    { name: "minify", type: "bool", usage: "Remove all information not used by current-context from the output" },
    { name: "output", short: "o", type: "string", default: "yaml", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "raw", type: "bool", usage: "Display raw byte data and sensitive data" },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  run,
};
