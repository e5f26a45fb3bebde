/**
 * `kubectl explain TYPE[.field…] [--recursive] [--api-version=G/V]` over the schema the
 * simulated server publishes (kubectl pkg/cmd/explain/explain.go, pkg/explain/v2).
 * Errors carry the text kubectl prints, prefix included.
 */
import { OPENAPI, type OpenApiSchema } from "../../api/openapi/schema";
import { qualifiedPlural, resolveResource, type ResourceType } from "../../api/resources";
import { renderPlaintext } from "./plaintext";

export interface ExplainOptions {
  readonly recursive: boolean;
  /** `--api-version`, e.g. `apps/v1` */
  readonly apiVersion?: string;
}

export type ExplainResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

const fail = (error: string): ExplainResult => ({ ok: false, error });

/** checkErr prints a NoResourceMatch error without the `error: ` prefix. */
const noResourceType = (resource: string) => fail(`the server doesn't have a resource type "${resource}"`);

/** apimachinery schema.ParseGroupVersion */
function parseGroupVersion(gv: string): { group: string; version: string } | undefined {
  if (gv === "" || gv === "/") return { group: "", version: "" };
  const parts = gv.split("/");
  if (parts.length === 1) return { group: "", version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return undefined;
}

/**
 * Explain a resource (as typed: `pod`, `pods`, `po`, `Pod`, `deployments.apps`) and a
 * field path below it.
 */
export function explain(resourceKind: string, fieldPath: readonly string[], opts: ExplainOptions, schema: OpenApiSchema = OPENAPI): ExplainResult {
  const rt = resolveResource(resourceKind);
  if (!rt) return noResourceType(resourceKind);
  return explainResource(rt, fieldPath, opts, schema);
}

/**
 * Explain kubectl's single argument, `pod.spec.containers` or `deployments.apps.spec`:
 * the resource is the longest `<plural>.<group>` prefix that matches, else the first
 * dotted part (pkg/explain SplitAndParseResourceRequestWithMatchingPrefix).
 */
export function explainArgument(arg: string, opts: ExplainOptions, schema: OpenApiSchema = OPENAPI): ExplainResult {
  const input = arg.endsWith(".") ? arg.slice(0, -1) : arg;
  const parts = input.split(".");
  const rt = resolveResource(parts[0]);
  if (!rt) return noResourceType(parts[0]);
  const prefix = qualifiedPlural(rt);
  if (opts.apiVersion === undefined && input.startsWith(prefix)) {
    const rest = input.slice(prefix.length);
    return explainResource(rt, rest ? rest.slice(1).split(".") : [], opts, schema);
  }
  return explainResource(rt, parts.slice(1), opts, schema);
}

function explainResource(rt: ResourceType, fieldPath: readonly string[], opts: ExplainOptions, schema: OpenApiSchema): ExplainResult {
  let { group, version } = rt;
  if (opts.apiVersion !== undefined) {
    const gv = parseGroupVersion(opts.apiVersion);
    if (!gv) return fail(`error: unexpected GroupVersion string: ${opts.apiVersion}`);
    ({ group, version } = gv);
  }
  const gvr = `${group}/${version}, Resource=${rt.plural}`;
  const served = Object.values(schema.kinds).some((k) => k.group === group && k.version === version);
  if (!served) return fail(`error: couldn't find resource for "${gvr}"`);
  const k = schema.kinds[rt.kind];
  if (!k || k.group !== group || k.version !== version) return fail(`error: GVR (${gvr}) not found in OpenAPI schema`);

  const text = renderPlaintext(schema, { kind: rt.kind, group, version }, fieldPath, opts.recursive);
  if (text === undefined) return fail(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
  return { ok: true, value: text };
}
