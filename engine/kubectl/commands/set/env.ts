/**
 * `kubectl set env` (pkg/cmd/set/set_env.go): `KEY=VALUE`, `KEY-`, `-e`, `--from` a config
 * map or secret (`--keys`, `--prefix`) on the containers `-c` selects; `--list` prints the
 * variables; `deployment.apps/web env updated`.
 */
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { bool, list, str } from "../../flags";
import { fieldManagerFlag } from "../create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { isMap } from "../../patch/smp-lists";
import type { Target } from "../../patch/targets";
import { resolveTargets } from "../../patch/targets";
import { filenameFlags, localFlag } from "../../patch/verb-flags";
import type { EnvVar } from "./env-args";
import { keyToEnvName, parseEnv, splitEnvironment, updateEnv } from "./env-args";
import type { TemplateChange } from "./pod-template";
import { containersOf, globMatch, objectError, patchPodTemplates, podSpecOf, templateTargets } from "./pod-template";

const POD = resolveResource("pods") as ResourceType;

/** The variables `--from` brings in, as references to the config map's or secret's keys. */
function fromSource(ctx: CommandContext): { ok: true; value: EnvVar[] } | { ok: false; error: Failure } {
  const from = str(ctx.flags, "from");
  if (!from) return { ok: true, value: [] };
  const found = resolveTargets(ctx.env, { args: [from] });
  if (!found.ok) return found;
  if (found.value.errors.length > 0) return { ok: false, error: found.value.errors[0] };
  const keys = list(ctx.flags, "keys");
  const out: EnvVar[] = [];
  for (const { object } of found.value.targets) {
    const ref = object.kind === "Secret" ? "secretKeyRef" : object.kind === "ConfigMap" ? "configMapKeyRef" : undefined;
    if (!ref) return { ok: false, error: "unsupported resource specified in --from" };
    const data = isMap(object.data) ? object.data : {};
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      out.push({ name: keyToEnvName(key), valueFrom: { [ref]: { key, name: object.metadata.name ?? "" } } });
    }
  }
  return { ok: true, value: out };
}

function refString(v: unknown): string {
  const from = isMap(v) ? v : {};
  const pick = (k: string) => (isMap(from[k]) ? (from[k] as Record<string, unknown>) : undefined);
  const cm = pick("configMapKeyRef");
  if (cm) return `configmap ${String(cm.name)}, key ${String(cm.key)}`;
  const secret = pick("secretKeyRef");
  if (secret) return `secret ${String(secret.name)}, key ${String(secret.key)}`;
  const field = pick("fieldRef");
  if (field) return `field path ${String(field.fieldPath)}`;
  const res = pick("resourceFieldRef");
  if (res) return `resource ${String(res.resource)}`;
  return "invalid valueFrom";
}

/** The object with the variables set and removed; `--list` prints each container's variables as they come out. */
function changeEnv(ctx: CommandContext, t: Target, env: readonly EnvVar[], remove: readonly string[]): TemplateChange {
  const object = t.object;
  const copy = structuredClone(object);
  const spec = podSpecOf(copy);
  if (!spec.ok) return { ok: false, error: objectError(t, spec.error) };
  const selector = str(ctx.flags, "containers");
  const containers = containersOf(spec.value, "containers").filter((c) => globMatch(selector, String(c.name ?? "")));
  if (containers.length === 0) {
    ctx.env.err(`warning: ${object.kind}/${object.metadata.name ?? ""} does not have any containers matching "${selector}"\n`);
    return { ok: true, value: copy };
  }
  for (const c of containers) {
    const existing = (Array.isArray(c.env) ? c.env : []).filter(isMap) as EnvVar[];
    if (!bool(ctx.flags, "overwrite")) {
      const clash = env.find((e) => existing.some((x) => x.name === e.name && x.value !== e.value));
      if (clash) {
        const cur = existing.find((x) => x.name === clash.name) as EnvVar;
        return { ok: false, error: objectError(t, `'${cur.name}' already has a value (${String(cur.value ?? "")}), and --overwrite is false`) };
      }
    }
    const updated = updateEnv(existing, env, remove);
    if (updated.length > 0) c.env = updated;
    else delete c.env;
    if (bool(ctx.flags, "list")) {
      ctx.env.out(`# ${object.kind} ${object.metadata.name ?? ""}, container ${String(c.name)}\n`);
      for (const e of updated) ctx.env.out(e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${String(e.value ?? "")}\n`);
    }
  }
  return { ok: true, value: copy };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  if (bool(ctx.flags, "all") && str(ctx.flags, "selector")) return printFailure(env.err, "cannot set --all and --selector at the same time");
  const split = splitEnvironment(ctx.args);
  if (!split) return printFailure(env.err, `all resources must be specified before environment changes: ${ctx.args.join(" ")}`);
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const printer = objectPrinter(env, ctx.flags, "env updated", dryRun.value, POD);
  if (!printer.ok) return printFailure(env.err, printer.error);
  const local = bool(ctx.flags, "local");
  if (local && dryRun.value === "server") return printFailure(env.err, "cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  const files = list(ctx.flags, "filename");
  if (files.length === 0 && split.resources.length < 1) return printFailure(env.err, "one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (bool(ctx.flags, "list") && str(ctx.flags, "output")) return printFailure(env.err, "--list and --output may not be specified together");
  if (list(ctx.flags, "keys").length > 0 && !str(ctx.flags, "from")) return printFailure(env.err, "when specifying --keys, a configmap or secret must be provided with --from");
  const parsed = parseEnv([...list(ctx.flags, "env"), ...split.env], env.stdin);
  if (!parsed.ok) return printFailure(env.err, parsed.error);
  const from = fromSource(ctx);
  if (!from.ok) return printFailure(env.err, from.error);
  const prefix = str(ctx.flags, "prefix");
  const vars = [...parsed.value.env, ...from.value].map((v) => ({ ...v, name: prefix + v.name }));

  const found = templateTargets(ctx, split.resources);
  if (!found.ok) return printFailures(env.err, found.error);
  const changes = found.value.map((target) => ({ target, changed: changeEnv(ctx, target, vars, parsed.value.remove) }));
  if (bool(ctx.flags, "list")) return 0;
  return patchPodTemplates(env, changes, {
    local,
    dryRun: dryRun.value,
    printer: printer.value,
    patchError: "failed to patch env update to pod template: ",
    errorAfterPatch: vars.length === 0 && split.env.length === 0 ? "at least one environment variable must be provided" : undefined,
  });
}

export const setEnvCommand: CommandSpec = {
  name: "env",
  short: "Update environment variables on a pod template",
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `# Update deployment 'registry' with a new environment variable
kubectl set env deployment/registry STORAGE_DIR=/local

# List the environment variables defined on a deployments 'sample-build'
kubectl set env deployment/sample-build --list

# List the environment variables defined on all pods
kubectl set env pods --all --list

# Output modified deployment in YAML, and does not alter the object on the server
kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml

# Update all containers in all replication controllers in the project to have ENV=prod
kubectl set env rc --all ENV=prod

# Import environment from a secret
kubectl set env --from=secret/mysecret deployment/myapp

# Import environment from a config map with a prefix
kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp

# Import specific keys from a config map
kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp

# Remove the environment variable ENV from container 'c1' in all deployment configs
kubectl set env deployments --all --containers="c1" ENV-

# Remove the environment variable ENV from a deployment definition on disk and
# update the deployment config on the server
kubectl set env -f deploy.json ENV-

# Set some of the local shell environment into a deployment config on the server
env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  use: "RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N",
  flags: [
    { name: "all", type: "bool", usage: "If true, select all resources in the namespace of the specified resource types" },
    ...PRINT_FLAGS,
    { name: "containers", short: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change - may use wildcards" },
    DRY_RUN_FLAG,
    { name: "env", short: "e", type: "stringArray", usage: "Specify a key-value pair for an environment variable to set into each container." },
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("the resource to update the env"),
    { name: "from", type: "string", usage: "The name of a resource from which to inject environment variables" },
    { name: "keys", type: "stringSlice", usage: "Comma-separated list of keys to import from specified resource" },
    { name: "list", type: "bool", usage: "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env." },
    localFlag("If true, set env will NOT contact api-server but run locally."),
    { name: "overwrite", type: "bool", default: true, usage: "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment." },
    { name: "prefix", type: "string", usage: "Prefix to append to variable names" },
    { name: "resolve", type: "bool", usage: "If true, show secret or configmap references when listing variables" },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on" },
  ],
  run,
};
