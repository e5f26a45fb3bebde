/**
 * The host's journal: entries systemd and the services wrote, in journalctl's short
 * format, with the message catalog `-x` adds. A unit that fails to start again and again
 * is kept as one crash-loop record and spelled out attempt by attempt only when read, so
 * an hour of restarts costs one record.
 */
import { journalTimestamp, klogHeader } from "./time-format";

/** The catalog entries of systemd's own messages (catalog/systemd.catalog.in). */
export type CatalogId = "starting" | "started" | "stopping" | "stopped" | "succeeded" | "failed" | "exited" | "restart" | "consumed";

export interface CatalogRef {
  readonly id: CatalogId;
  readonly job?: number;
  readonly result?: string;
  readonly status?: number;
}

export interface JournalEntry {
  readonly at: number;
  /** the unit the entry is about, for `-u` */
  readonly unit: string;
  /** SYSLOG_IDENTIFIER: `systemd`, `kubelet`, `(kubelet)` before exec, `containerd` */
  readonly ident: string;
  readonly pid: number;
  readonly message: string;
  readonly catalog?: CatalogRef;
}

/** A line a service's process writes, relative to its start; `{pid}` in the text is its pid. */
export interface ProcessLine {
  readonly offsetMs: number;
  readonly ident: string;
  readonly text: string;
  /** klog's `I0127 10:00:05.412345    1234 server.go:529] ` header, for the kubelet */
  readonly klog?: { readonly level: "I" | "W" | "E"; readonly source: string };
}

/** A start that fails alike again and again, Restart= bringing it back RestartSec after each failure. */
export interface CrashLoop {
  readonly unit: string;
  readonly description: string;
  readonly at: number;
  readonly pid: number;
  readonly job: number;
  /** from spawn to exit */
  readonly failAfterMs: number;
  readonly restartSecMs: number;
  readonly status: number;
  readonly lines: readonly ProcessLine[];
  /** the restart counter at the first attempt: 0 after a start by hand */
  readonly counter: number;
  /** attempts spawned before this moment belong to the loop; absent while it goes on */
  readonly until?: number;
}

export type JournalRecord = { readonly kind: "entry"; readonly entry: JournalEntry } | { readonly kind: "loop"; readonly loop: CrashLoop };

/** How far apart the pids of two attempts are: the kernel hands out pids to whatever else ran between them. */
export const PID_STEP = 19;
/** How far apart the job ids of two attempts are. */
const JOB_STEP = 2;

export function loopPeriod(loop: CrashLoop): number {
  return loop.failAfterMs + loop.restartSecMs;
}

/** The attempt running or last failed at `now` (0-based), or -1 before the first. */
export function loopAttempt(loop: CrashLoop, now: number): number {
  const end = Math.min(now, (loop.until ?? Infinity) - 1);
  return end < loop.at ? -1 : Math.floor((end - loop.at) / loopPeriod(loop));
}

export function attemptPid(loop: CrashLoop, k: number): number {
  return loop.pid + k * PID_STEP;
}

export function attemptAt(loop: CrashLoop, k: number): number {
  return loop.at + k * loopPeriod(loop);
}

/** `{pid}` and `{time}` (RFC 3339 with nanoseconds, as containerd's logrus writes it) filled in. */
function fill(text: string, pid: number, at: number): string {
  const time = new Date(at).toISOString().replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}${String((pid * 7919) % 1_000_000).padStart(6, "0")}Z`);
  return text.split("{pid}").join(String(pid)).split("{time}").join(time);
}

/** The entries a process writes when spawned at `at` with `pid`. */
export function processEntries(unit: string, lines: readonly ProcessLine[], at: number, pid: number): JournalEntry[] {
  return lines.map((l, i) => {
    const when = at + l.offsetMs;
    const head = l.klog ? klogHeader(l.klog.level, when, pid, l.klog.source, i) : "";
    return { at: when, unit, ident: l.ident, pid, message: head + fill(l.text, pid, when) };
  });
}

const systemd = (at: number, unit: string, message: string, catalog?: CatalogRef): JournalEntry => ({ at, unit, ident: "systemd", pid: 1, message, ...(catalog ? { catalog } : {}) });

/** What systemd writes when the main process of `unit` exits with `status`. */
export function failureEntries(unit: string, at: number, status: number): JournalEntry[] {
  return [
    systemd(at, unit, `${unit}: Main process exited, code=exited, status=${status}/${statusName(status)}`, { id: "exited", status }),
    systemd(at, unit, `${unit}: Failed with result 'exit-code'.`, { id: "failed", result: "exit-code" }),
  ];
}

/** The symbolic name systemd gives an exit status. */
export function statusName(status: number): string {
  return status === 0 ? "SUCCESS" : status === 203 ? "EXEC" : "FAILURE";
}

export function startedEntry(unit: string, description: string, at: number, job: number): JournalEntry {
  return systemd(at, unit, `Started ${unit} - ${description}.`, { id: "started", job });
}

export function startingEntry(unit: string, description: string, at: number, job: number): JournalEntry {
  return systemd(at, unit, `Starting ${unit} - ${description}...`, { id: "starting", job });
}

export function stoppingEntry(unit: string, description: string, at: number, job: number): JournalEntry {
  return systemd(at, unit, `Stopping ${unit} - ${description}...`, { id: "stopping", job });
}

export function stoppedEntry(unit: string, description: string, at: number, job: number): JournalEntry {
  return systemd(at, unit, `Stopped ${unit} - ${description}.`, { id: "stopped", job, result: "done" });
}

export function deactivatedEntry(unit: string, at: number): JournalEntry {
  return systemd(at, unit, `${unit}: Deactivated successfully.`, { id: "succeeded" });
}

export function consumedEntry(unit: string, at: number, cpu: string): JournalEntry {
  return systemd(at, unit, `${unit}: Consumed ${cpu} CPU time.`, { id: "consumed" });
}

export function restartScheduledEntry(unit: string, at: number, counter: number): JournalEntry {
  return systemd(at, unit, `${unit}: Scheduled restart job, restart counter is at ${counter}.`, { id: "restart" });
}

/** The entries of attempt `k` of a crash loop. */
function attemptEntries(loop: CrashLoop, k: number): JournalEntry[] {
  const at = attemptAt(loop, k);
  const pid = attemptPid(loop, k);
  const counter = loop.counter + k;
  return [
    ...(counter > 0 ? [restartScheduledEntry(loop.unit, at, counter)] : []),
    startedEntry(loop.unit, loop.description, at, loop.job + k * JOB_STEP),
    ...processEntries(loop.unit, loop.lines, at, pid),
    ...failureEntries(loop.unit, at + loop.failAfterMs, loop.status),
  ];
}

/** Every entry up to `now`, oldest first; of crash loops only the last `maxAttempts` attempts. */
export function journalEntries(records: readonly JournalRecord[], now: number, maxAttempts = Infinity): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const r of records) {
    if (r.kind === "entry") {
      if (r.entry.at <= now) out.push(r.entry);
      continue;
    }
    const last = loopAttempt(r.loop, now);
    for (let k = Math.max(0, last - maxAttempts + 1); k <= last; k++) {
      const end = Math.min(now, r.loop.until ?? Infinity);
      out.push(...attemptEntries(r.loop, k).filter((e) => e.at <= end));
    }
  }
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
}

/** journalctl's short format. */
export function formatEntry(e: JournalEntry, host: string): string {
  return `${journalTimestamp(e.at)} ${host} ${e.ident}[${e.pid}]: ${e.message}`;
}

const SUPPORT = "http://www.ubuntu.com/support";

function catalogBody(ref: CatalogRef, unit: string): [string, string] {
  switch (ref.id) {
    case "starting":
      return ["A start job for unit @UNIT@ has begun execution", `A start job for unit ${unit} has begun execution.\n\nThe job identifier is ${ref.job}.`];
    case "started":
      return ["A start job for unit @UNIT@ has finished successfully", `A start job for unit ${unit} has finished successfully.\n\nThe job identifier is ${ref.job}.`];
    case "stopping":
      return ["A stop job for unit @UNIT@ has begun execution", `A stop job for unit ${unit} has begun execution.\n\nThe job identifier is ${ref.job}.`];
    case "stopped":
      return ["A stop job for unit @UNIT@ has finished", `A stop job for unit ${unit} has finished.\n\nThe job identifier is ${ref.job} and the job result is ${ref.result}.`];
    case "succeeded":
      return ["Unit succeeded", `The unit ${unit} has successfully entered the 'dead' state.`];
    case "failed":
      return ["Unit failed", `The unit ${unit} has entered the 'failed' state with result '${ref.result}'.`];
    case "exited":
      return ["Unit process exited", `An ExecStart= process belonging to unit ${unit} has exited.\n\nThe process' exit code is 'exited' and its exit status is ${ref.status}.`];
    case "restart":
      return ["Automatic restarting of a unit has been scheduled", `Automatic restarting of the unit ${unit} has been scheduled, as the result for\nthe configured Restart= setting for the unit.`];
    case "consumed":
      return ["Resources consumed by unit runtime", `The unit ${unit} completed and consumed the indicated resources.`];
  }
}

/** The explanation `journalctl -x` prints under an entry, each line behind `░░ `. */
export function catalogLines(e: JournalEntry): string[] {
  if (!e.catalog) return [];
  const [subject, body] = catalogBody(e.catalog, e.unit);
  const text = [`Subject: ${subject.replace("@UNIT@", e.unit)}`, "Defined-By: systemd", `Support: ${SUPPORT}`, "", ...body.split("\n")];
  return text.map((l) => (l === "" ? "░░" : `░░ ${l}`));
}
