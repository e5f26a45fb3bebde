/**
 * genericclioptions.PrintFlags as create, run and expose use them: `-o` with the JSON/YAML,
 * name and template printers only (no tables), or else the one-line `pod/nginx created`.
 * The printer is built, and a bad `-o` refused, before anything is sent to the server;
 * like cli-runtime's YAMLPrinter it writes `---` before every document but the first.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import type { KubectlEnv } from "../../command";
import type { FlagSpec, ParsedFlags } from "../../flags";
import { str } from "../../flags";
import type { DryRunStrategy } from "../../printers/name";
import { operationMessage } from "../../printers/name";
import { toJson } from "../../printers/json";
import { printStructured, SHOW_MANAGED_FIELDS_FLAG, splitOutput, TEMPLATE_FLAG } from "../../printers/output";

export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = {
  name: "allow-missing-template-keys",
  type: "bool",
  default: true,
  usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
};

/** PrintFlags' `-o`, whose usage lists exactly the formats it can print (no tables). */
export const OBJECT_OUTPUT_FLAG: FlagSpec = {
  name: "output",
  short: "o",
  type: "string",
  usage: "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
};

export const PRINT_FLAGS: readonly FlagSpec[] = [ALLOW_MISSING_TEMPLATE_KEYS_FLAG, OBJECT_OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG];

const PRINTER_FORMATS = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "kyaml", "name", "template", "templatefile", "yaml"];

export interface ObjectPrinter {
  /**
   * The text for one object, `---` included where YAMLPrinter writes it. `structOrder` is
   * for an object kubectl built itself and never sent: json.MarshalIndent prints its keys in
   * Go struct field order, which is the order the generators here build them in.
   */
  print(object: KubeObject, type: ResourceType, opts?: { structOrder?: boolean }): { ok: true; value: string } | { ok: false; error: string };
  /** the `-o` value, e.g. `yaml` */
  readonly output: string;
}

export type PrinterBuild = { ok: true; value: ObjectPrinter } | { ok: false; error: string };

/** A stand-in object to try the template on, so a bad jsonpath fails before any write. */
const PROBE: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: {} };

export function objectPrinter(env: KubectlEnv, flags: ParsedFlags, verb: string, dryRun: DryRunStrategy, probeType: ResourceType): PrinterBuild {
  const output = str(flags, "output");
  const readFile = (p: string) => env.fs.readFile(env.fs.resolve(env.cwd, p));
  if (output === "") {
    return { ok: true, value: { output, print: (o, t) => ({ ok: true, value: operationMessage(o, t, verb, dryRun) + "\n" }) } };
  }
  const [format] = splitOutput(output);
  if (!PRINTER_FORMATS.includes(format)) {
    return { ok: false, error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTER_FORMATS.join(",")}` };
  }
  const probe = printStructured({ output, objects: [{ object: PROBE, type: probeType }], single: true, readFile });
  if (probe && !probe.ok) return probe;
  let printed = 0;
  return {
    ok: true,
    value: {
      output,
      print(object, type, opts = {}) {
        if (format === "json" && opts.structOrder) return { ok: true, value: toJson(object, { sortKeys: false }) };
        const r = printStructured({ output, objects: [{ object, type }], single: true, readFile });
        if (!r) return { ok: false, error: `error: unable to match a printer suitable for the output format "${output}"` };
        if (!r.ok) return r;
        printed++;
        return { ok: true, value: format === "yaml" && printed > 1 ? `---\n${r.value}` : r.value };
      },
    },
  };
}
