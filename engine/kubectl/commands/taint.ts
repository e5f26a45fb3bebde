/**
 * `kubectl taint` (pkg/cmd/taint/taint.go and utils.go): `key=value:effect` adds,
 * `key:effect-` and `key-` remove. A taint with the same key and effect as an existing one
 * needs --overwrite. New taints come first, the node's others after them, and each node
 * reports `tainted`, `untainted` or `modified` (added and removed, or --overwrite).
 */
import type { Taint } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { labelValueErrors, qualifiedNameErrors } from "../../api/field-errors";
import type { CommandContext, CommandSpec } from "../command";
import { bool, str } from "../flags";
import type { Failure } from "../patch/failure";
import { printFailure, printFailures } from "../patch/failure";
import { serverPatch } from "../patch/server-patch";
import { fieldManagerFlag, VALIDATE_FLAG } from "./create/common-flags";
import { objectPrinter, PRINT_FLAGS } from "./create/print-flags";
import { NODE } from "./drain/nodes";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** parseTaint: `key`, `key:effect` or `key=value:effect`. */
function parseTaint(spec: string): Parsed<Taint> {
  const parts = spec.split(":");
  let key = spec;
  let value = "";
  let effect = "";
  if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) return { ok: false, error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = parts[0].split("=");
    if (kv.length > 2) return { ok: false, error: `invalid taint spec: ${spec}` };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = labelValueErrors(value);
      if (errs.length > 0) return { ok: false, error: `invalid taint spec: ${spec}, ${errs.join("; ")}` };
    }
  } else if (parts.length > 2) {
    return { ok: false, error: `invalid taint spec: ${spec}` };
  }
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) return { ok: false, error: `invalid taint spec: ${spec}, ${errs.join("; ")}` };
  return { ok: true, value: { key, ...(value ? { value } : {}), effect } };
}

interface TaintChanges {
  readonly add: Taint[];
  readonly remove: Taint[];
}

/** parseTaints: a taint to add needs an effect, and no two may share key and effect. */
function parseTaints(specs: readonly string[]): Parsed<TaintChanges> {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    const removing = spec.endsWith("-");
    const t = parseTaint(removing ? spec.slice(0, -1) : spec);
    if (!t.ok) return t;
    if (removing) {
      remove.push({ key: t.value.key, effect: t.value.effect });
      continue;
    }
    if (!t.value.effect) return { ok: false, error: `invalid taint spec: ${spec}` };
    if (add.some((a) => a.key === t.value.key && a.effect === t.value.effect)) {
      return { ok: false, error: `duplicated taints with the same key and effect: {${t.value.key} ${t.value.value ?? ""} ${t.value.effect} <nil>}` };
    }
    add.push(t.value);
  }
  return { ok: true, value: { add, remove } };
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** Taint.ToString, as the not-found error quotes a taint to remove. */
const taintString = (t: Taint) => (t.effect ? `${t.key}:${t.effect}` : t.key);

/** updateTaints and reorganizeTaints: the node's new taints and the word for what happened, or the error. */
function reorganize(node: KubeObject, changes: TaintChanges, overwrite: boolean): Parsed<{ taints: Taint[]; operation: string }> {
  const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  if (!overwrite) {
    const clashing = changes.add.flatMap((t) => old.filter((o) => sameTaint(t, o)).map(() => t.key));
    if (clashing.length > 0) return { ok: false, error: `node ${node.metadata.name} already has ${clashing.join(",")} taint(s) with same effect(s) and --overwrite is false` };
  }
  let taints: Taint[] = [...changes.add, ...old.filter((o) => !changes.add.some((t) => sameTaint(t, o)))];
  const added = taints.length !== old.length;
  const missing: string[] = [];
  let removed = false;
  for (const r of changes.remove) {
    const kept = taints.filter((t) => (r.effect ? !sameTaint(r, t) : t.key !== r.key));
    removed = kept.length !== taints.length;
    if (!removed) missing.push(`taint "${taintString(r)}" not found`);
    taints = kept;
  }
  if (missing.length > 0) return { ok: false, error: missing.join("\n") };
  const operation = (added && removed) || overwrite ? "modified" : added ? "tainted" : "untainted";
  return { ok: true, value: { taints, operation } };
}

/** Complete and Validate, in kubectl's order. */
function complete(ctx: CommandContext): Parsed<{ names: string[]; changes: TaintChanges }> | { ok: false; usage: string } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of ctx.args) {
    const isTaint = arg.includes("=") || arg.includes(":") || arg.endsWith("-");
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) return { ok: false, error: `all resources must be specified before taint changes: ${arg}` };
    else resources.push(arg);
  }
  if (resources.length < 1) return { ok: false, error: "one or more resources must be specified as <resource> <name>" };
  if (specs.length < 1) return { ok: false, error: "at least one taint update is required" };
  const changes = parseTaints(specs);
  if (!changes.ok) return { ok: false, usage: changes.error };
  if (!["node", "nodes"].includes(resources[0].toLowerCase())) return { ok: false, error: `invalid resource type ${resources[0]}, only ["node" "nodes"] are supported` };
  const conflicts = changes.value.add.flatMap((a) => changes.value.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `{"${r.key}":"${r.effect}"}`));
  if (conflicts.length > 0) return { ok: false, error: `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}` };
  const all = bool(ctx.flags, "all");
  const selector = str(ctx.flags, "selector");
  if (all && selector) return { ok: false, error: "setting 'all' parameter with a non empty selector is prohibited" };
  if (!all && !selector && resources.length < 2) return { ok: false, error: "at least one resource name must be specified since 'all' parameter is not set" };
  return { ok: true, value: { names: resources.slice(1), changes: changes.value } };
}

function nodesFor(ctx: CommandContext, names: readonly string[]): { nodes: KubeObject[]; errors: Failure[] } | { error: Failure } {
  const env = ctx.env;
  const selector = str(ctx.flags, "selector");
  if (bool(ctx.flags, "all") || selector) {
    const listed = env.api.list(NODE, undefined, { labelSelector: selector || undefined });
    return listed.ok ? { nodes: listed.value, errors: [] } : { error: listed.error };
  }
  const nodes: KubeObject[] = [];
  const errors: Failure[] = [];
  for (const name of names) {
    const got = env.api.get(NODE, undefined, name);
    if (got.ok) nodes.push(got.value);
    else errors.push(got.error);
  }
  return { nodes, errors };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const done = complete(ctx);
  if (!done.ok) {
    if ("usage" in done) {
      env.err(`error: ${done.usage}\nSee '${ctx.path} -h' for help and examples\n`);
      return 1;
    }
    return printFailure(env.err, done.error);
  }
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const found = nodesFor(ctx, done.value.names);
  if ("error" in found) return printFailure(env.err, found.error);
  const errors: Failure[] = [...found.errors];
  for (const node of found.nodes) {
    const next = reorganize(node, done.value.changes, bool(ctx.flags, "overwrite"));
    if (!next.ok) {
      errors.push(next.error);
      continue;
    }
    const printer = objectPrinter(env, ctx.flags, next.value.operation, dryRun.value, NODE);
    if (!printer.ok) return printFailure(env.err, printer.error);
    let result: KubeObject = { ...node, spec: { ...(node.spec as Record<string, unknown>), taints: next.value.taints } };
    if (dryRun.value !== "client") {
      const patch = { spec: { taints: next.value.taints.length > 0 ? next.value.taints : null } };
      const patched = serverPatch(env.api, NODE, undefined, node.metadata.name ?? "", "strategic", patch, { dryRun: dryRun.value === "server" });
      if (!patched.ok) {
        errors.push(patched.error);
        continue;
      }
      result = patched.value.object;
    }
    const text = printer.value.print(result, NODE);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors.flatMap((e): Failure[] => (typeof e === "string" ? e.split("\n") : [e])));
}

export const taintCommand: CommandSpec = {
  name: "taint",
  group: "Cluster Management Commands",
  short: "Update the taints on one or more nodes",
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  example: `# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
# If a taint with that key and effect already exists, its value is replaced as specified
kubectl taint nodes foo dedicated=special-user:NoSchedule

# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
kubectl taint nodes foo dedicated:NoSchedule-

# Remove from node 'foo' all the taints with key 'dedicated'
kubectl taint nodes foo dedicated-

# Add a taint with key 'dedicated' on nodes having label myLabel=X
kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

# Add to node 'foo' a taint with key 'bar' and no value
kubectl taint nodes foo bar:NoSchedule`,
  use: "NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
  flags: [
    { name: "all", type: "bool", usage: "Select all nodes in the cluster" },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-taint"),
    { name: "overwrite", type: "bool", usage: "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints." },
    { name: "selector", short: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    VALIDATE_FLAG,
  ],
  run,
};
