/**
 * The jobs systemd runs for systemctl: start, stop, restart, daemon-reload, and the
 * install operations (enable, disable, mask, unmask) that change links on disk and reload.
 * Each takes the host state and returns the next one with what systemd logged; the caller
 * stores it. A start reads the unit as last loaded, never the files on disk.
 */
import type { Vfs } from "../shell/vfs";
import type { CrashLoop, JournalEntry, JournalRecord, ProcessLine } from "./journal";
import {
  attemptAt,
  attemptPid,
  consumedEntry,
  deactivatedEntry,
  failureEntries,
  loopAttempt,
  PID_STEP,
  processEntries,
  restartScheduledEntry,
  startedEntry,
  startingEntry,
  stoppedEntry,
  stoppingEntry,
} from "./journal";
import { KUBELET_STOP_LINES } from "./kubelet-process";
import type { SpawnContext } from "./spawn";
import { spawnMain } from "./spawn";
import type { HostServices, Phase, Run, UnitState } from "./state";
import { KNOWN_UNITS } from "./state";
import { timespan } from "./time-format";
import type { UnitConfig } from "./unit-file";
import { badSetting, parseUnit } from "./unit-file";
import { cpuUsed, diskTexts } from "./unit-view";

export interface HostContext {
  readonly fs: Vfs;
  readonly host: string;
  readonly now: number;
}

/** Gaps between pids and job ids of successive starts: other processes and jobs come and go meanwhile. */
const PID_GAP = 7;
const JOB_GAP = 3;

const CONTAINERD_STOP_LINES: readonly ProcessLine[] = [
  { offsetMs: 0, ident: "containerd", text: 'time="{time}" level=info msg="Stop CRI service"' },
  { offsetMs: 2, ident: "containerd", text: 'time="{time}" level=info msg="Stream server stopped"' },
];

export function unitConfig(state: UnitState | undefined): UnitConfig {
  return parseUnit(state?.loaded ?? []);
}

const description = (name: string, config: UnitConfig) => config.description ?? name;

function isRuntimeUp(state: HostServices): boolean {
  return state.units["containerd.service"]?.phase.kind === "running";
}

export function spawnContext(ctx: HostContext, state: HostServices): SpawnContext {
  return { fs: ctx.fs, host: ctx.host, version: state.kubeletVersion, runtimeUp: isRuntimeUp(state) };
}

/** The next free pid, past the attempts of any crash loop still going. */
function freePid(state: HostServices, now: number): number {
  let pid = state.nextPid;
  for (const u of Object.values(state.units)) {
    if (u.phase.kind === "looping") pid = Math.max(pid, attemptPid(u.phase.loop, Math.max(0, loopAttempt(u.phase.loop, now))) + PID_STEP);
  }
  return pid;
}

function withUnit(state: HostServices, name: string, phase: Phase, records: readonly JournalRecord[], nextPid = state.nextPid, nextJob = state.nextJob, lastRunEnd?: number): HostServices {
  const unit = state.units[name];
  const end = lastRunEnd ?? unit?.lastRunEnd;
  const next: UnitState = { loaded: unit?.loaded ?? [], phase, ...(end === undefined ? {} : { lastRunEnd: end }) };
  return { ...state, nextPid, nextJob, units: { ...state.units, [name]: next }, journal: [...state.journal, ...records] };
}

const entries = (list: readonly JournalEntry[]): JournalRecord[] => list.map((entry) => ({ kind: "entry", entry }));

/** Spawns the main process of `name` at `at` (a start by hand has counter 0, an automatic restart the restart count). */
export function spawnUnit(ctx: HostContext, state: HostServices, name: string, at: number, counter: number): HostServices {
  const config = unitConfig(state.units[name]);
  const desc = description(name, config);
  const pid = freePid(state, at) + config.execStartPre.length;
  const job = state.nextJob;
  const { command, argv, outcome } = spawnMain(name, config, spawnContext({ ...ctx, now: at }, state));
  const scheduled = counter > 0 ? [restartScheduledEntry(name, at, counter)] : [];
  if (outcome.ok) {
    // a notify service is started once it says it is ready, right after its last start-up line
    const readyAfter = config.type === "notify" ? Math.max(0, ...outcome.lines.map((l) => l.offsetMs)) + 1 : 0;
    const started = config.type === "notify" ? [startingEntry(name, desc, at, job), startedEntry(name, desc, at + readyAfter, job)] : [startedEntry(name, desc, at, job)];
    const run: Run = { pid, at, command, argv };
    return withUnit(state, name, { kind: "running", run }, entries([...scheduled, ...started, ...processEntries(name, outcome.lines, at, pid)]), pid + PID_GAP, job + JOB_GAP);
  }
  if (config.restart === "always" || config.restart === "on-failure") {
    const loop: CrashLoop = { unit: name, description: desc, at, pid, job, failAfterMs: outcome.failAfterMs, restartSecMs: config.restartSecMs, status: outcome.status, lines: outcome.lines, counter };
    return withUnit(state, name, { kind: "looping", loop, command }, [{ kind: "loop", loop }], state.nextPid, job + JOB_GAP);
  }
  const exitAt = at + outcome.failAfterMs;
  const run: Run = { pid, at, command, argv, exit: { at: exitAt, status: outcome.status } };
  const logged = [...scheduled, startedEntry(name, desc, at, job), ...processEntries(name, outcome.lines, at, pid), ...failureEntries(name, exitAt, outcome.status)];
  return withUnit(state, name, { kind: "dead", run, since: exitAt, result: "exit-code", failed: true }, entries(logged), pid + PID_GAP, job + JOB_GAP);
}

/** The crash loop of `name` (running `command`) closed at `until` in the journal, with the last attempt it made as a run. */
export function closeLoop(state: HostServices, name: string, loop: CrashLoop, command: string, until: number): { state: HostServices; last: Run } {
  const closed: CrashLoop = { ...loop, until };
  const journal = state.journal.map((r) => (r.kind === "loop" && r.loop.unit === name && r.loop.pid === loop.pid && r.loop.at === loop.at ? { kind: "loop" as const, loop: closed } : r));
  const k = Math.max(0, loopAttempt(closed, until));
  const pid = attemptPid(loop, k);
  const at = attemptAt(loop, k);
  const exitAt = Math.min(until, at + loop.failAfterMs);
  const last: Run = { pid, at, command, argv: [], exit: { at: exitAt, status: loop.status } };
  return { state: { ...state, journal, nextPid: Math.max(state.nextPid, pid + PID_STEP) }, last };
}

export function startUnit(ctx: HostContext, state: HostServices, name: string): HostServices {
  const phase = state.units[name]?.phase;
  if (phase?.kind === "running" || phase?.kind === "looping") return state;
  return spawnUnit(ctx, state, name, ctx.now, 0);
}

export function stopUnit(ctx: HostContext, state: HostServices, name: string): HostServices {
  const unit = state.units[name];
  const phase = unit?.phase;
  const desc = description(name, unitConfig(unit));
  const job = state.nextJob;
  const now = ctx.now;
  if (phase?.kind === "running") {
    const run = phase.run;
    const own = name === "kubelet.service" ? KUBELET_STOP_LINES : name === "containerd.service" ? CONTAINERD_STOP_LINES : [];
    const logged = [
      stoppingEntry(name, desc, now, job),
      ...processEntries(name, own, now, run.pid),
      deactivatedEntry(name, now),
      stoppedEntry(name, desc, now, job),
      consumedEntry(name, now, timespan(cpuUsed(name, now - run.at))),
    ];
    // what the process would still have written after now, it never wrote
    const journal = state.journal.filter((r) => !(r.kind === "entry" && r.entry.pid === run.pid && r.entry.at > now));
    return withUnit({ ...state, journal }, name, { kind: "dead", run: { ...run, exit: { at: now, status: 0 } }, since: now, result: "success", failed: false }, entries(logged), state.nextPid, job + JOB_GAP, now);
  }
  if (phase?.kind === "looping") {
    const { state: closed, last } = closeLoop(state, name, phase.loop, phase.command, now);
    return withUnit(closed, name, { kind: "dead", run: last, since: now, result: "exit-code", failed: false }, entries([stoppedEntry(name, desc, now, job)]), closed.nextPid, job + JOB_GAP);
  }
  return state;
}

export function restartUnit(ctx: HostContext, state: HostServices, name: string): HostServices {
  return spawnUnit(ctx, stopUnit(ctx, state, name), name, ctx.now, 0);
}

/**
 * Why systemctl may not start the unit as loaded (masked, refused, unknown), in systemctl's
 * words for `verb`, or undefined.
 */
export function startRefusal(state: HostServices, name: string, verb: "start" | "restart"): string | undefined {
  const unit = state.units[name];
  if (!unit || unit.loaded.length === 0) return `Failed to ${verb} ${name}: Unit ${name} not found.`;
  if (unit.loaded[0][1].trim() === "") return `Failed to ${verb} ${name}: Unit ${name} is masked.`;
  if (badSetting(unitConfig(unit))) return `Failed to ${verb} ${name}: Unit ${name} has a bad unit file setting.\nSee system logs and 'systemctl status ${name}' for details.`;
  return undefined;
}

/** daemon-reload: every unit's files read again; a unit systemd refuses says why in the journal. */
export function daemonReload(ctx: HostContext, state: HostServices): HostServices {
  const units: Record<string, UnitState> = {};
  const logged: JournalEntry[] = [{ at: ctx.now, unit: "", ident: "systemd", pid: 1, message: "Reloading requested from client PID 1 ('systemctl') (unit session-1.scope)..." }];
  for (const name of KNOWN_UNITS) {
    const loaded = diskTexts(ctx.fs, name);
    const was = state.units[name];
    units[name] = { ...was, loaded, phase: was?.phase ?? { kind: "dead", result: "success", failed: false } };
    const problem = loaded.length && loaded[0][1].trim() !== "" ? badSetting(parseUnit(loaded)) : undefined;
    if (problem) logged.push({ at: ctx.now, unit: name, ident: "systemd", pid: 1, message: `${name}: ${problem}` });
  }
  logged.push({ at: ctx.now, unit: "", ident: "systemd", pid: 1, message: "Reloading finished in 118 ms." });
  return { ...state, units, journal: [...state.journal, ...entries(logged)] };
}
