/**
 * `kubectl rollout history` (pkg/cmd/rollout/rollout_history.go, polymorphichelpers
 * DeploymentHistoryViewer): the `REVISION  CHANGE-CAUSE` table of a Deployment's
 * ReplicaSets, one revision's pod template with `--revision`, or the ReplicaSets
 * themselves with `-o`.
 */
import type { KubeObject } from "../../../api/object";
import { resolveResource } from "../../../api/resources";
import type { ResourceType } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { int, str } from "../../flags";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { DESCRIBE, tabwrite } from "../../printers/tabwriter";
import { objectPrinter, PRINT_FLAGS } from "../create/print-flags";
import { printTemplate, revisionMap } from "./deployment-revisions";
import { namesResource, REQUIRED_RESOURCE, TARGET_FLAGS, workloadTargets } from "./workload-targets";

const RS = resolveResource("replicasets") as ResourceType;
const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** The pod template of a revision, carrying its ReplicaSet's change-cause as kubectl shows it. */
function templateOf(rs: KubeObject): Record<string, unknown> {
  const template = structuredClone(((rs.spec ?? {}) as Record<string, unknown>).template ?? {}) as Record<string, unknown>;
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  const meta = (template.metadata ?? {}) as Record<string, unknown>;
  if (cause) template.metadata = { ...meta, annotations: { ...((meta.annotations as Record<string, string> | undefined) ?? {}), [CHANGE_CAUSE]: cause } };
  return template;
}

/** ViewHistory for a Deployment. */
export function viewDeploymentHistory(ctx: CommandContext, d: KubeObject, revision: number): { ok: true; value: string } | { ok: false; error: Failure } {
  const history = revisionMap(ctx.env.api, d);
  if (history.size === 0) return { ok: true, value: "No rollout history found." };
  if (revision > 0) {
    const rs = history.get(revision);
    return rs ? { ok: true, value: printTemplate(templateOf(rs)) } : { ok: false, error: "unable to find the specified revision" };
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)?.metadata.annotations?.[CHANGE_CAUSE] || "<none>"}\n`);
  return { ok: true, value: tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join("")}`, DESCRIBE) };
}

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const revision = int(ctx.flags, "revision");
  if (!namesResource(ctx)) return printFailure(env.err, REQUIRED_RESOURCE);
  if (revision < 0) return printFailure(env.err, `revision must be a positive integer: ${revision}`);
  const found = workloadTargets(ctx);
  if (!found.ok) return printFailure(env.err, found.error);
  const errors: Failure[] = [...found.value.errors];
  const output = str(ctx.flags, "output");
  for (const t of found.value.targets) {
    if (t.type.plural !== "deployments") {
      errors.push(t.type.plural === "daemonsets" ? "rollout history of daemon sets is not available in this simulated cluster yet" : `no history viewer has been implemented for "${t.type.kind}${t.type.group ? `.${t.type.group}` : ""}"`);
      continue;
    }
    if (output) {
      const printer = objectPrinter(env, ctx.flags, "", "none", RS);
      if (!printer.ok) return printFailure(env.err, printer.error);
      const history = revisionMap(env.api, t.object);
      const revisions = revision > 0 ? [revision] : [...history.keys()].sort((a, b) => a - b);
      for (const r of revisions) {
        const rs = history.get(r);
        if (!rs) {
          errors.push("unable to find the specified revision");
          continue;
        }
        const text = printer.value.print(rs, RS);
        if (!text.ok) return printFailure(env.err, text.error);
        env.out(text.value);
      }
      continue;
    }
    const viewed = viewDeploymentHistory(ctx, t.object, revision);
    if (!viewed.ok) {
      errors.push(viewed.error);
      continue;
    }
    const printer = objectPrinter(env, ctx.flags, `${revision > 0 ? `with revision #${revision}` : ""}\n${viewed.value}`, "none", RS);
    if (!printer.ok) return printFailure(env.err, printer.error);
    const text = printer.value.print(t.object, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}

export const rolloutHistoryCommand: CommandSpec = {
  name: "history",
  short: "View rollout history",
  long: "View previous rollout revisions and configurations.",
  example: `# View the rollout history of a deployment
kubectl rollout history deployment/abc

# View the details of daemonset revision 3
kubectl rollout history daemonset/abc --revision=3`,
  use: "(TYPE NAME | TYPE/NAME) [flags]",
  flags: [...PRINT_FLAGS, ...TARGET_FLAGS, { name: "revision", type: "int", usage: "See the details, including podTemplate of the revision specified" }],
  run,
};
