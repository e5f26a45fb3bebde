/**
 * Every verb, in the order and help groups of `kubectl --help`.
 */
import type { CommandSpec } from "./command";
import { annotateCommand } from "./commands/annotate";
import { apiResourcesCommand } from "./commands/api-resources";
import { applyCommand } from "./commands/apply";
import { clusterInfoCommand } from "./commands/cluster-info";
import { completionCommand } from "./commands/completion";
import { configCommand } from "./commands/config";
import { cordonCommand } from "./commands/cordon";
import { createCommand } from "./commands/create";
import { deleteCommand } from "./commands/delete";
import { describeCommand } from "./commands/describe";
import { drainCommand } from "./commands/drain";
import { editCommand } from "./commands/edit";
import { execCommand } from "./commands/exec";
import { explainCommand } from "./commands/explain";
import { exposeCommand } from "./commands/expose";
import { getCommand } from "./commands/get";
import { labelCommand } from "./commands/label";
import { logsCommand } from "./commands/logs";
import { patchCommand } from "./commands/patch";
import { replaceCommand } from "./commands/replace";
import { rolloutCommand } from "./commands/rollout";
import { runCommand } from "./commands/run";
import { scaleCommand } from "./commands/scale";
import { setCommand } from "./commands/set";
import { taintCommand } from "./commands/taint";
import { uncordonCommand } from "./commands/uncordon";
import { topCommand } from "./commands/top";
import { versionCommand } from "./commands/version";
import { waitCommand } from "./commands/wait";

export const COMMANDS: readonly CommandSpec[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  completionCommand,
  apiResourcesCommand,
  configCommand,
  versionCommand,
];

/** Real kubectl verbs the simulator does not offer yet: named as such, not "unknown". */
export const NOT_YET = ["autoscale", "certificate", "attach", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "kustomize", "api-versions", "plugin"];
