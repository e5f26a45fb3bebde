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
}

/** `output` is what the kubelet puts after `Liveness probe failed: `. */
export interface ProbeResult {
  readonly success: boolean;
  readonly output: string;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

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
