/**
 * `kubectl rollout` (pkg/cmd/rollout/rollout.go): a parent for the subcommands that
 * watch, pause, resume, restart and undo the rollouts of Deployments and DaemonSets.
 */
import type { CommandSpec } from "../command";
import { rolloutHistoryCommand } from "./rollout/history";
import { rolloutPauseCommand } from "./rollout/pause";
import { rolloutRestartCommand } from "./rollout/restart";
import { rolloutResumeCommand } from "./rollout/resume";
import { rolloutStatusCommand } from "./rollout/status";
import { rolloutUndoCommand } from "./rollout/undo";

export const rolloutCommand: CommandSpec = {
  name: "rollout",
  group: "Deploy Commands",
  short: "Manage the rollout of a resource",
  long: `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `# Rollback to the previous deployment
kubectl rollout undo deployment/abc

# Check the rollout status of a daemonset
kubectl rollout status daemonset/foo

# Restart a deployment
kubectl rollout restart deployment/abc

# Restart deployments with the 'app=nginx' label
kubectl rollout restart deployment --selector=app=nginx`,
  use: "SUBCOMMAND",
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
