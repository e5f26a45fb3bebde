/**
 * `kubectl rollout status` (pkg/cmd/rollout/rollout_status.go): watches one Deployment or
 * DaemonSet and prints its rollout status each time it changes, until the rollout is done,
 * `--watch=false` asks for one look, or `--timeout` passes.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { bool, int, str } from "../../flags";
import { printFailure, printFailures } from "../../patch/failure";
import { parseDuration } from "../delete";
import { rolloutStatus } from "./status-viewer";
import { namesResource, REQUIRED_RESOURCE, TARGET_FLAGS, workloadTargets } from "./workload-targets";

/** How often the simulated watch looks again. */
const POLL_MS = 250;
/** A headless run with no timeout stops waiting after this much virtual time, where a terminal would wait for Ctrl-C. */
const HEADLESS_LIMIT_MS = 3_600_000;

async function run(ctx: CommandContext): Promise<number> {
  const env = ctx.env;
  const revision = int(ctx.flags, "revision");
  const timeout = parseDuration(str(ctx.flags, "timeout"));
  if (timeout === undefined) {
    env.err(`error: invalid argument "${str(ctx.flags, "timeout")}" for "--timeout" flag: time: invalid duration "${str(ctx.flags, "timeout")}"\nSee '${ctx.path} --help' for usage.\n`);
    return 1;
  }
  if (!namesResource(ctx)) return printFailure(env.err, REQUIRED_RESOURCE);
  if (revision < 0) return printFailure(env.err, `revision must be a positive integer: ${revision}`);
  const found = workloadTargets(ctx);
  if (!found.ok) return printFailure(env.err, found.error);
  if (found.value.errors.length) return printFailures(env.err, found.value.errors);
  const targets = found.value.targets;
  if (targets.length !== 1) return printFailure(env.err, `rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
  const { type, object } = targets[0];
  const first = rolloutStatus(object, revision);
  if (!first.ok && first.error.startsWith("no status viewer")) return printFailure(env.err, first.error);
  const deadline = env.api.now() + (timeout > 0 ? timeout : env.headless ? HEADLESS_LIMIT_MS : Infinity);
  let last = "";
  for (;;) {
    const current = env.api.store.get(type.plural, object.metadata.namespace, object.metadata.name ?? "");
    if (!current || current.metadata.uid !== object.metadata.uid) return printFailure(env.err, "object has been deleted");
    const status = rolloutStatus(current, revision);
    if (!status.ok) return printFailure(env.err, status.error);
    if (status.message !== last) env.out(status.message);
    last = status.message;
    if (status.done || !bool(ctx.flags, "watch")) return 0;
    if (env.signal.aborted) return 130;
    if (env.api.now() >= deadline) return printFailure(env.err, "timed out waiting for the condition");
    await env.sleep(Math.min(POLL_MS, deadline - env.api.now()));
  }
}

export const rolloutStatusCommand: CommandSpec = {
  name: "status",
  short: "Show the status of the rollout",
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: `# Watch the rollout status of a deployment
kubectl rollout status deployment/nginx`,
  use: "(TYPE NAME | TYPE/NAME) [flags]",
  flags: [
    ...TARGET_FLAGS,
    { name: "revision", type: "int", usage: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)." },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
    { name: "watch", short: "w", type: "bool", default: true, usage: "Watch the status of the rollout until it's done." },
  ],
  run,
};
