/**
 * Commands whose stdin is a pipeline pipe (see pipeline.ts). A filter (grep, sed, awk, cat
 * ...) works through whole lines as they arrive; any other utility runs at once when it
 * never reads stdin (`echo`, `date`), and otherwise, as `wc` or `sort` must, once it has
 * all of it; `read` takes a line when one is there.
 */
import { FILTERS } from "../programs/registry";
import type { CommandContext, CommandResult } from "./command";
import type { Machine } from "./machine";
import { pipeTakeAll, pipeTakeLines } from "./pipes";
import type { Frame, StageIo, Target } from "./process-state";
import { commandContext, run, runTool, type Io } from "./simple-command";

/** A utility reached for stdin that is not all there yet. */
class NeedsInput {}

function stageIo(io: Io & { stdinPipe: number }, pid: number): StageIo {
  return { fds: io.fds, stdinPipe: io.stdinPipe, ref: io.ref, env: io.env, pid };
}

function ioOf(s: StageIo, stdin = ""): Io {
  return { fds: s.fds, stdin, ref: s.ref, env: s.env };
}

/** Runs utility `name` reading pipe `io.stdinPipe`; `settle` takes its result when it has one now. */
export function runPiped(m: Machine, name: string, argv: readonly string[], io: Io & { stdinPipe: number }, pid: number, settle: (r: CommandResult) => void): void {
  const pipe = m.pipeTable().open[io.stdinPipe];
  if (!pipe || pipe.closed) {
    const whole: Io = { ...io, stdin: pipe ? pipeTakeAll(pipe) : "", stdinPipe: undefined };
    settle(runTool(m, name, commandContext(m, argv, whole, pid), whole));
    return;
  }
  const filter = FILTERS[name];
  if (filter) {
    const started = filter.start(commandContext(m, argv, io, pid));
    if (typeof started === "number") settle(started);
    else m.push({ k: "filter", name, argv, io: stageIo(io, pid), state: started.state });
    return;
  }
  const writes: [Target, string][] = [];
  const trial: CommandContext = {
    ...commandContext(m, argv, io, pid),
    out: (t) => writes.push([io.fds.out, t]),
    err: (t) => writes.push([io.fds.err, t]),
    get stdin(): string {
      throw new NeedsInput();
    },
  };
  let result: CommandResult;
  try {
    result = runTool(m, name, trial, io);
  } catch (e) {
    if (!(e instanceof NeedsInput)) throw e;
    waitForEof(m, argv, io);
    return;
  }
  for (const [target, text] of writes) m.write(target, text);
  settle(result);
}

/** The command runs again once its writer is done, with all it wrote as stdin. */
export function waitForEof(m: Machine, argv: readonly string[], io: Io & { stdinPipe: number }): void {
  m.push({ k: "stdin", want: "eof", argv: [...argv], io: stageIo(io, m.st.pid), got: "" });
}

/** `read` runs again once a whole line is there (more than the `seen` characters it found too little). */
export function waitForLine(m: Machine, argv: readonly string[], io: Io & { stdinPipe: number }, seen: number): void {
  m.push({ k: "stdin", want: "line", argv: [...argv], io: stageIo(io, m.st.pid), got: "", seen });
}

/** A command waiting on its pipe can go on: `read` reads its line; one that wants all of stdin collects what came. */
export function resumeReader(m: Machine, f: Extract<Frame, { k: "stdin" }>): void {
  const pipe = m.pipeTable().open[f.io.stdinPipe];
  if (f.want === "line") {
    m.st.frames.pop();
    run(m, f.argv, { ...ioOf(f.io), stdinPipe: f.io.stdinPipe });
    return;
  }
  if (pipe) f.got += pipeTakeAll(pipe);
  if (pipe && !pipe.closed) return;
  m.st.frames.pop();
  run(m, f.argv, ioOf(f.io, f.got));
}

/** A filter takes the lines that arrived (the rest too at the end of input). */
export function resumeFilter(m: Machine, f: Extract<Frame, { k: "filter" }>): void {
  const pipe = m.pipeTable().open[f.io.stdinPipe];
  const text = pipe ? pipeTakeLines(pipe) : "";
  const eof = !pipe || (pipe.closed && pipe.buf === "");
  const filter = FILTERS[f.name];
  const r = filter ? filter.feed(commandContext(m, f.argv, ioOf(f.io), f.io.pid), f.state, text, eof) : 0;
  if (typeof r === "number" || eof) {
    m.st.frames.pop();
    m.st.status = typeof r === "number" ? r : 0;
  } else f.state = r.state;
}
