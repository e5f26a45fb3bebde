/**
 * `kubectl rollout undo` (pkg/cmd/rollout/rollout_undo.go, polymorphichelpers
 * DeploymentRollbacker): the Deployment's pod template and annotations are put back to
 * those of an earlier revision's ReplicaSet (the previous one by default) with a JSON
 * patch; the controller then rolls out to it and gives it a new revision number.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { ANNOTATIONS_TO_SKIP } from "../../../controllers/deployment/replica-sets";
import { equalIgnoreHash, TEMPLATE_HASH_LABEL } from "../../../controllers/deployment/template-hash";
import type { CommandContext, CommandSpec } from "../../command";
import { int } from "../../flags";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { serverPatch } from "../../patch/server-patch";
import type { DryRunStrategy } from "../../printers/name";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { printTemplate, revisionMap } from "./deployment-revisions";
import { TARGET_FLAGS, workloadTargets } from "./workload-targets";

type Obj = Record<string, unknown>;
type Outcome = { ok: true; value: string } | { ok: false; error: Failure };

const notFound = (r: number): Outcome => ({ ok: false, error: `unable to find specified revision ${r} in history` });

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the revision before the latest. */
function revisionReplicaSet(ctx: CommandContext, d: KubeObject, toRevision: number): { ok: true; value: KubeObject } | { ok: false; error: Failure } {
  const history = revisionMap(ctx.env.api, d);
  if (toRevision > 0) {
    const rs = history.get(toRevision);
    return rs ? { ok: true, value: rs } : (notFound(toRevision) as { ok: false; error: Failure });
  }
  const revisions = [...history.keys()].sort((a, b) => b - a);
  const previous = revisions.length > 1 ? history.get(revisions[1]) : undefined;
  return previous ? { ok: true, value: previous } : { ok: false, error: `no rollout history found for deployment "${d.metadata.name}"` };
}

function rollbackDeployment(ctx: CommandContext, type: ResourceType, d: KubeObject, toRevision: number, dryRun: DryRunStrategy): Outcome {
  if (toRevision < 0) return notFound(toRevision);
  const found = revisionReplicaSet(ctx, d, toRevision);
  if (!found.ok) return found;
  const rs = found.value;
  const rsTemplate = ((rs.spec ?? {}) as Obj).template as Obj;
  if (dryRun === "client") return { ok: true, value: printTemplate(rsTemplate) };
  const name = d.metadata.name ?? "";
  if (((d.spec ?? {}) as Obj).paused === true) {
    return { ok: false, error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again` };
  }
  if (equalIgnoreHash(rsTemplate, ((d.spec ?? {}) as Obj).template)) return { ok: true, value: `skipped rollback (current template already matches revision ${toRevision})` };
  const template = structuredClone(rsTemplate);
  const meta = (template.metadata ?? {}) as Obj;
  const labels = { ...((meta.labels as Record<string, string> | undefined) ?? {}) };
  delete labels[TEMPLATE_HASH_LABEL];
  template.metadata = { ...meta, labels };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const patch = [
    { op: "replace", path: "/spec/template", value: template },
    { op: "replace", path: "/metadata/annotations", value: annotations },
  ];
  const r = serverPatch(ctx.env.api, type, d.metadata.namespace, name, "json", patch, { dryRun: dryRun === "server" });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${typeof r.error === "string" ? r.error : r.error.message}` };
  return { ok: true, value: "rolled back" };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const dryRun = parseDryRun(ctx.flags);
  if (!dryRun.ok) return printFailure(env.err, dryRun.error);
  const found = workloadTargets(ctx);
  if (!found.ok) return printFailure(env.err, found.error);
  const errors: Failure[] = [...found.value.errors];
  const toRevision = int(ctx.flags, "to-revision");
  for (const t of found.value.targets) {
    let outcome: Outcome;
    if (t.type.plural === "deployments") outcome = rollbackDeployment(ctx, t.type, t.object, toRevision, dryRun.value);
    else if (t.type.plural === "daemonsets") outcome = { ok: false, error: "rollout undo of daemon sets is not available in this simulated cluster yet" };
    else outcome = { ok: false, error: `no rollbacker has been implemented for "${t.type.kind}${t.type.group ? `.${t.type.group}` : ""}"` };
    if (!outcome.ok) {
      errors.push(outcome.error);
      continue;
    }
    const printer = objectPrinter(env, ctx.flags, outcome.value, dryRun.value, t.type);
    if (!printer.ok) return printFailure(env.err, printer.error);
    const text = printer.value.print(t.object, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const rolloutUndoCommand: CommandSpec = {
  name: "undo",
  short: "Undo a previous rollout",
  long: "Roll back to a previous rollout.",
  example: `# Roll back to the previous deployment
kubectl rollout undo deployment/abc

# Roll back to daemonset revision 3
kubectl rollout undo daemonset/abc --to-revision=3

# Roll back to the previous deployment with dry-run
kubectl rollout undo --dry-run=server deployment/abc`,
  use: "(TYPE NAME | TYPE/NAME) [flags]",
  flags: [...PRINT_FLAGS, DRY_RUN_FLAG, ...TARGET_FLAGS, { name: "to-revision", type: "int", usage: "The revision to rollback to. Default to 0 (last revision)." }],
  run,
};
