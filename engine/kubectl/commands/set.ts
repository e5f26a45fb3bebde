/**
 * `kubectl set` (pkg/cmd/set/set.go): a parent for the subcommands that change one
 * aspect of existing objects, here `image`, `env` and `resources`.
 */
import type { CommandSpec } from "../command";
import { setEnvCommand } from "./set/env";
import { setImageCommand } from "./set/image";
import { setResourcesCommand } from "./set/resources";

export const setCommand: CommandSpec = {
  name: "set",
  group: "Basic Commands (Intermediate)",
  short: "Set specific features on objects",
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  use: "SUBCOMMAND",
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand],
};
