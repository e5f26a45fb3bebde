/**
 * A scriptable ContainerRuntime for the kubelet's tests: each container runs a small
 * program (when it exits, how it takes SIGTERM, what its probes answer), images pull in
 * a fixed time unless their name says they do not exist, and every call is recorded.
 */
import { normalizedImage } from "../../../api/defaults/image";
import type {
  ContainerConfig,
  ContainerRuntime,
  ExecResult,
  LogLine,
  ProbeResult,
  ProbeSpec,
  ProcessStep,
  PullResult,
  RuntimeState,
  SessionStep,
  ShellSession,
  StartResult,
  Usage,
  VolumeSource,
} from "../../../runtime/types";

export interface FakeProgram {
  /** it exits by itself this long after it started */
  readonly exitAfterMs?: number;
  readonly exitCode?: number;
  readonly reason?: "Completed" | "Error" | "OOMKilled";
  /** it exits this long after SIGTERM; undefined: it ignores SIGTERM */
  readonly termExitMs?: number;
  readonly termExitCode?: number;
  /** the runtime cannot start it */
  readonly startError?: string;
  /** probe answers by the time since it started */
  probe?(spec: ProbeSpec, sinceStartMs: number): ProbeResult;
  exec?(argv: readonly string[], sinceStartMs: number): ExecResult;
  readonly logs?: readonly string[];
}

interface Running {
  readonly id: string;
  readonly node: string;
  readonly config: ContainerConfig;
  readonly program: FakeProgram;
  readonly startedAt: number;
  termAt?: number;
  end?: { readonly exitCode: number; readonly reason: "Completed" | "Error" | "OOMKilled"; readonly at: number };
}

/** Servers run until stopped and exit at once on SIGTERM, like nginx. */
export const SERVER: FakeProgram = { termExitMs: 0, termExitCode: 0 };

export const MISSING_IMAGE = /doesnotexist|:bad$/;

export class FakeRuntime implements ContainerRuntime {
  readonly containers = new Map<string, Running>();
  readonly volumes = new Map<string, VolumeSource>();
  readonly images = new Map<string, Set<string>>();
  readonly calls: string[] = [];

  constructor(private readonly programFor: (config: ContainerConfig) => FakeProgram = () => SERVER) {}

  pull(node: string, image: string): PullResult {
    const normalized = normalizedImage(image);
    if (MISSING_IMAGE.test(image)) {
      return { ok: false, error: `rpc error: code = NotFound desc = failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": ${normalized}: not found` };
    }
    const present = this.hasImage(node, image);
    const set = this.images.get(node) ?? new Set<string>();
    set.add(normalized);
    this.images.set(node, set);
    const repo = normalized.replace(/:[^/:]*$/, "");
    return { ok: true, normalized, imageID: `${repo}@sha256:${"ab".repeat(32)}`, sizeBytes: 72_080_558, durationMs: present ? 0 : 1234 };
  }

  hasImage(node: string, image: string): boolean {
    return this.images.get(node)?.has(normalizedImage(image)) ?? false;
  }

  preload(node: string, image: string): void {
    this.pull(node, image);
  }

  ensureVolume(key: string, source: VolumeSource): void {
    if (!this.volumes.has(key)) this.volumes.set(key, source);
  }

  removeVolume(key: string): void {
    this.volumes.delete(key);
  }

  start(id: string, node: string, config: ContainerConfig, now: number): StartResult {
    // the cluster's own pods run as healthy servers: what a test scripts is for the pods it makes
    const program = config.namespace === "kube-system" && config.podName.endsWith("-controlplane") ? SERVER : this.programFor(config);
    this.calls.push(`start ${config.name}`);
    if (program.startError) return { ok: false, message: program.startError };
    this.containers.set(id, { id, node, config, program, startedAt: now });
    return { ok: true };
  }

  private settle(c: Running, now: number): ProcessStep {
    if (c.end) return { kind: "exited", ...c.end };
    const candidates: { at: number; exitCode: number; reason: "Completed" | "Error" | "OOMKilled" }[] = [];
    const p = c.program;
    if (p.exitAfterMs !== undefined) {
      const code = p.exitCode ?? 0;
      candidates.push({ at: c.startedAt + p.exitAfterMs, exitCode: code, reason: p.reason ?? (code === 0 ? "Completed" : "Error") });
    }
    if (c.termAt !== undefined && p.termExitMs !== undefined) {
      const code = p.termExitCode ?? 143;
      candidates.push({ at: c.termAt + p.termExitMs, exitCode: code, reason: code === 0 ? "Completed" : "Error" });
    }
    candidates.sort((a, b) => a.at - b.at);
    const first = candidates[0];
    if (first && first.at <= now) {
      c.end = first;
      return { kind: "exited", ...first };
    }
    return { kind: "running", ...(first ? { wakeAt: first.at } : {}) };
  }

  step(id: string, now: number): ProcessStep {
    const c = this.containers.get(id);
    return c ? this.settle(c, now) : { kind: "exited", exitCode: 137, reason: "Error", at: now };
  }

  signal(id: string, signal: "TERM" | "KILL", now: number): ProcessStep {
    const c = this.containers.get(id);
    this.calls.push(`${signal} ${c?.config.name ?? id}`);
    if (!c) return { kind: "exited", exitCode: 137, reason: "Error", at: now };
    const before = this.settle(c, now);
    if (before.kind === "exited") return before;
    if (signal === "KILL") {
      c.end = { exitCode: 137, reason: "Error", at: now };
      return { kind: "exited", ...c.end };
    }
    c.termAt = now;
    return this.settle(c, now);
  }

  probe(id: string, spec: ProbeSpec, now: number): ProbeResult {
    const c = this.containers.get(id);
    // a program without scripted answers passes every probe, and always will
    return c?.program.probe?.(spec, now - c.startedAt) ?? { success: true, output: "", steady: true };
  }

  exec(id: string, argv: readonly string[], _stdin: string, now: number): ExecResult {
    const c = this.containers.get(id);
    this.calls.push(`exec ${c?.config.name ?? id} ${argv.join(" ")}`);
    return c?.program.exec?.(argv, now - c.startedAt) ?? { stdout: "", stderr: "", exitCode: 0 };
  }

  /** Fake programs read no terminal: a session is the exec of its command. */
  openSession(id: string, argv: readonly string[], _tty: boolean, now: number): SessionStep | ExecResult {
    const r = this.exec(id, argv, "", now);
    return r.startError !== undefined ? r : { kind: "exited", exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, elapsedMs: 0 };
  }

  sessionInput(_session: ShellSession): SessionStep {
    return { kind: "exited", exitCode: 0, stdout: "", stderr: "", elapsedMs: 0 };
  }

  attachPrompt(): string | undefined {
    return undefined;
  }

  attachInput(): void {}

  inputCount(): number {
    return 0;
  }

  logs(id: string): readonly LogLine[] {
    const c = this.containers.get(id);
    return (c?.program.logs ?? []).map((text) => ({ time: c?.startedAt ?? 0, stream: "stdout" as const, text }));
  }

  usage(): Usage {
    return { cpuCores: 0, memoryBytes: 0 };
  }

  remove(id: string): void {
    this.calls.push(`remove ${this.containers.get(id)?.config.name ?? id}`);
    this.containers.delete(id);
  }

  toState(): RuntimeState {
    return {
      containers: Object.fromEntries([...this.containers].map(([id, c]) => [id, { name: c.config.name, startedAt: c.startedAt, end: c.end ?? null }])),
      volumes: {},
      images: Object.fromEntries([...this.images].map(([n, s]) => [n, [...s]])),
    };
  }

  /** The config the runtime was given for the latest start of a container name. */
  configOf(name: string): ContainerConfig | undefined {
    return [...this.containers.values()].reverse().find((c) => c.config.name === name)?.config;
  }
}
