/**
 * A workspace: one learner's world for a lesson or an exam attempt. It holds one or more
 * clusters, the file system of every host, the kubeconfig on the base host, and the
 * shell session. Everything is a plain value: snapshot() and restore() round-trip it.
 */
import type { ClusterShape } from "./bootstrap";
import { DEFAULT_CLUSTER } from "./bootstrap";
import type { ClusterHost, ClusterSnapshot } from "./cluster";
import { Cluster } from "./cluster";
import type { ClusterEndpoint } from "./kubectl/kubeconfig";
import { KUBECONFIG_PATH, kubeconfigFor, serializeKubeconfig } from "./kubectl/kubeconfig";
import { completeInTerminal } from "./kubectl/completion/terminal-completion";
import { kubectl } from "./kubectl/kubectl";
import type { Program, ProgramContext } from "./shell/program";
import type { ShellState } from "./shell/shell-state";
import { newShellState } from "./shell/shell-state";
import { Shell, type RunOptions } from "./shell/shell";
import type { VfsState } from "./shell/vfs";
import { newHostFs, Vfs } from "./shell/vfs";

export interface WorkspaceSnapshot {
  readonly version: 1;
  readonly clusters: readonly ClusterSnapshot[];
  readonly hosts: Readonly<Record<string, VfsState>>;
  readonly shell: ShellState;
  /** the host the terminal opens on; absent in snapshots from before exams (the control plane) */
  readonly base?: string;
}

export interface WorkspaceOptions {
  /** virtual ms epoch the workspace starts at */
  readonly startTime: number;
  readonly seed: number;
  readonly clusters?: readonly ClusterShape[];
  /**
   * The host the terminal opens on (default `controlplane`, the lesson cluster's control
   * plane). An exam's base host is a jump host of its own, from which `ssh` reaches each
   * cluster's control plane.
   */
  readonly baseHost?: string;
  /** Whether the base host's kubeconfig names every cluster (default true); false when clusters are reached by ssh. */
  readonly baseKubeconfig?: boolean;
}

export interface Output {
  stdout(s: string): void;
  stderr(s: string): void;
}

/**
 * How waiting works. Headless (CLI, tests, grading): `sleep` advances virtual time at once.
 * Live (browser): the host waits for real time to pass and the workspace catches up.
 */
export type TimeMode = { readonly kind: "headless" } | { readonly kind: "live"; wait(ms: number, signal: AbortSignal): Promise<void> };

export const BASE_HOST = "controlplane";

function controlPlaneOf(shape: ClusterShape) {
  return shape.nodes.find((n) => n.controlPlane) ?? shape.nodes[0];
}

function endpoint(shape: ClusterShape): ClusterEndpoint {
  const cp = controlPlaneOf(shape);
  return { name: shape.name, server: `https://${cp?.ip ?? "127.0.0.1"}:6443`, context: shape.context ?? `kubernetes-admin@${shape.name}`, user: "kubernetes-admin" };
}

/** Writes a kubeconfig naming `shapes` where kubectl looks for it on a host, as kubeadm's admin.conf copied to ~/.kube/config. */
function withKubeconfig(fs: VfsState, shapes: readonly ClusterShape[], at: number): VfsState {
  const v = new Vfs(fs, () => at);
  v.mkdir("/root/.kube", { parents: true });
  v.writeFile(KUBECONFIG_PATH, serializeKubeconfig(kubeconfigFor(shapes.map(endpoint))));
  return v.toState();
}

export class Workspace {
  private readonly clusters: Map<string, Cluster>;
  private readonly hosts: Map<string, Vfs>;
  private readonly shell: Shell;
  private time: TimeMode = { kind: "headless" };

  private constructor(
    clusters: (host: ClusterHost) => Cluster[],
    hosts: Record<string, VfsState>,
    shell: ShellState | undefined,
    /** the time files get while the clusters are still being built */
    private readonly bootTime: number,
    /** the host the terminal opens on */
    readonly base: string,
  ) {
    this.hosts = new Map(Object.entries(hosts).map(([h, s]) => [h, new Vfs(s, () => this.now())]));
    const fsChanges = () => {
      let n = 0;
      for (const fs of this.hosts.values()) n += fs.changeCount;
      return n;
    };
    this.clusters = new Map(clusters({ nodeFs: (node) => this.hosts.get(node), fsChanges }).map((c) => [c.name, c]));
    this.shell = new Shell(shell ?? newShellState(base), {
      fs: (host) => this.hosts.get(host),
      hosts: () => [...this.hosts.keys()],
      programs: { kubectl: this.kubectlProgram },
      sleep: (ms) => this.sleep(ms),
      now: () => this.now(),
    });
  }

  static create(opts: WorkspaceOptions): Workspace {
    const shapes = opts.clusters ?? [DEFAULT_CLUSTER];
    const baseHost = opts.baseHost ?? BASE_HOST;
    const hosts: Record<string, VfsState> = {};
    for (const s of shapes) for (const n of s.nodes) hosts[n.name] = newHostFs(n.name, opts.startTime);
    for (const s of shapes) {
      const cp = controlPlaneOf(s);
      if (cp) hosts[cp.name] = withKubeconfig(hosts[cp.name], [s], opts.startTime);
    }
    hosts[baseHost] ??= newHostFs(baseHost, opts.startTime);
    if (opts.baseKubeconfig !== false) hosts[baseHost] = withKubeconfig(hosts[baseHost], shapes, opts.startTime);
    return new Workspace((host) => shapes.map((s, i) => Cluster.create(s, opts.startTime, opts.seed + i, host)), hosts, undefined, opts.startTime, baseHost);
  }

  static restore(s: WorkspaceSnapshot): Workspace {
    return new Workspace((host) => s.clusters.map((c) => Cluster.restore(c, host)), { ...s.hosts }, s.shell, s.clusters[0]?.clock.now ?? 0, s.base ?? BASE_HOST);
  }

  /**
   * The workspace as a plain value that restore() takes back. With `view` it shares the
   * workspace's live objects rather than copying them: cheaper, and valid only until the
   * workspace next changes, for serialising at once.
   */
  snapshot(opts: { readonly view?: boolean } = {}): WorkspaceSnapshot {
    return {
      version: 1,
      clusters: [...this.clusters.values()].map((c) => c.snapshot(opts.view)),
      hosts: Object.fromEntries([...this.hosts].map(([h, fs]) => [h, fs.toState(opts.view)])),
      shell: this.shell.state(opts.view),
      ...(this.base === BASE_HOST ? {} : { base: this.base }),
    };
  }

  setTimeMode(mode: TimeMode): void {
    this.time = mode;
  }

  /** Virtual now; all clusters of a workspace share one time line. */
  now(): number {
    const first = this.clusters?.values().next().value;
    return first ? first.now() : this.bootTime;
  }

  cluster(name: string): Cluster | undefined {
    return this.clusters.get(name);
  }

  clusterNames(): string[] {
    return [...this.clusters.keys()];
  }

  /** A file on a host as it is now, or undefined when there is none. */
  readFile(host: string, path: string): string | undefined {
    return this.hosts.get(host)?.readFile(path);
  }

  /** An independent copy: what runs in it leaves this workspace as it was. */
  fork(): Workspace {
    const copy = Workspace.restore(this.snapshot());
    copy.setTimeMode({ kind: "headless" });
    return copy;
  }

  /** Lets `ms` of virtual time pass in every cluster. */
  advance(ms: number): void {
    for (const c of this.clusters.values()) c.advance(ms);
  }

  /** Brings virtual time up to `ms` (used by live mode on each request). */
  advanceTo(ms: number): void {
    const d = ms - this.now();
    if (d > 0) this.advance(d);
  }

  private async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.time.kind === "headless") {
      this.advance(ms);
      return;
    }
    const before = this.now();
    await this.time.wait(ms, signal ?? new AbortController().signal);
    this.advanceTo(before + ms);
  }

  private readonly kubectlProgram: Program = (ctx: ProgramContext) =>
    kubectl(
      { ...ctx, sleep: (ms) => this.sleep(ms, ctx.signal) },
      {
        cluster: (name) => this.clusters.get(name),
        headless: this.time.kind === "headless",
      },
    );

  /**
   * Runs shell text (a line, a paste, a script) as the terminal would. With `terminal`, a
   * program that takes over the terminal (`kubectl exec -it POD -- sh`) reads further lines from it.
   */
  run(text: string, out: Output, opts: RunOptions = {}): Promise<number> {
    return this.shell.run(text, out, opts);
  }

  /** Runs shell text on `host` (as `ssh host` would) and comes back: an exam task's setup, a check on its cluster. */
  runOn(host: string, text: string, out: Output, opts: RunOptions = {}): Promise<number> {
    return this.shell.runOn(host, text, out, opts);
  }

  hostNames(): string[] {
    return [...this.hosts.keys()];
  }

  prompt(): string {
    return this.shell.prompt();
  }

  /** True once the learner typed `exit` on the base host: the session is over. */
  exited(): boolean {
    return this.shell.exited;
  }

  needsMoreInput(text: string): boolean {
    return this.shell.needsMoreInput(text);
  }

  /**
   * Tab at `cursor` in `line`: the words bash would offer there, with kubectl's completion
   * loaded for `kubectl` and `k` as on a CKA host. Changes nothing.
   */
  complete(line: string, cursor: number) {
    return completeInTerminal(line, cursor, {
      state: this.shell.state(),
      fs: (host) => this.hosts.get(host),
      hosts: () => [...this.hosts.keys()],
      programs: ["kubectl"],
      cluster: (name) => this.clusters.get(name),
    });
  }

  /** The commands typed so far, oldest first (what `history` lists). */
  history(): string[] {
    return this.shell.state().history;
  }

  /** Runs one kubectl invocation directly (argv without a shell), on the base host. */
  kubectl(argv: readonly string[], out: Output, stdin = ""): Promise<number> {
    const fs = this.hosts.get(this.base);
    if (!fs) throw new Error("workspace has no base host");
    return this.kubectlProgram({ argv: ["kubectl", ...argv], env: {}, cwd: "/root", host: this.base, fs, sleep: (ms) => this.sleep(ms), signal: new AbortController().signal, stdin, stdout: out.stdout, stderr: out.stderr });
  }
}
