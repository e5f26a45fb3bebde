/**
 * The `-o` flag and its friends (`--template`, `--show-managed-fields`): one place that
 * turns objects into the text kubectl prints for yaml, json, name, jsonpath and
 * custom-columns, shared by get, create, run, apply and every verb that takes `-o`.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import type { FlagSpec } from "../flags";
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from "./custom-columns";
import { executeJsonPath, parseJsonPath } from "./jsonpath";
import { toJson } from "./json";
import { nameOf } from "./name";
import { toYaml } from "./yaml";

/** On failure, `partial` is what kubectl had already written to stdout before the error. */
export type OutputText = { ok: true; value: string } | { ok: false; error: string; partial?: string };

export const ALLOWED_FORMATS = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml";

export const OUTPUT_FLAG: FlagSpec = {
  name: "output",
  short: "o",
  type: "string",
  usage: "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
};

export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." };

export const TEMPLATE_FLAG: FlagSpec = { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." };

/** `-o` split into format and argument: `jsonpath={.a}` → [jsonpath, {.a}]. */
export function splitOutput(output: string): [string, string] {
  const eq = output.indexOf("=");
  return eq < 0 ? [output, ""] : [output.slice(0, eq), output.slice(eq + 1)];
}

/** The List a `get` of several objects prints in yaml/json, and applies jsonpath to. */
export function listOf(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
}

function withoutManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata.managedFields) return o;
  const { managedFields: _hidden, ...metadata } = o.metadata;
  return { ...o, metadata };
}

export interface PrintRequest {
  readonly output: string;
  readonly objects: readonly { object: KubeObject; type: ResourceType }[];
  /** a single named object prints as itself, not inside a List */
  readonly single: boolean;
  readonly noHeaders?: boolean;
  readonly readFile?: (path: string) => string | undefined;
}

/** Structured output for -o yaml|json|name|jsonpath|custom-columns; undefined for table formats. */
export function printStructured(req: PrintRequest): OutputText | undefined {
  const [format, arg] = splitOutput(req.output);
  const objects = req.objects.map((o) => withoutManagedFields(o.object));
  const data = req.single && objects.length === 1 ? objects[0] : listOf(objects);
  switch (format) {
    case "yaml":
      return { ok: true, value: toYaml(data) };
    case "json":
      return { ok: true, value: toJson(data) };
    case "name":
      return { ok: true, value: req.objects.map((o) => nameOf(o.object, o.type) + "\n").join("") };
    case "jsonpath":
    case "jsonpath-as-json":
    case "jsonpath-file": {
      const template = format === "jsonpath-file" ? req.readFile?.(arg) : arg;
      if (template === undefined) return { ok: false, error: `error: open ${arg}: no such file or directory` };
      if (!template) return { ok: false, error: "error: template format specified but no template given" };
      const t = parseJsonPath(template);
      if (!t.ok) return { ok: false, error: t.error };
      const r = executeJsonPath(t.value, data, { allowMissingKeys: true });
      return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
    }
    case "custom-columns":
    case "custom-columns-file": {
      const spec = format === "custom-columns-file" ? req.readFile?.(arg) : arg;
      if (spec === undefined) return { ok: false, error: `error: open ${arg}: no such file or directory` };
      const cols = format === "custom-columns-file" ? parseCustomColumnsFile(spec) : parseCustomColumns(spec);
      if (!cols.ok) return { ok: false, error: cols.error };
      const r = printCustomColumns(cols.value, objects, { noHeaders: format === "custom-columns" && (req.noHeaders ?? false) });
      return r.ok ? r : { ok: false, error: r.error, partial: r.output };
    }
    case "go-template":
    case "go-template-file":
    case "template":
    case "templatefile":
    case "kyaml":
      return { ok: false, error: `error: output format "${format}" is not supported in this cluster; use -o jsonpath, -o custom-columns, -o yaml or -o json` };
    case "":
    case "wide":
      return undefined;
    default:
      return { ok: false, error: `error: unable to match a printer suitable for the output format "${req.output}", allowed formats are: ${ALLOWED_FORMATS}` };
  }
}
