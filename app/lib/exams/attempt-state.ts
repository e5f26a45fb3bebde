/**
 * What an attempt remembers besides its clusters: the tasks flagged for review and marked
 * done, and a log of what the candidate did when (which task they opened, each command
 * they ran), from which the report tells the time spent on each task.
 */

export interface AttemptEvent {
  /** wall-clock ms */
  readonly at: number;
  /** "open": the candidate opened a task; "command": they ran a command line */
  readonly kind: "open" | "command";
  readonly task?: string;
}

export interface AttemptState {
  readonly flagged: readonly string[];
  readonly done: readonly string[];
  readonly log: readonly AttemptEvent[];
}

export const EMPTY_STATE: AttemptState = { flagged: [], done: [], log: [] };

/** Kept short enough to store with every command: the oldest events go first. */
const MAX_LOG = 5000;

export function readState(json: unknown): AttemptState {
  const v = (json ?? {}) as Partial<AttemptState>;
  return { flagged: v.flagged ?? [], done: v.done ?? [], log: v.log ?? [] };
}

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const rest = list.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}

export function withFlag(s: AttemptState, task: string, on: boolean): AttemptState {
  return { ...s, flagged: toggled(s.flagged, task, on) };
}

export function withDone(s: AttemptState, task: string, on: boolean): AttemptState {
  return { ...s, done: toggled(s.done, task, on) };
}

export function withEvent(s: AttemptState, e: AttemptEvent): AttemptState {
  const log = [...s.log, e];
  return { ...s, log: log.length > MAX_LOG ? log.slice(log.length - MAX_LOG) : log };
}

/** A pause longer than this is not counted whole: the candidate was away, not working. */
export const MAX_GAP_MS = 10 * 60_000;

/**
 * Time spent per task: each stretch between two moments of activity (the start, a task
 * opened, a command, the end) goes to the task open during it, up to MAX_GAP_MS. Before
 * any task is opened, the first task is the one on screen.
 */
export function timePerTask(log: readonly AttemptEvent[], startedAt: number, endedAt: number, tasks: readonly string[]): Record<string, number> {
  const spent: Record<string, number> = Object.fromEntries(tasks.map((t) => [t, 0]));
  let open = tasks[0];
  let last = startedAt;
  const events = [...log].filter((e) => e.at >= startedAt && e.at <= endedAt).sort((a, b) => a.at - b.at);
  for (const e of [...events, { at: endedAt, kind: "command" as const }]) {
    if (open !== undefined && open in spent) spent[open] += Math.min(e.at - last, MAX_GAP_MS);
    last = e.at;
    if (e.kind === "open" && e.task !== undefined) open = e.task;
  }
  return spent;
}
