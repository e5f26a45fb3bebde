/**
 * The simulated containerd: pulls from the catalog, creates containers with their own
 * file layers and volumes, runs their processes forward in virtual time (all containers
 * of a pod together, in time order, so one sees what another wrote), answers probes,
 * exec and `kubectl top`, and keeps everything in RuntimeState.
 */
import type { ParsedScript } from "unbash";
import { parse } from "unbash";
import { Vfs, type VfsEntry, type VfsState } from "../shell/vfs";
import { dirname, normalizePath } from "../shell/vfs-path";
import { lookupImage, type ResolvedImage } from "./catalog";
import { containerArgv, containerEnv, kubeletFiles, type ContainerState } from "./container-state";
import { ContainerFs } from "./fs/container-fs";
import { imageLayer } from "./image-layer";
import { busyboxBuild } from "./images/busybox-builds";
import { appendLog, flushLog, visibleLog } from "./log-buffer";
import { dialFrom, type ClusterNetwork, type NetworkView, type PodListener } from "./pod-network";
import { runProbe } from "./probe";
import { PROGRAMS } from "./programs/registry";
import { MI, type DaemonContext } from "./programs/program";
import { resolvePull } from "./registry";
import type { Dial, ProcessInfo, SystemHost } from "./sh/command";
import { effectiveToolbox, execFailure, findExecutable, type ImageView } from "./sh/executables";
import { Machine, type MachineHost } from "./sh/machine";
import { stagesOf, wakeTime } from "./sh/pipeline";
import { newProcess, type Fds, type ProcState, type ShellFlavour } from "./sh/process-state";
import { deliverStop } from "./sh/signals";
import { shellPrompt } from "./sh/prompt";
import type { ContainerConfig, ContainerRuntime, ExecResult, LogLine, ProbeResult, ProbeSpec, ProcessStep, PullResult, RuntimeState, SessionStep, ShellSession, StartResult, Usage, VolumeSource } from "./types";

const NODE_MEMORY = 4 * 1024 * MI;
const NODE_CORES = 2;
/** How fast a process fills memory: it passes a limit this long after it starts allocating. */
const ALLOC_BYTES_PER_MS = (1024 * MI) / 1000;
const SPIN_BACKOFF_MIN = 1_000;
const SPIN_BACKOFF_MAX = 60_000;
const FIRST_CHILD_PID = 7;
const SHELL_MEMORY = 0.35 * MI;

interface Live {
  readonly image: ResolvedImage;
  readonly upper: Vfs;
  readonly whiteouts: Set<string>;
  readonly fs: ContainerFs;
}

export class SimulatedRuntime implements ContainerRuntime {
  private readonly containers = new Map<string, ContainerState>();
  /** containers by pod, and pods by IP: lookups every step and connection makes */
  private readonly byPod = new Map<string, ContainerState[]>();
  private readonly byIP = new Map<string, Set<string>>();
  private readonly volumes = new Map<string, Vfs>();
  private readonly images: Record<string, string[]>;
  private readonly live = new Map<string, Live>();
  /**
   * The view toState(true) gave of each container that nothing has looked up since, and so
   * nothing changed: given again, it is the same object, which lets a caller that keeps
   * what it made of a view (its JSON, say) look that up instead of making it again.
   */
  private readonly views = new Map<string, ContainerState>();
  private readonly layers = new Map<string, Vfs>();
  private readonly scripts = new Map<string, ParsedScript>();
  private network: ClusterNetwork | undefined;
  /** the clock of whatever process is writing files right now, for their mtimes */
  private fsNow = 0;
  private inputs = 0;

  constructor(state?: RuntimeState) {
    for (const c of Object.values(state?.containers ?? {})) this.add(structuredClone(c as ContainerState));
    for (const [key, v] of Object.entries(state?.volumes ?? {})) this.volumes.set(key, new Vfs(v, () => this.fsNow));
    this.images = structuredClone(state?.images ?? {});
  }

  /** How names and Service addresses inside containers resolve (cluster DNS and kube-proxy), set by the cluster. */
  setNetwork(network: ClusterNetwork): void {
    this.network = network;
  }

  toState(view = false): RuntimeState {
    const copy = view ? <T>(x: T) => x : structuredClone;
    const containers: Record<string, unknown> = {};
    for (const [id, c] of this.containers) {
      let state = view ? this.views.get(id) : undefined;
      if (!state) {
        const live = this.live.get(id);
        state = copy({ ...c, upper: live ? live.upper.toState(view) : c.upper, whiteouts: live ? [...live.whiteouts].sort() : c.whiteouts });
        if (view) this.views.set(id, state);
      }
      containers[id] = state;
    }
    const volumes: Record<string, VfsState> = {};
    for (const [k, v] of this.volumes) volumes[k] = v.toState(view);
    return { containers, volumes, images: copy(this.images) };
  }

  // ---- images ----

  pull(node: string, image: string): PullResult {
    const r = resolvePull(image);
    if (!r.ok) return r;
    const list = Object.hasOwn(this.images, node) ? this.images[node]! : (this.images[node] = []);
    if (!list.includes(r.image.normalized)) list.push(r.image.normalized);
    return { ok: true, normalized: r.image.normalized, imageID: r.imageID, sizeBytes: r.image.variant.sizeBytes, durationMs: r.durationMs };
  }

  hasImage(node: string, image: string): boolean {
    const found = lookupImage(image);
    const ref = found.kind === "no-repository" || found.kind === "no-tag" ? found.normalized : found.image.normalized;
    return Object.hasOwn(this.images, node) && this.images[node]!.includes(ref);
  }

  // ---- volumes ----

  ensureVolume(key: string, source: VolumeSource): void {
    if (this.volumes.has(key)) return;
    const entries: Record<string, VfsEntry> = { "/": { type: "dir", mode: 0o777, mtime: this.fsNow } };
    if (source.kind === "files") {
      for (const [rel, content] of Object.entries(source.files)) {
        const p = normalizePath(`/${rel}`);
        for (let d = dirname(p); d !== "/" && !entries[d]; d = dirname(d)) entries[d] = { type: "dir", mode: 0o755, mtime: this.fsNow };
        entries[p] = { type: "file", mode: source.mode ?? 0o644, mtime: this.fsNow, content };
      }
    }
    this.volumes.set(key, new Vfs({ entries }, () => this.fsNow));
  }

  removeVolume(key: string): void {
    this.volumes.delete(key);
  }

  // ---- containers ----

  start(id: string, node: string, config: ContainerConfig, now: number): StartResult {
    const found = lookupImage(config.image);
    if (found.kind !== "found") {
      const pulled = resolvePull(config.image);
      return { ok: false, message: pulled.ok ? "image not found" : pulled.error };
    }
    const image = found.image;
    const argv = containerArgv(config, image.spec);
    if (argv.length === 0) return { ok: false, message: `failed to generate container "${id}" spec: failed to generate spec: no command specified` };
    const env = containerEnv(config, image.spec, image.variant);
    const cwd = config.workingDir ?? image.spec.workingDir;
    const c: ContainerState = {
      id,
      node,
      config: structuredClone(config),
      image: image.normalized,
      argv,
      startedAt: now,
      upper: { entries: {} },
      whiteouts: [],
      procs: [],
      log: [],
      logBytes: 0,
      partial: { stdout: "", stderr: "" },
      nextPid: FIRST_CHILD_PID,
      clock: now,
    };
    this.drop(id);
    this.add(c);
    const live = this.liveOf(c);
    this.fsNow = now;
    for (const [p, content] of Object.entries(kubeletFiles(config))) live.fs.write(p, content, false);
    live.fs.mkdir(cwd, true);
    const exe = findExecutable(argv[0], imageView(live), live.fs, env.PATH, cwd);
    if (exe.kind === "missing") {
      this.drop(id);
      return { ok: false, message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execFailure(argv[0], exe.reason, cwd)}: unknown` };
    }
    const main = newProcess(argv, env, cwd, now, shellFlavour(live), 1, { out: { kind: "log", stream: "stdout" }, err: { kind: "log", stream: "stderr" } });
    if (config.stdin) main.stdinOpen = true;
    c.procs.push(main);
    this.advancePod(config.podUid, now);
    return { ok: true };
  }

  step(id: string, now: number): ProcessStep {
    const c = this.container(id);
    if (!c) return { kind: "exited", exitCode: 137, reason: "Error", at: now, message: "container not found" };
    this.advancePod(c.config.podUid, now);
    return this.stepResult(c, now);
  }

  signal(id: string, signal: "TERM" | "KILL", now: number): ProcessStep {
    const c = this.container(id);
    if (!c) return { kind: "exited", exitCode: 137, reason: "Error", at: now };
    this.advancePod(c.config.podUid, now);
    if (c.exit) return this.stepResult(c, now);
    if (signal === "KILL") {
      this.terminate(c, 137, "Error", Math.max(now, c.clock));
      return this.stepResult(c, now);
    }
    const main = c.procs[0];
    this.fsNow = now;
    deliverStop(this.machine(c, main), now);
    this.advancePod(c.config.podUid, now);
    return this.stepResult(c, now);
  }

  probe(id: string, spec: ProbeSpec, now: number): ProbeResult {
    const c = this.container(id);
    if (!c) return { success: false, output: "container not found" };
    this.advancePod(c.config.podUid, now);
    return runProbe(spec, {
      podIP: c.config.podIP,
      dial: (host, port) => this.dialFromNode(host, port, now),
      exec: (argv) => {
        const r = this.execIn(c, argv, "", now, true);
        return { output: r.stdout, exitCode: r.exitCode, elapsedMs: r.elapsedMs, startError: r.startError };
      },
    });
  }

  exec(id: string, argv: readonly string[], stdin: string, now: number): ExecResult {
    const c = this.container(id);
    if (!c) return { stdout: "", stderr: "", exitCode: 126, startError: "container not found" };
    this.advancePod(c.config.podUid, now);
    const r = this.execIn(c, argv, stdin, now, false);
    return r.startError ? { stdout: "", stderr: "", exitCode: 126, startError: r.startError } : { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  }

  openSession(id: string, argv: readonly string[], tty: boolean, now: number): SessionStep | ExecResult {
    const c = this.container(id);
    if (!c) return { stdout: "", stderr: "", exitCode: 126, startError: "container not found" };
    this.advancePod(c.config.podUid, now);
    const proc = this.execProcess(c, argv, now, tty);
    if ("startError" in proc) return { stdout: "", stderr: "", exitCode: 126, startError: proc.startError };
    proc.stdinOpen = true;
    if (tty) proc.tty = true;
    return this.sessionStep(c, proc, tty, now, undefined);
  }

  sessionInput(session: ShellSession, line: string | null, now: number): SessionStep {
    const c = this.container(session.container);
    // the container is gone or stopped: the exec stream ends as a killed process's would
    if (!c || c.exit) return { kind: "exited", exitCode: 137, stdout: "", stderr: "", elapsedMs: 0 };
    this.advancePod(c.config.podUid, now);
    return this.sessionStep(c, structuredClone(session.process as ProcState), session.tty, now, line);
  }

  attachPrompt(id: string, now: number): string | undefined {
    const c = this.container(id);
    if (!c || c.exit) return undefined;
    this.advancePod(c.config.podUid, now);
    const main = c.procs[0];
    if (!main || !waitsForInput(main)) return undefined;
    return c.config.tty ? shellPrompt(main, c.config.podName) : "";
  }

  attachInput(id: string, line: string | null, now: number): void {
    const c = this.container(id);
    if (!c || c.exit) return;
    this.advancePod(c.config.podUid, now);
    const main = c.procs[0];
    if (!main || !waitsForInput(main)) return;
    this.inputs++;
    main.clock = Math.max(main.clock, now);
    if (line === null) main.frames.pop();
    else {
      this.fsNow = now;
      this.machine(c, main).pushScript(line);
    }
    this.advancePod(c.config.podUid, now);
  }

  inputCount(): number {
    return this.inputs;
  }

  logs(id: string, now?: number): readonly LogLine[] {
    const c = this.container(id);
    if (!c) return [];
    if (now !== undefined && !c.exit) this.advancePod(c.config.podUid, now);
    return visibleLog(c);
  }

  usage(id: string, now: number): Usage {
    const c = this.container(id);
    if (!c) return { cpuCores: 0, memoryBytes: 0 };
    this.advancePod(c.config.podUid, now);
    if (c.exit) return { cpuCores: 0, memoryBytes: 0 };
    const u = this.usageOf(c);
    const cpuCap = Math.min(NODE_CORES, c.config.cpuLimit ?? NODE_CORES);
    return { cpuCores: Math.min(cpuCap, u.cpu), memoryBytes: Math.round(Math.min(c.config.memoryLimit ?? NODE_MEMORY, u.memory)) };
  }

  remove(id: string): void {
    this.drop(id);
  }

  /** A container to read or change: the view toState gave of it is stale from here on. */
  private container(id: string): ContainerState | undefined {
    this.views.delete(id);
    return this.containers.get(id);
  }

  /** The containers of a pod, to read or change (see container). */
  private podMembers(podUid: string): readonly ContainerState[] {
    const members = this.byPod.get(podUid) ?? [];
    for (const c of members) this.views.delete(c.id);
    return members;
  }

  private add(c: ContainerState): void {
    this.views.delete(c.id);
    this.containers.set(c.id, c);
    const pod = this.byPod.get(c.config.podUid) ?? [];
    pod.push(c);
    this.byPod.set(c.config.podUid, pod);
    const ip = this.byIP.get(c.config.podIP) ?? new Set<string>();
    ip.add(c.config.podUid);
    this.byIP.set(c.config.podIP, ip);
  }

  private drop(id: string): void {
    const c = this.containers.get(id);
    this.live.delete(id);
    this.views.delete(id);
    if (!c) return;
    this.containers.delete(id);
    const pod = (this.byPod.get(c.config.podUid) ?? []).filter((x) => x !== c);
    if (pod.length) this.byPod.set(c.config.podUid, pod);
    else {
      this.byPod.delete(c.config.podUid);
      this.byIP.get(c.config.podIP)?.delete(c.config.podUid);
    }
  }

  // ---- running processes ----

  /** Runs every process of the pod's running containers up to `now`, always the one whose next event is earliest. */
  private advancePod(podUid: string, now: number): void {
    const members = this.podMembers(podUid).filter((c) => !c.exit);
    const spun = new Set<ProcState>();
    for (let guard = 0; guard < 100_000; guard++) {
      let best: { c: ContainerState; p: ProcState | undefined; at: number } | undefined;
      let second = Infinity;
      for (const c of members) {
        if (c.exit) continue;
        const events: { p: ProcState | undefined; at: number }[] = c.procs.filter((p) => p.exitCode === undefined && !spun.has(p)).map((p) => ({ p, at: this.nextEvent(p) }));
        if (c.oomAt !== undefined) events.push({ p: undefined, at: c.oomAt });
        for (const e of events) {
          if (!best || e.at < best.at) {
            if (best) second = Math.min(second, best.at);
            best = { c, p: e.p, at: e.at };
          } else second = Math.min(second, e.at);
        }
      }
      if (!best || best.at > now) break;
      if (!best.p) {
        this.terminate(best.c, 137, "OOMKilled", best.at);
        continue;
      }
      this.runProc(best.c, best.p, Math.min(now, second), now, spun);
    }
    for (const c of members) if (!c.exit) c.clock = Math.max(c.clock, now);
  }

  private nextEvent(p: ProcState): number {
    return wakeTime(p);
  }

  private runProc(c: ContainerState, p: ProcState, until: number, now: number, spun: Set<ProcState>): void {
    const m = this.machine(c, p);
    this.fsNow = p.clock;
    const out = m.run(until);
    if (out.kind === "budget") {
      // It spins on until the backoff ends: nothing it does in between is observable, so skip it.
      spun.add(p);
      c.spinBackoffMs = Math.min(SPIN_BACKOFF_MAX, Math.max(SPIN_BACKOFF_MIN, (c.spinBackoffMs ?? 0) * 2));
      p.clock = Math.max(p.clock, now) + c.spinBackoffMs;
    } else if (out.kind === "blocked") c.spinBackoffMs = undefined;
    this.checkMemory(c);
    if (out.kind === "exited" && p === c.procs[0]) this.terminate(c, out.code, out.code === 0 ? "Completed" : "Error", p.clock);
    else if (out.kind === "exited") c.procs = c.procs.filter((x) => x !== p);
  }

  private terminate(c: ContainerState, code: number, reason: "Completed" | "Error" | "OOMKilled", at: number): void {
    flushLog(c, at);
    c.exit = { exitCode: code, reason, at };
    c.clock = at;
    for (const p of c.procs) p.exitCode ??= code;
    c.oomAt = undefined;
  }

  private stepResult(c: ContainerState, now: number): ProcessStep {
    if (c.exit) return { kind: "exited", exitCode: c.exit.exitCode, reason: c.exit.reason, at: c.exit.at };
    // A `tail -f` looking at files that are there only adds lines to the log, which logs()
    // catches up on when read: the kubelet need not wake for it every second.
    const wakes = c.procs
      .filter((p) => !followsQuietly(p))
      .map((p) => this.nextEvent(p))
      .filter((t) => t !== Infinity);
    if (c.oomAt !== undefined) wakes.push(c.oomAt);
    const future = wakes.filter((t) => t > now);
    const wakeAt = future.length ? Math.min(...future) : wakes.length ? now + 1 : undefined;
    return wakeAt === undefined ? { kind: "running" } : { kind: "running", wakeAt };
  }

  /** The kernel's OOM killer: once the processes' memory passes the limit, the container dies. */
  private checkMemory(c: ContainerState): void {
    const limit = c.config.memoryLimit;
    if (limit === undefined || c.exit || c.oomAt !== undefined) return;
    if (this.usageOf(c).memory <= limit) return;
    const started = Math.max(...c.procs.flatMap((p) => p.daemons.map((d) => d.startedAt)), c.startedAt);
    c.oomAt = started + Math.ceil(limit / ALLOC_BYTES_PER_MS);
  }

  private usageOf(c: ContainerState): { memory: number; cpu: number } {
    let memory = 0;
    let cpu = c.spinBackoffMs !== undefined ? 1 : 0;
    for (const p of c.procs) {
      if (p.exitCode !== undefined) continue;
      const pid1Daemon = p.frames.length === 1 && p.daemons.length > 0;
      if (!pid1Daemon) memory += SHELL_MEMORY;
      for (const d of p.daemons) {
        const u = PROGRAMS[d.program]?.usage?.(d, c.clock) ?? { memory: 0.5 * MI, cpu: 0 };
        memory += u.memory;
        cpu += u.cpu;
      }
    }
    return { memory, cpu };
  }

  // ---- exec ----

  /** A process for `argv` exec'd into the container, its output captured; or runc's refusal. */
  private execProcess(c: ContainerState, argv: readonly string[], now: number, combined: boolean): ProcState | { startError: string } {
    if (c.exit) return { startError: "cannot exec in a stopped container: unknown" };
    const live = this.liveOf(c);
    const env = containerEnv(c.config, live.image.spec, live.image.variant);
    const cwd = c.config.workingDir ?? live.image.spec.workingDir;
    const exe = findExecutable(argv[0] ?? "", imageView(live), live.fs, env.PATH ?? "", cwd);
    if (exe.kind === "missing") return { startError: `OCI runtime exec failed: exec failed: unable to start container process: ${execFailure(argv[0] ?? "", exe.reason, cwd)}: unknown` };
    const fds: Fds = { out: { kind: "capture", stream: "stdout" }, err: { kind: "capture", stream: combined ? "stdout" : "stderr" } };
    return newProcess(argv, env, cwd, now, shellFlavour(live), c.nextPid++, fds);
  }

  /** Runs an interactive process up to its next read of the terminal, or to its end. */
  private sessionStep(c: ContainerState, proc: ProcState, tty: boolean, now: number, line: string | null | undefined): SessionStep {
    proc.clock = Math.max(proc.clock, now);
    this.fsNow = proc.clock;
    const m = this.machine(c, proc, "instant");
    if (line === null && waitsForInput(proc)) proc.frames.pop();
    else if (line) m.pushScript(line);
    const out = m.run(Number.MAX_SAFE_INTEGER);
    this.checkMemory(c);
    const base = { stdout: m.captured.stdout, stderr: m.captured.stderr, elapsedMs: m.elapsed };
    if (out.kind === "blocked" && waitsForInput(proc)) {
      return { kind: "input", session: { container: c.id, tty, process: proc }, prompt: tty ? shellPrompt(proc, c.config.podName) : "", ...base };
    }
    // an interactive bash says goodbye on `exit` and Ctrl-D alike
    const goodbye = tty && proc.flavour === "bash" && out.kind === "exited" ? "exit\n" : "";
    return { kind: "exited", exitCode: out.kind === "exited" ? out.code : 137, ...base, stdout: base.stdout + goodbye };
  }

  private execIn(c: ContainerState, argv: readonly string[], stdin: string, now: number, combined: boolean): { stdout: string; stderr: string; exitCode: number; elapsedMs: number; startError?: string } {
    const proc = this.execProcess(c, argv, now, combined);
    if ("startError" in proc) return { stdout: "", stderr: "", exitCode: 126, elapsedMs: 0, startError: proc.startError };
    if (stdin) proc.frames.unshift({ k: "scope", kind: "redirect", stdin });
    const m = this.machine(c, proc, "instant");
    this.fsNow = now;
    const out = m.run(Number.MAX_SAFE_INTEGER);
    this.checkMemory(c);
    const code = out.kind === "exited" ? out.code : 137;
    return { stdout: m.captured.stdout, stderr: m.captured.stderr, exitCode: code, elapsedMs: m.elapsed };
  }

  // ---- wiring ----

  private machine(c: ContainerState, p: ProcState, mode: "resume" | "instant" = "resume"): Machine {
    return new Machine(p, this.hostFor(c), mode);
  }

  private liveOf(c: ContainerState): Live {
    const cached = this.live.get(c.id);
    if (cached) return cached;
    const found = lookupImage(c.image);
    if (found.kind !== "found") throw new Error(`image ${c.image} vanished from the catalog`);
    let lower = this.layers.get(c.image);
    if (!lower) {
      lower = new Vfs(imageLayer(found.image));
      this.layers.set(c.image, lower);
    }
    const upper = new Vfs(c.upper, () => this.fsNow);
    const whiteouts = new Set(c.whiteouts);
    const mounts = c.config.mounts.flatMap((m) => {
      const vfs = this.volumes.get(m.volume);
      return vfs ? [{ path: m.path, vfs, readOnly: m.readOnly, subPath: m.subPath }] : [];
    });
    const live = { image: found.image, upper, whiteouts, fs: new ContainerFs(lower, upper, whiteouts, mounts) };
    this.live.set(c.id, live);
    return live;
  }

  private hostFor(c: ContainerState): MachineHost {
    const live = this.liveOf(c);
    const runtime = this;
    const sys = this.systemHost(c, live);
    return {
      fs: live.fs,
      sys,
      image: imageView(live),
      parse: (text) => runtime.parse(text),
      log: (stream, text, at) => appendLog(c, stream, text, at),
      spawn: (proc) => c.procs.push(proc),
      program: (id) => PROGRAMS[id],
      daemonContext: (now) => runtime.daemonContext(c, now),
    };
  }

  private daemonContext(c: ContainerState, now: number): DaemonContext {
    const live = this.liveOf(c);
    return { now, fs: live.fs, sys: this.systemHost(c, live), log: (stream, text) => appendLog(c, stream, text, now) };
  }

  private systemHost(c: ContainerState, live: Live): SystemHost {
    const runtime = this;
    return {
      hostname: c.config.podName,
      podIP: c.config.podIP,
      toolbox: effectiveToolbox(imageView(live)),
      busybox: effectiveToolbox(imageView(live)) === "busybox" ? busyboxBuild(live.image.spec.base?.(live.image.variant) ?? { os: "busybox" }, live.image.variant) : undefined,
      image: { family: live.image.spec.name, variant: live.image.variant, cmd: live.image.spec.cmd },
      portInUse: (port) => runtime.podListeners(c.config.podUid, c.clock).some((l) => l.port === port),
      processes: (self) => processList(c, self),
      log: (stream, text, at) => appendLog(c, stream, text, at),
      daemons: () => c.procs.filter((p) => p.exitCode === undefined).flatMap((p) => p.daemons),
      dial: (host, port) => runtime.dialFromContainer(c, host, port),
      resolve: (host) => {
        const r = runtime.network?.resolve(host, 0, c.config.namespace);
        return r ? { ip: r.ip, fqdn: qualify(host, c.config.namespace) } : undefined;
      },
      memory: () => ({ used: runtime.usageOf(c).memory, total: NODE_MEMORY }),
      startedAt: () => c.startedAt,
      nextPid: () => c.nextPid++,
    };
  }

  private parse(text: string): ParsedScript {
    let p = this.scripts.get(text);
    if (!p) {
      p = parse(text);
      if (this.scripts.size > 500) this.scripts.clear();
      this.scripts.set(text, p);
    }
    return p;
  }

  // ---- network ----

  private view(now: number): NetworkView {
    const runtime = this;
    return {
      podsAt: (ip) => [...(runtime.byIP.get(ip) ?? [])],
      listeners: (podUid) => runtime.podListeners(podUid, now),
      network: runtime.network,
    };
  }

  private podListeners(podUid: string, now: number): PodListener[] {
    const out: PodListener[] = [];
    for (const c of this.podMembers(podUid)) {
      if (c.exit) continue;
      for (const p of c.procs) {
        if (p.exitCode !== undefined) continue;
        for (const d of p.daemons) {
          const program = PROGRAMS[d.program];
          for (const l of program?.listeners?.(d) ?? []) if ((l.readyAt ?? 0) <= now && (d.stopAt === undefined || d.stopAt > now)) out.push({ port: l.port, proto: l.proto, ...(l.tls ? { tls: true } : {}), container: c, program, daemon: d });
        }
      }
    }
    return out;
  }

  private dialFromContainer(c: ContainerState, host: string, port: number): Dial {
    return this.toDial(dialFrom(this.view(c.clock), { podUid: c.config.podUid, podIP: c.config.podIP, podName: c.config.podName, namespace: c.config.namespace }, host, port), c.clock);
  }

  private dialFromNode(host: string, port: number, now: number): Dial & { grpc?: boolean; tls?: boolean; steady?: boolean } {
    return this.toDial(dialFrom(this.view(now), undefined, host, port), now);
  }

  private toDial(route: ReturnType<typeof dialFrom>, now: number): Dial & { grpc?: boolean; tls?: boolean; steady?: boolean } {
    if (route.kind !== "listener") return route;
    const { listener, ip, port } = route;
    if (listener.proto !== "http" || !listener.program.serve) return { kind: "tcp", ip, port, daemon: listener.daemon, grpc: listener.proto === "grpc" };
    const serve = listener.program.serve;
    const extra = { ...(listener.tls ? { tls: true } : {}), ...(listener.program.steady ? { steady: true } : {}) };
    return { kind: "http", ip, port, ...extra, send: (req) => serve(listener.daemon, req, this.daemonContext(listener.container, now)) };
  }
}

/** The shell is at its prompt: what it reads next comes from the terminal. */
function waitsForInput(p: ProcState): boolean {
  const top = p.frames[p.frames.length - 1];
  return p.exitCode === undefined && top?.k === "block" && top.input === true;
}

function imageView(live: Live): ImageView {
  return { spec: live.image.spec, variant: live.image.variant };
}

function shellFlavour(live: Live): ShellFlavour {
  return effectiveToolbox(imageView(live)) === "busybox" ? "ash" : "dash";
}

/** The name cluster DNS answers for `host` asked from `namespace` (search path `<ns>.svc.cluster.local`). */
function qualify(host: string, namespace: string): string {
  const h = host.replace(/\.$/, "");
  if (h.endsWith(".cluster.local")) return h;
  const dots = h.split(".").length - 1;
  if (dots === 0) return `${h}.${namespace}.svc.cluster.local`;
  return h.endsWith(".svc") ? `${h}.cluster.local` : `${h}.svc.cluster.local`;
}

/** What `ps` lists: PID 1 with its command line, background shells, daemons (nginx with its workers). */
function processList(c: ContainerState, self: ProcessInfo): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  c.procs.forEach((p, i) => {
    if (p.exitCode !== undefined) return;
    const isDaemon = (pid: number): boolean => p.daemons.some((d) => d.pid === pid);
    if (!isDaemon(p.pid)) out.push({ pid: p.pid, user: "root", command: i === 0 ? c.argv.join(" ") : "sh" });
    for (const s of stagesOf(p)) out.push({ pid: s.pid, user: "root", command: s.command ?? "sh" });
    for (const d of p.daemons) {
      if (d.program === "nginx") {
        out.push({ pid: d.pid, user: "root", command: `nginx: master process ${d.argv.join(" ")}` });
        for (const w of d.data.workers.split(",")) out.push({ pid: Number(w), user: "nginx", command: "nginx: worker process" });
      } else out.push({ pid: d.pid, user: "root", command: d.argv.join(" ") });
    }
  });
  return [...out.filter((p) => p.pid !== self.pid), self].sort((a, b) => a.pid - b.pid);
}

/** A process waiting in `tail -f` on files that exist: it cannot end by itself, only log. */
function followsQuietly(p: ProcState): boolean {
  const top = p.frames[p.frames.length - 1];
  return top?.k === "block" && top.follow !== undefined && top.follow.files.every((f) => f.state !== "missing");
}
