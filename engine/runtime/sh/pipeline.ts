/**
 * `a | b | c` as the kernel runs it: every stage a process of its own, joined by pipes,
 * all running at once. The stages are plain ProcStates inside the parent's `pipeline`
 * frame, so a snapshot taken while `tail -F log | grep ERROR` waits resumes as it was.
 * The parent steps them in virtual-time order, always the stage whose next event is
 * earliest (a reader before its writer on a tie, so output flows as it is produced): a
 * stage runs until it blocks (sleep, an empty pipe), writes to a pipe (its reader may go
 * first), fills one (it waits for room) or exits, which closes its end of its pipes.
 */
import type { Word } from "unbash";
import { Machine, type StdinSource } from "./machine";
import { openPipe, pipeReady } from "./pipes";
import type { Fds, Frame, NodeRef, PipeTable, ProcState } from "./process-state";

type PipelineFrame = Extract<Frame, { k: "pipeline" }>;

/** Turns without the clock moving before a pipeline counts as spinning (`while :; do echo; done | grep x`). */
const TURN_BUDGET = 20_000;
/** Turns of one run in all. */
const TURN_CAP = 400_000;
/** What a command that needs all of stdin (`sort`, `wc`) gathers before it stops reading, so an endless writer costs bounded memory. */
export const GATHER_LIMIT = 4 * 1024 * 1024;

export type PipelineStep =
  | { readonly kind: "done"; readonly code: number; readonly clock: number }
  | { readonly kind: "blocked"; readonly until: number | null; readonly clock: number }
  | { readonly kind: "budget"; readonly clock: number }
  | { readonly kind: "yield"; readonly clock: number };

/**
 * Starts `count` stages of the Pipeline node at `ref`: stage i writes to pipe i and reads
 * pipe i-1; the first reads what this shell reads, the last writes where it writes.
 * `first` frames go under the first stage's command (`time` in ash times only it).
 */
export function startPipeline(m: Machine, ref: NodeRef, count: number, negate: boolean, first: Frame[] = []): void {
  const table = m.pipeTable();
  const pipes = Array.from({ length: count - 1 }, () => openPipe(table, m.st.clock));
  const fds = m.fds();
  const source: StdinSource = m.stdinSource();
  const stages: ProcState[] = [];
  for (let i = 0; i < count; i++) {
    const frames: Frame[] = [];
    if (i === 0 && "text" in source && source.text !== "") frames.push({ k: "scope", kind: "redirect", stdin: source.text });
    if (i === 0) frames.push(...first);
    frames.push({ k: "run", n: m.child(ref, "commands", i) });
    const out: Fds = { out: i < count - 1 ? { kind: "pipe", id: pipes[i] } : fds.out, err: fds.err };
    const stdinPipe = i > 0 ? pipes[i - 1] : "pipe" in source ? source.pipe : undefined;
    const stage = m.stageState(m.host.sys.nextPid(), out, frames, stdinPipe);
    stage.command = stageCommand(m, m.child(ref, "commands", i));
    stages.push(stage);
  }
  m.push({ k: "pipeline", stages, pipes, negate });
}

/** What `ps` lists for a stage: a simple command's own words (it execs), else the subshell running it. */
function stageCommand(m: Machine, ref: NodeRef): string {
  const node = m.nodeAt(ref) as { type: string; name?: Word; suffix?: ({ type: string } & Word)[] };
  if (node.type !== "Command" || !node.name) return m.where().name;
  return [node.name, ...(node.suffix ?? []).filter((w) => w.type === "Word")].map((w) => w.text).join(" ");
}

/** Every pipeline stage running under `p`, nested ones too, for `ps`. */
export function stagesOf(p: ProcState): ProcState[] {
  const out: ProcState[] = [];
  for (const f of p.frames) if (f.k === "pipeline") for (const s of f.stages) if (s.exitCode === undefined) out.push(s, ...stagesOf(s));
  return out;
}

/**
 * Runs the stages up to `until`: to the end of the pipeline, or until every stage waits
 * past it. For an instant run (exec, probes) a `tail -f` counts as waiting forever, as it
 * does outside a pipeline: what it follows cannot grow while the run takes no time.
 */
export function runPipeline(m: Machine, f: PipelineFrame, until: number): PipelineStep {
  const instant = m.mode === "instant" || m.isInstantTree;
  const table = m.pipeTable();
  const machines = new Map<number, Machine>();
  const machine = (i: number): Machine => {
    let sm = machines.get(i);
    if (!sm) {
      sm = new Machine(f.stages[i], m.host, "resume", m);
      machines.set(i, sm);
    }
    return sm;
  };
  let clock = m.st.clock;
  let idle = 0;
  for (let turn = 0; ; turn++) {
    if (idle > TURN_BUDGET || turn > TURN_CAP) return { kind: "budget", clock };
    let best = -1;
    let bestAt = Infinity;
    let second = Infinity;
    for (let i = f.stages.length - 1; i >= 0; i--) {
      const s = f.stages[i];
      if (s.exitCode !== undefined) continue;
      const at = wakeTime(s, table, clock, instant);
      if (best < 0 || at < bestAt) {
        second = Math.min(second, bestAt);
        best = i;
        bestAt = at;
      } else second = Math.min(second, at);
    }
    if (best < 0) {
      for (const id of f.pipes) delete table.open[id];
      return { kind: "done", code: f.stages[f.stages.length - 1].exitCode ?? 0, clock };
    }
    if (bestAt === Infinity) return { kind: "blocked", until: null, clock };
    if (bestAt > until) return { kind: "blocked", until: bestAt, clock };
    const stage = f.stages[best];
    stage.clock = Math.max(stage.clock, clock);
    const sm = machine(best);
    const out = sm.run(Math.min(until, second));
    idle = stage.clock > clock ? 0 : idle + 1;
    clock = Math.max(clock, stage.clock);
    if (out.kind === "budget") return { kind: "budget", clock };
    if (out.kind === "exited") closeEnds(f, best, table);
    if (out.kind === "yield") {
      const id = sm.wrote;
      sm.wrote = undefined;
      if (id !== undefined && !f.pipes.includes(id)) {
        m.wrote = id;
        return { kind: "yield", clock };
      }
    }
  }
}

/** A stage exited: what it wrote reaches end of file, and what writes to it meets SIGPIPE. */
function closeEnds(f: PipelineFrame, i: number, table: PipeTable): void {
  const out = table.open[f.pipes[i]];
  if (out) out.closed = true;
  const into = table.open[f.pipes[i - 1]];
  if (into) {
    into.broken = true;
    into.buf = "";
  }
}

/**
 * When process `p` next has something to do: now (`floor` or its own clock) when it can
 * run, the end of its wait, when its pipe has what it waits for, or never (Infinity).
 */
export function wakeTime(p: ProcState, table: PipeTable | undefined = p.pipeTable, floor = p.clock, instant = false): number {
  const now = Math.max(p.clock, floor);
  const top = p.frames[p.frames.length - 1];
  if (!top) return now;
  switch (top.k) {
    case "block":
      if (instant && top.follow) return Infinity;
      if (top.daemon === undefined) return top.until ?? Infinity;
      return p.daemons.find((d) => d.pid === top.daemon)?.stopAt ?? Infinity;
    case "pipeline": {
      let next = Infinity;
      for (const s of top.stages) if (s.exitCode === undefined) next = Math.min(next, wakeTime(s, p.pipeTable ?? table, now, instant));
      return next;
    }
    case "stdin":
    case "filter":
    case "drain": {
      if (!table || !stageReady(table, top)) return Infinity;
      const pipe = table.open[top.k === "drain" ? top.pipe : top.io.stdinPipe];
      return top.k === "drain" || !pipe ? now : Math.max(now, pipe.at);
    }
    default:
      return now;
  }
}

/** Whether a stage waiting on a pipe can go on. */
export function stageReady(table: PipeTable, f: Extract<Frame, { k: "stdin" | "filter" | "drain" }>): boolean {
  if (f.k === "drain") return pipeReady(table.open[f.pipe], "room");
  const pipe = table.open[f.io.stdinPipe];
  // a command gathering all of stdin stops taking more past the limit: its writer then waits, as on a real full pipe
  if (f.k === "stdin" && f.want === "eof" && pipe && !pipe.closed && f.got.length >= GATHER_LIMIT) return false;
  if (f.k === "stdin" && pipe && !pipe.closed && pipe.buf.length <= (f.seen ?? 0)) return false;
  return pipeReady(pipe, f.k === "filter" ? "line" : f.want);
}

/**
 * What `time` prints when its command ends, on stderr. In ash `time` is BusyBox's applet
 * (miscutils/time.c: a line for a failed command, then `real\t%E\nuser\t%u\nsys\t%T`, or
 * `real %e\nuser %U\nsys %S` with -p); in bash the keyword (TIMEFORMAT's default, or -p's).
 * The simulated commands use no CPU, so user and sys are zero.
 */
export function timeReport(f: Extract<Frame, { k: "timed" }>, elapsedMs: number, status: number): string {
  const ms = Math.max(0, Math.round(elapsedMs));
  const secs = Math.floor(ms / 1000);
  const cs = String(Math.floor(ms / 10) % 100).padStart(2, "0");
  const posix = `real ${secs}.${cs}\nuser 0.00\nsys 0.00\n`;
  if (f.format === "bash-posix") return posix;
  if (f.format === "bash") return `\nreal\t${Math.floor(secs / 60)}m${secs % 60}.${String(ms % 1000).padStart(3, "0")}s\nuser\t0m0.000s\nsys\t0m0.000s\n`;
  const exited = status !== 0 ? `Command exited with non-zero status ${status}\n` : "";
  if (f.format === "busybox-posix") return exited + posix;
  const elapsed = secs >= 3600 ? `${Math.floor(secs / 3600)}h ${Math.floor((secs % 3600) / 60)}m ${String(secs % 60).padStart(2, "0")}s` : `${Math.floor(secs / 60)}m ${secs % 60}.${cs}s`;
  return `${exited}real\t${elapsed}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`;
}
