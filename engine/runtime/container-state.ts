/**
 * One container as plain data: its configuration, its writable file layer, its processes
 * (the first is the container's own process, PID 1), its log and how it ended. This is
 * what RuntimeState.containers holds, so a snapshot carries running containers.
 */
import type { LogLine } from "./types";
import type { ContainerConfig } from "./types";
import type { VfsState } from "../shell/vfs";
import type { ImageSpec, ImageVariant } from "./image-spec";
import type { ProcState } from "./sh/process-state";

export interface ContainerExit {
  readonly exitCode: number;
  readonly reason: "Completed" | "Error" | "OOMKilled";
  readonly at: number;
}

export interface ContainerState {
  readonly id: string;
  readonly node: string;
  readonly config: ContainerConfig;
  /** the catalog reference the image resolved to (`docker.io/library/nginx:1.27.5`) */
  readonly image: string;
  readonly argv: readonly string[];
  readonly startedAt: number;
  upper: VfsState;
  whiteouts: string[];
  /** processes: [0] is PID 1; others are background shells it started */
  procs: ProcState[];
  log: LogLine[];
  logBytes: number;
  /** output not yet ended by a newline, per stream */
  partial: { stdout: string; stderr: string };
  nextPid: number;
  /** the time up to which every process has run */
  clock: number;
  /** when the memory limit is passed (the kernel's OOM kill) */
  oomAt?: number;
  /** a process spun through its step budget: it is woken again after this backoff */
  spinBackoffMs?: number;
  exit?: ContainerExit;
}

/** The process a container runs: Kubernetes' command/args over the image's ENTRYPOINT/CMD. */
export function containerArgv(config: ContainerConfig, spec: ImageSpec): string[] {
  if (config.command) return [...config.command, ...(config.args ?? [])];
  return [...spec.entrypoint, ...(config.args ?? spec.cmd)];
}

/** The process environment in the order containerd builds it: PATH, HOSTNAME, the image's ENV, the pod's env, HOME. */
export function containerEnv(config: ContainerConfig, spec: ImageSpec, variant: ImageVariant): Record<string, string> {
  const image = spec.env(variant);
  const env: Record<string, string> = { PATH: image.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOSTNAME: config.podName };
  for (const [k, v] of Object.entries(image)) if (k !== "PATH") env[k] = v;
  for (const [k, v] of Object.entries(config.env)) {
    delete env[k];
    env[k] = v;
  }
  if (!("HOME" in env)) env.HOME = "/root";
  return env;
}

/** The files the kubelet bind-mounts into every container: hostname, hosts, resolv.conf. */
export function kubeletFiles(config: ContainerConfig): Record<string, string> {
  return {
    "/etc/hostname": `${config.podName}\n`,
    "/etc/hosts": `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${config.podIP}\t${config.podName}\n`,
    "/etc/resolv.conf": `search ${config.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  };
}
