/**
 * How a kubectl verb is cut, after kubectl's `pkg/cmd/<verb>`: a spec (name, help texts,
 * flags, subcommands) and a run function that receives parsed flags and the environment.
 * Verbs write through `out`/`err` and return the exit status; API errors become text in
 * one place (errors.ts).
 */
import type { ApiServer } from "../api/server";
import type { ContainerRuntime } from "../runtime/types";
import type { Editor, Terminal } from "../shell/terminal";
import type { Vfs } from "../shell/vfs";
import type { FlagSpec, ParsedFlags } from "./flags";
import type { Kubeconfig } from "./kubeconfig";

export type HelpGroup =
  | "Basic Commands (Beginner)"
  | "Basic Commands (Intermediate)"
  | "Deploy Commands"
  | "Cluster Management Commands"
  | "Troubleshooting and Debugging Commands"
  | "Advanced Commands"
  | "Settings Commands"
  | "Other Commands";

/** What a verb may touch: the current context's cluster, the kubeconfig, the host's files. */
export interface KubectlEnv {
  readonly api: ApiServer;
  /** the containers of the current context's cluster: logs, exec, top */
  readonly runtime: ContainerRuntime;
  readonly kubeconfig: Kubeconfig;
  /** the namespace of the current context, or `-n` */
  readonly namespace: string;
  /** true when -n/--namespace was given */
  readonly explicitNamespace: boolean;
  readonly fs: Vfs;
  readonly cwd: string;
  readonly stdin: string;
  readonly signal: AbortSignal;
  /** true in the CLI and tests: blocking waits advance virtual time instead of waiting */
  readonly headless: boolean;
  /** Lets virtual time pass (headless) or waits for it (browser); controllers run meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Runs controllers until the cluster is quiet at the current time. */
  settle(): void;
  /**
   * The terminal's editor for `kubectl edit`: given the temporary file, the text saved, or
   * undefined when the learner quit without saving. Absent where no editor exists.
   */
  readonly editor?: Editor;
  /** The learner's terminal, when kubectl's stdin is it: `exec -it` and `run -it` read lines from it. */
  readonly terminal?: Terminal;
  /** Writes a kubeconfig change back (config use-context, set-context). */
  saveKubeconfig(k: Kubeconfig): void;
  out(s: string): void;
  err(s: string): void;
}

export interface CommandContext {
  readonly env: KubectlEnv;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  /** the command path as help and errors show it: `kubectl create deployment` */
  readonly path: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly group?: HelpGroup;
  readonly short: string;
  readonly long?: string;
  readonly example?: string;
  /** cobra's Use line after the command path, e.g. `NAME --image=image [--env="key=value"] ...` */
  readonly use: string;
  readonly flags?: readonly FlagSpec[];
  readonly subcommands?: readonly CommandSpec[];
  /** the verb's body; absent on pure parents like `kubectl create` without -f (they print help) */
  readonly run?: (ctx: CommandContext) => Promise<number> | number;
}
