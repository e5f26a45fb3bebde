/**
 * What a node's systemd holds in memory, kept as plain JSON in the host's /run (a tmpfs on
 * a real host, gone at reboot): per unit the files as last loaded and the main process's
 * life, plus the journal and the pid and job counters. The host's file system is what
 * both the shell (systemctl, journalctl) and the cluster's controllers reach, and it
 * travels in the workspace snapshot. Everything here is a function of the time passed in.
 */
import type { Vfs } from "../shell/vfs";
import type { CrashLoop, JournalRecord } from "./journal";

export const STATE_PATH = "/run/systemd/units.json";

/** The units a node's systemd knows; any other name is "not found". */
export const KNOWN_UNITS = ["containerd.service", "kubelet.service"] as const;

export interface Run {
  readonly pid: number;
  readonly at: number;
  /** the ExecStart= line as written, for `Process:` */
  readonly command: string;
  /** the command line after expansion, for the `CGroup:` tree */
  readonly argv: readonly string[];
  /** how the main process ended; absent while it runs */
  readonly exit?: { readonly at: number; readonly status: number };
}

/** What the unit's main process is doing. */
export type Phase =
  | { readonly kind: "running"; readonly run: Run }
  | { readonly kind: "looping"; readonly loop: CrashLoop; readonly command: string }
  | {
      readonly kind: "dead";
      /** the last main process, if there was one */
      readonly run?: Run;
      readonly since?: number;
      /** `exit-code` after a failure, which also colours a later inactive state */
      readonly result: "success" | "exit-code";
      /** failed (a failure Restart= did not cover) rather than inactive */
      readonly failed: boolean;
    };

export interface UnitState {
  /** path → text of the unit file and drop-ins as the last daemon-reload read them */
  readonly loaded: readonly (readonly [string, string])[];
  readonly phase: Phase;
  /** when a main process that had come up last ended (a stop or restart) */
  readonly lastRunEnd?: number;
}

export interface HostServices {
  readonly version: 1;
  readonly bootAt: number;
  /** the version the kubelet binary reports */
  readonly kubeletVersion: string;
  readonly nextPid: number;
  readonly nextJob: number;
  readonly units: Readonly<Record<string, UnitState>>;
  readonly journal: readonly JournalRecord[];
}

/** Entries beyond this many are dropped oldest first, as journald rotates. */
const MAX_RECORDS = 400;

/** The last text read per host and what it parsed to: the controllers read it on every pass. */
const parsed = new WeakMap<Vfs, { text: string; state: HostServices }>();

/** The host's systemd state, or undefined on a host that was not booted with it (a jump host). */
export function readServices(fs: Vfs): HostServices | undefined {
  const text = fs.readFile(STATE_PATH);
  if (text === undefined) return undefined;
  const memo = parsed.get(fs);
  if (memo?.text === text) return memo.state;
  try {
    const state = JSON.parse(text) as HostServices;
    if (state.version !== 1 || typeof state.units !== "object") return undefined;
    parsed.set(fs, { text, state });
    return state;
  } catch {
    return undefined;
  }
}

/** Stores the state if it changed; true if it did. */
export function writeServices(fs: Vfs, state: HostServices): boolean {
  const trimmed = state.journal.length > MAX_RECORDS ? { ...state, journal: state.journal.slice(-MAX_RECORDS) } : state;
  const text = JSON.stringify(trimmed);
  if (fs.readFile(STATE_PATH) === text) return false;
  fs.mkdir("/run/systemd", { parents: true });
  fs.writeFile(STATE_PATH, text);
  parsed.set(fs, { text, state: trimmed });
  return true;
}
