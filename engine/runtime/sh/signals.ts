/**
 * The container's stop signal reaching its PID 1: a daemon that is PID 1 handles it its
 * own way; a shell runs its trap once the foreground command ends (at once while it
 * `wait`s); PID 1 without a handler ignores it, as the kernel does for init. And whether
 * a command holds the shell's own pid because `sh -c` exec'd it as its last.
 */
import type { Machine } from "./machine";
import type { DaemonState } from "./process-state";

/**
 * Whether the command now running is the last thing this shell does, so that `sh -c`
 * has exec'd it in its own place (ash, dash and bash all do) and it holds the shell's pid.
 */
export function execsInPlace(m: Machine, below = m.st.frames.length): boolean {
  if (Object.keys(m.st.traps).length > 0) return false;
  for (let i = 0; i < below; i++) {
    const f = m.st.frames[i];
    if (f.k === "list" || f.k === "andor") {
      if (f.i < (m.nodeAt(f.n) as { commands: unknown[] }).commands.length) return false;
    } else if (f.k === "if") {
      if (!f.done) return false;
    } else if (f.k !== "scope" || f.kind === "trap") return false;
  }
  return true;
}

/** The foreground daemon, when it is the process itself (PID 1 of the container). */
function pid1Daemon(m: Machine): DaemonState | undefined {
  const top = m.st.frames[m.st.frames.length - 1];
  if (top?.k !== "block" || top.daemon === undefined || !execsInPlace(m, m.st.frames.length - 1)) return undefined;
  return m.st.daemons.find((d) => d.pid === top.daemon);
}

/** The stop signal arrives at `now`. */
export function deliverStop(m: Machine, now: number): void {
  const d = pid1Daemon(m);
  if (d) {
    const plan = m.host.program(d.program)?.stop?.(d, m.host.daemonContext(now));
    if (plan && d.data.stopping !== "1") {
      d.stopAt = Math.max(now, m.st.clock) + plan.afterMs;
      d.stopCode = plan.code;
      d.data.stopping = "1";
    }
    return;
  }
  const trap = m.st.traps.TERM;
  if (trap === undefined || trap === "") return;
  const top = m.st.frames[m.st.frames.length - 1];
  if (top?.k === "block" && top.interruptible) {
    m.st.frames.pop();
    m.st.status = 143;
    m.st.clock = Math.max(m.st.clock, now);
  }
  m.st.pendingTrap = trap;
}

/** Runs the trap a signal left pending, keeping `$?` as it was. */
export function runTrap(m: Machine): void {
  const text = m.st.pendingTrap ?? "";
  m.st.pendingTrap = undefined;
  const saved = m.st.status;
  m.pushScript(text, { k: "scope", kind: "trap" });
  m.st.status = saved;
}
