/**
 * `kubectl set resources` (pkg/cmd/set/set_resources.go): `--limits` and `--requests`
 * (`cpu=200m,memory=512Mi`) set on the containers `-c` selects (a glob, all by default);
 * `deployment.apps/web resource requirements updated`.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { printFailure, printFailures } from "../../patch/failure";
import type { JsonMap } from "../../patch/smp-lists";
import { isMap } from "../../patch/smp-lists";
import type { Target } from "../../patch/targets";
import { filenameFlags, localFlag, RECORD_FLAG, SELECTOR_FLAG } from "../../patch/verb-flags";
import { canonicalQuantity, QUANTITY_ERROR } from "./canonical-quantity";
import type { TemplateChange } from "./pod-template";
import { containersOf, globMatch, LOCAL_RESOURCE_ERROR, objectError, patchPodTemplates, podSpecOf, templateTargets } from "./pod-template";

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

interface Requirements {
  readonly limits?: Record<string, string>;
  readonly requests?: Record<string, string>;
}

/** The object with the requirements merged into the containers `selector` matches, none of which is an error. */
function setResources(t: Target, selector: string, req: Requirements): TemplateChange {
  const copy = structuredClone(t.object);
  const spec = podSpecOf(copy);
  if (!spec.ok) return { ok: false, error: objectError(t, spec.error) };
  const selected = containersOf(spec.value, "containers").filter((c) => globMatch(selector, String(c.name ?? "")));
  for (const c of selected) {
    const res: JsonMap = isMap(c.resources) ? c.resources : (c.resources = {});
    if (req.limits) res.limits = { ...(isMap(res.limits) ? res.limits : {}), ...req.limits };
    if (req.requests) res.requests = { ...(isMap(res.requests) ? res.requests : {}), ...req.requests };
  }
  if (selected.length === 0) return { ok: false, error: `error: unable to find container named ${selector}` };
  return { ok: true, value: copy };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "resource requirements updated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const local = bool(ctx.flags, "local");
  if (local && ctx.args.length > 0) return printFailure(env.err, LOCAL_RESOURCE_ERROR);
  const found = templateTargets(ctx, ctx.args);
  if (!found.ok) return printFailures(env.err, found.error);
  if (local && dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) return printFailure(env.err, "cannot set --all and --selector at the same time");
  const limitsText = str(ctx.flags, "limits");
  const requestsText = str(ctx.flags, "requests");
  if (!limitsText && !requestsText) return printFailure(env.err, "you must specify an update to requests or limits (in the form of --requests/--limits)");
  const limits = resourceList(limitsText);
  if (!limits.ok) return printFailure(env.err, limits.error);
  const requests = resourceList(requestsText);
  if (!requests.ok) return printFailure(env.err, requests.error);

  const req: Requirements = { limits: limitsText ? limits.value : undefined, requests: requestsText ? requests.value : undefined };
  const changes = found.value.map((target) => ({ target, changed: setResources(target, str(ctx.flags, "containers"), req) }));
  return patchPodTemplates(env, changes, { local, dryRun: dryRun.value, printer: printer.value, patchError: "failed to patch resources update to pod template " });
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
    SELECTOR_FLAG,
    RECORD_FLAG,
  ],
  run,
};
