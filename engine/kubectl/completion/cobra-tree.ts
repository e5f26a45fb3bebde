/**
 * kubectl's commands as cobra's completion walks them: the verbs of the registry, the real
 * verbs the simulator does not run yet (their names and Shorts still complete, as in
 * `kubectl __complete ""` of kubectl 1.35), `options`, and cobra's `help`. Every command
 * has its own flags plus cobra's `-h, --help` (`help for NAME`), and inherits kubectl's
 * global flags unless a flag of its own has the same name.
 */
import type { CommandSpec } from "../command";
import type { FlagSpec } from "../flags";
import { GLOBAL_FLAGS } from "../global-flags";
import { COMMANDS, NOT_YET } from "../registry";

export interface CobraCommand {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly short: string;
  /** `kubectl rollout status`: the key of the registrations. */
  readonly path: string;
  readonly subcommands: readonly CobraCommand[];
  /** The command's own flags (cobra's NonInheritedFlags), `--help` among them. */
  readonly flags: readonly FlagSpec[];
  /** The root's persistent flags it inherits. */
  readonly inherited: readonly FlagSpec[];
}

/** The Shorts of the verbs listed in NOT_YET, and of `options`, as kubectl prints them. */
const OTHER_SHORTS: Readonly<Record<string, string>> = {
  "api-versions": 'Print the supported API versions on the server, in the form of "group/version"',
  attach: "Attach to a running container",
  auth: "Inspect authorization",
  autoscale: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  certificate: "Modify certificate resources",
  cp: "Copy files and directories to and from containers",
  debug: "Create debugging sessions for troubleshooting workloads and nodes",
  diff: "Diff the live version against a would-be applied version",
  events: "List events",
  kustomize: "Build a kustomization target from a directory or URL",
  options: "Print the list of flags inherited by all commands",
  plugin: "Provides utilities for interacting with plugins",
  "port-forward": "Forward one or more local ports to a pod",
  proxy: "Run a proxy to the Kubernetes API server",
};

/** cobra lists a command's subcommands, and pflag its flags, by name. */
const sorted = <T extends { readonly name: string }>(items: T[]): T[] => items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** cobra's InitDefaultHelpFlag, which `__complete` runs on the command it completes for. */
const helpFlag = (name: string): FlagSpec => ({ name: "help", short: "h", type: "bool", usage: `help for ${name}` });

/** kubectl's global flags, the root's persistent ones; the simulator's hidden `--help` is cobra's per-command flag instead. */
export const PERSISTENT: readonly FlagSpec[] = sorted(GLOBAL_FLAGS.filter((f) => f.name !== "help"));

function command(spec: Pick<CommandSpec, "name" | "aliases" | "short" | "flags" | "subcommands">, parent: string): CobraCommand {
  const path = `${parent} ${spec.name}`;
  const own = sorted([...(spec.flags ?? []), helpFlag(spec.name)]);
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    short: spec.short,
    path,
    subcommands: sorted((spec.subcommands ?? []).map((s) => command(s, path))),
    flags: own,
    inherited: PERSISTENT.filter((g) => !own.some((f) => f.name === g.name)),
  };
}

const others = [...NOT_YET, "options"].map((name) => command({ name, short: OTHER_SHORTS[name] ?? "" }, "kubectl"));

/** The root: its persistent flags are the global ones; `help` is cobra's default help command. */
export const KUBECTL: CobraCommand = {
  name: "kubectl",
  aliases: [],
  short: "kubectl controls the Kubernetes cluster manager",
  path: "kubectl",
  subcommands: sorted([...COMMANDS.map((c) => command(c, "kubectl")), ...others, command({ name: "help", short: "Help about any command" }, "kubectl")]),
  flags: sorted([...PERSISTENT, helpFlag("kubectl")]),
  inherited: [],
};

/** All flags a command parses: its own, then the inherited ones. */
export function allFlags(cmd: CobraCommand): FlagSpec[] {
  return [...cmd.flags, ...cmd.inherited];
}
