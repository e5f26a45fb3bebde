/**
 * `kubectl` as a program of the learner's shell: finds the verb (and subverb) the way
 * cobra does, parses flags, resolves the kubeconfig context to one of the workspace's
 * clusters, and runs the verb.
 */
import type { ApiServer } from "../api/server";
import type { ContainerRuntime } from "../runtime/types";
import type { ProgramContext } from "../shell/program";
import type { CommandSpec, KubectlEnv } from "./command";
import { parseFlags } from "./flags";
import { GLOBAL_FLAGS } from "./global-flags";
import { commandHelp, flagUsages, rootHelp } from "./help";
import type { Kubeconfig } from "./kubeconfig";
import { KUBECONFIG_PATH, parseKubeconfig, serializeKubeconfig } from "./kubeconfig";
import { COMMANDS, NOT_YET } from "./registry";

/** What kubectl needs from the workspace beyond the shell's program context. */
export interface KubectlHost {
  /** the simulated cluster a kubeconfig cluster entry points at */
  cluster(name: string): { readonly api: ApiServer; readonly runtime: ContainerRuntime; settle(): void } | undefined;
  readonly headless: boolean;
}

const globalsWithValue = new Set(GLOBAL_FLAGS.filter((f) => f.type !== "bool").flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

function flagsWithValue(cmd: CommandSpec | undefined): Set<string> {
  const own = (cmd?.flags ?? []).filter((f) => f.type !== "bool" && f.noOptDefault === undefined).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
  return new Set([...globalsWithValue, ...own]);
}

/** Index of the first positional argument, skipping flags (global and the command's own) and their values. */
function firstPositional(argv: readonly string[], from: number, cmd?: CommandSpec): number {
  const withValue = flagsWithValue(cmd);
  for (let i = from; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") return -1;
    if (a.startsWith("-") && a !== "-") {
      if (withValue.has(a)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function suggest(name: string, commands: readonly CommandSpec[]): string[] {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  return commands.filter((c) => dist(name, c.name) <= 2 || c.name.startsWith(name)).map((c) => c.name);
}

const OPTIONS_HELP = `The following options can be passed to any command:\n\n${flagUsages(GLOBAL_FLAGS)}\n`;

export async function kubectl(ctx: ProgramContext, host: KubectlHost): Promise<number> {
  const argv = ctx.argv.slice(1);
  const err = ctx.stderr;
  const out = ctx.stdout;
  let i = firstPositional(argv, 0);
  if (i < 0) {
    if (argv.some((a) => a !== "-h" && a !== "--help" && a.startsWith("-"))) {
      const parsed = parseFlags(argv, GLOBAL_FLAGS);
      if (!parsed.ok) {
        err(`error: ${parsed.error}\nSee 'kubectl --help' for usage.\n`);
        return 1;
      }
    }
    out(rootHelp(COMMANDS));
    return 0;
  }
  if (argv[i] === "options") {
    out(OPTIONS_HELP);
    return 0;
  }
  const top = COMMANDS.find((c) => c.name === argv[i] || c.aliases?.includes(argv[i]));
  if (!top && NOT_YET.includes(argv[i])) {
    err(`error: "kubectl ${argv[i]}" is not available in this simulated cluster yet\n`);
    return 1;
  }
  if (!top) {
    const s = suggest(argv[i], COMMANDS);
    err(`error: unknown command "${argv[i]}" for "kubectl"${s.length ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}`).join("\n")}\n` : ""}\n`);
    return 1;
  }
  let cmd: CommandSpec = top;
  let path = `kubectl ${cmd.name}`;
  let rest = [...argv.slice(0, i), ...argv.slice(i + 1)];
  while (cmd.subcommands?.length) {
    const j = firstPositional(rest, 0, cmd);
    const sub: CommandSpec | undefined = j >= 0 ? cmd.subcommands.find((s) => s.name === rest[j] || s.aliases?.includes(rest[j])) : undefined;
    if (!sub) break;
    cmd = sub;
    path += ` ${sub.name}`;
    rest = [...rest.slice(0, j), ...rest.slice(j + 1)];
  }
  const own = cmd.flags ?? [];
  const parsed = parseFlags(rest, [...own, ...GLOBAL_FLAGS.filter((g) => !own.some((f) => f.name === g.name || (f.short && f.short === g.short)))]);
  if (!parsed.ok) {
    err(`error: ${parsed.error}\nSee '${path} --help' for usage.\n`);
    return 1;
  }
  const flags = parsed.value;
  if (flags.values.help === true || !cmd.run) {
    out(commandHelp(cmd, path));
    return 0;
  }

  const kubeconfigPath = typeof flags.values.kubeconfig === "string" && flags.values.kubeconfig ? ctx.fs.resolve(ctx.cwd, flags.values.kubeconfig) : KUBECONFIG_PATH;
  const kc = parseKubeconfig(ctx.fs.readFile(kubeconfigPath));
  if (!kc.ok) {
    err(`error: ${kc.error}\n`);
    return 1;
  }
  const kubeconfig = kc.value;
  const contextName = String(flags.values.context || kubeconfig["current-context"]);
  const context = kubeconfig.contexts.find((c) => c.name === contextName);
  const cluster = context ? host.cluster(context.context.cluster) : undefined;
  // Client-side verbs work without a reachable cluster, as real kubectl's do.
  const clientOnly = path.startsWith("kubectl config") || cmd.name === "completion" || cmd.name === "explain" || (cmd.name === "version" && flags.values.client === true);
  if (flags.changed.has("context") && !context && !clientOnly) {
    err(`error: context was not found for specified context: ${contextName}\n`);
    return 1;
  }
  if (!cluster && !clientOnly) {
    err("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
    return 1;
  }
  const nsFlag = typeof flags.values.namespace === "string" ? flags.values.namespace : "";
  const env: KubectlEnv = {
    api: (cluster ?? host.cluster(""))?.api as ApiServer,
    runtime: (cluster ?? host.cluster(""))?.runtime as ContainerRuntime,
    kubeconfig,
    namespace: nsFlag || context?.context.namespace || "default",
    explicitNamespace: nsFlag !== "",
    fs: ctx.fs,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    signal: ctx.signal,
    headless: host.headless,
    sleep: ctx.sleep,
    settle: () => cluster?.settle(),
    ...(ctx.terminal ? { terminal: ctx.terminal } : {}),
    ...(ctx.editor ? { editor: ctx.editor } : {}),
    saveKubeconfig: (k: Kubeconfig) => {
      ctx.fs.writeFile(kubeconfigPath, serializeKubeconfig(k));
    },
    out,
    err,
  };
  const status = await cmd.run({ env, flags, args: flags.args, path });
  env.settle();
  return status;
}
