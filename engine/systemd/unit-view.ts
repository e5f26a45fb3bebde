/**
 * A unit as systemctl reports it at a moment: load state, enablement, active state and
 * sub-state with the time it was entered, the main process, the processes that exited,
 * and the resource figures `status` prints. Derived from the state and the time, never
 * stored.
 */
import type { Vfs } from "../shell/vfs";
import { attemptAt, attemptPid, loopAttempt } from "./journal";
import type { HostServices, Run, UnitState } from "./state";
import type { UnitConfig } from "./unit-file";
import { badSetting, parseUnit, sourceTexts, unitSources } from "./unit-file";
import { WANTS_DIR } from "./unit-files";

export type LoadState = "loaded" | "not-found" | "masked" | "bad-setting";
export type ActiveState = "active" | "activating" | "inactive" | "failed";

export interface ExitedProcess {
  readonly pid: number;
  /** `ExecStart`, `ExecStartPre` */
  readonly kind: string;
  readonly command: string;
  readonly status: number;
}

export interface UnitView {
  readonly name: string;
  readonly config: UnitConfig;
  readonly load: LoadState;
  /** the reason badSetting gave, for a unit systemd refused to load */
  readonly loadProblem?: string;
  readonly fragment?: string;
  readonly dropIns: readonly string[];
  readonly enablement: "enabled" | "disabled" | "masked";
  readonly active: ActiveState;
  readonly sub: "running" | "auto-restart" | "dead" | "failed";
  readonly result?: "exit-code";
  readonly since?: number;
  /** how long the last main process ran, for an inactive unit */
  readonly duration?: number;
  readonly mainPid?: number;
  /** set when the main process has exited */
  readonly mainExit?: number;
  readonly exited: readonly ExitedProcess[];
  readonly cpuMs?: number;
  readonly running?: Run;
  readonly needsReload: boolean;
}

/** The unit's files on disk, fragment first, for `daemon-reload` and the changed-on-disk warning. */
export function diskTexts(fs: Vfs, unit: string): [string, string][] {
  return sourceTexts(fs, unitSources(fs, unit));
}

/** Where `enable` links the unit. */
export const wantsLink = (unit: string) => `${WANTS_DIR}/${unit}`;

/** CPU time a process used: a busy start, then a steady trickle (the kubelet ~1%, containerd less). */
export function cpuUsed(unit: string, ranMs: number): number {
  const rate = unit === "kubelet.service" ? 0.011 : 0.004;
  return Math.round(Math.min(ranMs, 1000) * 0.6 + Math.max(0, ranMs - 1000) * rate);
}

function preProcesses(config: UnitConfig, mainPid: number): ExitedProcess[] {
  return config.execStartPre.map((c, i) => ({ pid: mainPid - config.execStartPre.length + i, kind: "ExecStartPre", command: c.replace(/^[-@+!:]+/, ""), status: 0 }));
}

function loadState(config: UnitConfig, loaded: UnitState["loaded"]): { load: LoadState; problem?: string } {
  if (loaded.length === 0) return { load: "not-found" };
  if (loaded[0][1].trim() === "") return { load: "masked" };
  const problem = badSetting(config);
  return problem ? { load: "bad-setting", problem } : { load: "loaded" };
}

export function unitView(fs: Vfs, services: HostServices, name: string, now: number): UnitView {
  const state = services.units[name];
  const loaded = state?.loaded ?? [];
  const config = parseUnit(loaded);
  const { load, problem } = loadState(config, loaded);
  const enablement = load === "masked" ? "masked" : fs.exists(wantsLink(name)) ? "enabled" : "disabled";
  const base = {
    name,
    config,
    load,
    ...(problem ? { loadProblem: problem } : {}),
    fragment: loaded[0]?.[0],
    dropIns: loaded.slice(1).map(([p]) => p),
    enablement,
    needsReload: state !== undefined && JSON.stringify(diskTexts(fs, name)) !== JSON.stringify(loaded),
  } as const;
  const phase = state?.phase;
  if (!phase) return { ...base, active: "inactive", sub: "dead", exited: [] };
  if (phase.kind === "running") {
    const run = phase.run;
    return { ...base, active: "active", sub: "running", since: run.at, mainPid: run.pid, exited: preProcesses(config, run.pid), cpuMs: cpuUsed(name, now - run.at), running: run };
  }
  if (phase.kind === "looping") {
    const loop = phase.loop;
    const k = Math.max(0, loopAttempt(loop, now));
    const at = attemptAt(loop, k);
    const pid = attemptPid(loop, k);
    const pre = preProcesses(config, pid);
    if (now < at + loop.failAfterMs) {
      return { ...base, active: "active", sub: "running", since: at, mainPid: pid, exited: pre, cpuMs: cpuUsed(name, now - at), running: { pid, at, command: phase.command, argv: [] } };
    }
    const exited = [...pre, { pid, kind: "ExecStart", command: phase.command, status: loop.status }];
    return { ...base, active: "activating", sub: "auto-restart", result: "exit-code", since: at + loop.failAfterMs, mainPid: pid, mainExit: loop.status, exited, cpuMs: cpuUsed(name, loop.failAfterMs) + 40 };
  }
  const run = phase.run;
  const active: ActiveState = phase.failed ? "failed" : "inactive";
  const sub = phase.failed ? "failed" : "dead";
  if (!run?.exit) return { ...base, active, sub, ...(phase.result === "exit-code" ? { result: "exit-code" } : {}), since: phase.since, exited: [] };
  const ran = run.exit.at - run.at;
  return {
    ...base,
    active,
    sub,
    ...(phase.result === "exit-code" ? { result: "exit-code" } : {}),
    since: phase.since,
    duration: ran,
    mainPid: run.pid,
    mainExit: run.exit.status,
    exited: [...preProcesses(config, run.pid), { pid: run.pid, kind: "ExecStart", command: run.command, status: run.exit.status }],
    cpuMs: cpuUsed(name, ran) + (run.exit.status === 0 ? 0 : 40),
  };
}
