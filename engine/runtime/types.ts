/**
 * The contract between the kubelet and the container runtime. The runtime owns what
 * happens inside containers (processes, their files, logs, memory, ports); the kubelet
 * owns pod status, restarts, back-off, probes' schedule and events. All state is plain
 * data in {@link RuntimeState}, so a cluster snapshot carries running containers.
 */
import type { VfsState } from "../shell/vfs";

export interface LogLine {
  /** virtual ms epoch */
  readonly time: number;
  readonly stream: "stdout" | "stderr";
  /** one line, without its newline */
  readonly text: string;
}

export interface Mount {
  /** absolute path in the container */
  readonly path: string;
  /** key into RuntimeState.volumes */
  readonly volume: string;
  readonly readOnly: boolean;
  /** a file inside the volume mounted alone (subPath), if any */
  readonly subPath?: string;
}

export interface ContainerConfig {
  readonly podUid: string;
  readonly podName: string;
  readonly namespace: string;
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  /** resources.limits.memory in bytes */
  readonly memoryLimit?: number;
  /** resources.limits.cpu in cores */
  readonly cpuLimit?: number;
  readonly mounts: readonly Mount[];
  readonly podIP: string;
  /** `stdin: true`: PID 1 reads from an open stdin (kubectl attach), so a shell waits instead of ending */
  readonly stdin?: boolean;
  /** `tty: true`: what it writes reaches its log as one stream */
  readonly tty?: boolean;
}

/** What the registry says about an image reference. */
export type ImageLookup =
  | { readonly ok: true; readonly normalized: string; readonly digest: string; readonly sizeBytes: number }
  | { readonly ok: false; readonly error: string };

/** The result of running a container's process forward to `now`. */
export type ProcessStep =
  /** still running; wake it at `wakeAt` (undefined: it only reacts to signals and probes) */
  | { readonly kind: "running"; readonly wakeAt?: number }
  | { readonly kind: "exited"; readonly exitCode: number; readonly reason: "Completed" | "Error" | "OOMKilled"; readonly at: number; readonly message?: string };

export type StartResult =
  | { readonly ok: true }
  /** the runtime could not start the process: the kubelet reports StartError / RunContainerError */
  | { readonly ok: false; readonly message: string };

export interface ProbeSpec {
  readonly exec?: { readonly command: readonly string[] };
  readonly httpGet?: { readonly path?: string; readonly port: number | string; readonly host?: string; readonly scheme?: string };
  readonly tcpSocket?: { readonly port: number | string; readonly host?: string };
  readonly grpc?: { readonly port: number; readonly service?: string };
  readonly timeoutSeconds?: number;
  /** the node's own address: a probe of a loopback host reaches what listens on the node (its host-network pods) */
  readonly nodeIP?: string;
}

/** `output` is what the kubelet puts after `Liveness probe failed: `. */
export interface ProbeResult {
  readonly success: boolean;
  readonly output: string;
  /** the same probe gets the same answer for as long as the container runs (its server's answers do not change with time) */
  readonly steady?: boolean;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /**
   * Set when the command could not be started at all, with runc's text (`OCI runtime exec
   * failed: exec failed: unable to start container process: exec: "bash": executable file not
   * found in $PATH: unknown`); kubectl exec reports it as an internal error, not an exit code.
   */
  readonly startError?: string;
}

/**
 * A shell the learner types into (`kubectl exec -it POD -- sh`): the process lives with the
 * caller between lines, as plain data only the runtime reads. Under a TTY its stderr comes
 * back in `stdout`, as one stream.
 */
export interface ShellSession {
  readonly container: string;
  readonly tty: boolean;
  readonly process: unknown;
}

/** Where an interactive shell is after its last line. */
export type SessionStep =
  /** waiting for the next line; `prompt` is what the shell shows before it (nothing without a TTY) */
  | { readonly kind: "input"; readonly session: ShellSession; readonly prompt: string; readonly stdout: string; readonly stderr: string; readonly elapsedMs: number }
  | { readonly kind: "exited"; readonly exitCode: number; readonly stdout: string; readonly stderr: string; readonly elapsedMs: number };

export interface Usage {
  readonly cpuCores: number;
  readonly memoryBytes: number;
}

/** Serialisable state of every container on every node of one cluster. */
export interface RuntimeState {
  readonly containers: Record<string, unknown>;
  readonly volumes: Record<string, VfsState>;
  /** node name → normalized image refs present on it */
  readonly images: Record<string, string[]>;
}

export type PullResult =
  | { readonly ok: true; readonly normalized: string; readonly imageID: string; readonly sizeBytes: number; readonly durationMs: number }
  /** `error` is the CRI text the kubelet puts after `Failed to pull image "x": ` */
  | { readonly ok: false; readonly error: string };

/** What a volume starts with: an empty directory, or files projected from a ConfigMap, Secret or the downward API. */
export type VolumeSource =
  | { readonly kind: "empty" }
  /** `mode`: the files' permission bits (the volume's defaultMode), 0o644 when unset */
  | { readonly kind: "files"; readonly files: Readonly<Record<string, string>>; readonly mode?: number };

/**
 * The container runtime of one cluster (containerd and what runs inside containers).
 * Deterministic: time comes in as `now`, the same calls give the same results. Container
 * ids are chosen by the kubelet (`containerd://` is not part of them).
 */
export interface ContainerRuntime {
  /** Pulls `image` onto `node` (it is then present there), or says why it cannot. */
  pull(node: string, image: string): PullResult;
  hasImage(node: string, image: string): boolean;
  /** Creates a volume the containers of a pod mount; a second call with the same key keeps the first. */
  ensureVolume(key: string, source: VolumeSource): void;
  removeVolume(key: string): void;
  /** Creates and starts a container's process at `now`. */
  start(id: string, node: string, config: ContainerConfig, now: number): StartResult;
  /** Runs the process forward to `now`: what it printed goes to its log, what it wrote to its files. */
  step(id: string, now: number): ProcessStep;
  /**
   * Sends a signal at `now`. TERM: a process that handles it exits soon (`exited` at a later
   * `at`, reached by step), one that ignores it (a shell running `sleep`) keeps running;
   * KILL: exits at once with 137.
   */
  signal(id: string, signal: "TERM" | "KILL", now: number): ProcessStep;
  probe(id: string, spec: ProbeSpec, now: number): ProbeResult;
  /** Runs a command inside the container (kubectl exec, exec probes, preStop). */
  exec(id: string, argv: readonly string[], stdin: string, now: number): ExecResult;
  /**
   * Starts `argv` with its stdin open to the learner's terminal (`kubectl exec -i`). A shell
   * with no script waits for lines (a `startError` result is exec's refusal); any other
   * command runs to its end at once.
   */
  openSession(id: string, argv: readonly string[], tty: boolean, now: number): SessionStep | ExecResult;
  /** A line typed into the session's shell; null is Ctrl-D, the end of its input. */
  sessionInput(session: ShellSession, line: string | null, now: number): SessionStep;
  /**
   * PID 1 reading its commands from an open stdin (`kubectl run -it ... -- sh`): the prompt
   * it waits at, or undefined while it runs something or has no terminal to read.
   */
  attachPrompt(id: string, now: number): string | undefined;
  /** A line typed into PID 1 through `kubectl attach`; null closes its stdin. Its output goes to the log. */
  attachInput(id: string, line: string | null, now: number): void;
  /** Grows whenever typed input reached a container's PID 1, so a quiet kubelet looks again. */
  inputCount(): number;
  /** The container's log; with `now`, after running its processes up to then (what only logs is not woken for). */
  logs(id: string, now?: number): readonly LogLine[];
  usage(id: string, now: number): Usage;
  /** Forgets a container (and its log). */
  remove(id: string): void;
  /** A copy of the state; `view` shares the live objects instead, for serialising at once. */
  toState(view?: boolean): RuntimeState;
}
