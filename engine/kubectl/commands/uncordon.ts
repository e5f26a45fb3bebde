/**
 * `kubectl uncordon` (pkg/cmd/drain/drain.go NewCmdUncordon): makes nodes schedulable
 * again; `node/node01 uncordoned`, or `already uncordoned`.
 */
import type { CommandSpec } from "../command";
import { SELECTOR_FLAG } from "../patch/verb-flags";
import { cordonRun } from "./cordon";
import { DRY_RUN_FLAG } from "./dry-run";

export const uncordonCommand: CommandSpec = {
  name: "uncordon",
  group: "Cluster Management Commands",
  short: "Mark node as schedulable",
  long: "Mark node as schedulable.",
  example: `# Mark node "foo" as schedulable
kubectl uncordon foo`,
  use: "NODE",
  flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
  run: cordonRun(false),
};
