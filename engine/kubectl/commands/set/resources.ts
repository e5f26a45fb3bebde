/**
 * `kubectl set resources` (pkg/cmd/set/set_resources.go): `--limits` and `--requests`
 * (`cpu=200m,memory=512Mi`) set on the containers `-c` selects (a glob, all by default);
 * `deployment.apps/web resource requirements updated`.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { KubeObject } from "../../../api/object";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, list, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { printWarnings } from "../../patch/print-warnings";
import { serverPatch } from "../../patch/server-patch";
import type { JsonMap } from "../../patch/smp-lists";
import { isMap } from "../../patch/smp-lists";
import { resolveTargets } from "../../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG } from "../../patch/verb-flags";
import { canonicalQuantity, QUANTITY_ERROR } from "./canonical-quantity";
import { containersOf, isEmptyPatch, objectName, podSpecOf, podTemplatePatch } from "./pod-template";

const POD = resolveResource("pods") as ResourceType;

type ResourceList = { ok: true; value: Record<string, string> } | { ok: false; error: string };

/** populateResourceListV1: `cpu=100m,memory=256Mi`. */
function resourceList(spec: string): ResourceList {
  const out: Record<string, string> = {};
  if (!spec) return { ok: true, value: out };
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) return { ok: false, error: `Invalid argument syntax ${statement}, expected <resource>=<value>` };
    const q = canonicalQuantity(parts[1]);
    if (q === undefined) return { ok: false, error: QUANTITY_ERROR };
    out[parts[0]] = q;
  }
  return { ok: true, value: out };
}

/** filepath.Match for the container selector. */
function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
  return re.test(name);
}

function setResources(object: KubeObject, selector: string, limits: Record<string, string>, requests: Record<string, string>, haveLimits: boolean, haveRequests: boolean): { ok: true; value: { object: KubeObject; found: boolean } } | { ok: false; error: string } {
  const copy = structuredClone(object);
  const spec = podSpecOf(copy);
  if (!spec.ok) return spec;
  const selected = containersOf(spec.value, "containers").filter((c) => globMatch(selector, String(c.name ?? "")));
  for (const c of selected) {
    const res: JsonMap = isMap(c.resources) ? c.resources : (c.resources = {});
    if (haveLimits) res.limits = { ...(isMap(res.limits) ? res.limits : {}), ...limits };
    if (haveRequests) res.requests = { ...(isMap(res.requests) ? res.requests : {}), ...requests };
  }
  return { ok: true, value: { object: copy, found: selected.length > 0 } };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "resource requirements updated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const local = bool(ctx.flags, "local");
  if (local && ctx.args.length > 0) return printFailure(env.err, "error: you must specify resources by --filename when --local is set.");
  const found = resolveTargets(env, { args: ctx.args, filenames: list(ctx.flags, "filename"), recursive: bool(ctx.flags, "recursive"), selector: str(ctx.flags, "selector"), all: bool(ctx.flags, "all"), fetch: !local });
  if (!found.ok) return printFailure(env.err, found.error);
  if (found.value.errors.length > 0) return printFailures(env.err, found.value.errors);
  if (local && dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) return printFailure(env.err, "cannot set --all and --selector at the same time");
  const limitsText = str(ctx.flags, "limits");
  const requestsText = str(ctx.flags, "requests");
  if (!limitsText && !requestsText) return printFailure(env.err, "you must specify an update to requests or limits (in the form of --requests/--limits)");
  const limits = resourceList(limitsText);
  if (!limits.ok) return printFailure(env.err, limits.error);
  const requests = resourceList(requestsText);
  if (!requests.ok) return printFailure(env.err, requests.error);

  const selector = str(ctx.flags, "containers");
  const errors: Failure[] = [];
  for (const t of found.value.targets) {
    const changed = setResources(t.object, selector, limits.value, requests.value, limitsText !== "", requestsText !== "");
    if (!changed.ok) {
      errors.push(`error: ${objectName(t.type, t.object)} ${changed.error}\n`);
      continue;
    }
    if (!changed.value.found) {
      errors.push(`error: unable to find container named ${selector}`);
      continue;
    }
    const patch = podTemplatePatch(t.object, changed.value.object);
    if (!patch.ok) {
      errors.push(`error: ${objectName(t.type, t.object)} ${patch.error}\n`);
      continue;
    }
    if (isEmptyPatch(patch.value)) continue;
    let result = changed.value.object;
    if (!(local || dryRun.value === "client")) {
      const meta = t.object.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "strategic", patch.value, { dryRun: dryRun.value === "server" });
      if (!r.ok) {
        errors.push(`failed to patch resources update to pod template ${typeof r.error === "string" ? r.error : r.error.message}`);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    const text = printer.value.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const setResourcesCommand: CommandSpec = {
  name: "resources",
  short: "Update resource requests/limits on objects with pod templates",
  long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`,
  example: `# Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi

# Set the resource request and limits for all containers in nginx
kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi

# Remove the resource requests for resources on containers in nginx
kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0

# Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
  use: "(-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    { name: "containers", short: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards" },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("identifying the resource to get from a server."),
    { name: "limits", type: "string", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    localFlag("If true, set resources will NOT contact api-server but run locally."),
    { name: "requests", type: "string", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    RECORD_FLAG,
  ],
  run,
};
