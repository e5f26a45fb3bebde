/**
 * The resumable shell: executes a ProcState's frames until the process blocks (sleep, a
 * daemon in the foreground, `tail -f` until its next look, a pipeline whose stages all
 * wait), exits, or spends its step budget. In "instant" mode (exec, probes, `$(...)`)
 * waiting takes no real time: the clock jumps over it. A pipeline's stages are processes
 * of their own inside a frame, stepped in time order by pipeline.ts.
 */
import type { CompoundList, ParsedScript, Script } from "unbash";
import type { FileSystem } from "../fs/container-fs";
import type { Program, DaemonContext } from "../programs/program";
import type { SystemHost } from "./command";
import type { ImageView } from "./executables";
import type { ExpandEnv } from "./expand";
import { nextPoll, pollFollow } from "./commands/tail-follow";
import { pipeWrite } from "./pipes";
import { runPipeline, stageReady, timeReport } from "./pipeline";
import { forkState, type Fds, type Frame, type NodeRef, type PipeTable, type ProcState, type SavedScope, type ShellFlavour, type TailFollow, type Target } from "./process-state";
import { runTrap } from "./signals";
import { shellError, syntaxError, type Where } from "./shell-messages";
import { runArgv } from "./simple-command";
import { resumeFilter, resumeReader } from "./stage-io";
import { arithmeticFor, background, pushNode } from "./nodes";

export interface MachineHost {
  readonly fs: FileSystem;
  readonly sys: SystemHost;
  readonly image: ImageView;
  parse(text: string): ParsedScript;
  /** a line of output for the container log, written at virtual time `at` */
  log(stream: "stdout" | "stderr", text: string, at: number): void;
  /** a background shell (`while ...; done &`) becomes a process of its own */
  spawn(proc: ProcState): void;
  program(id: string): Program | undefined;
  daemonContext(now: number): DaemonContext;
}

/** `yield`: a pipeline stage wrote to a pipe, so its reader may run first (only stages yield, to their pipeline). */
export type RunOutcome = { readonly kind: "exited"; readonly code: number } | { readonly kind: "blocked"; readonly until: number | null } | { readonly kind: "budget" } | { readonly kind: "yield" };

/** Where stdin comes from: text a redirection or the caller left (in a frame), or a pipeline pipe. */
export type StdinSource = { readonly text: string } | { readonly pipe: number };

/** Steps without the clock moving before a process counts as spinning (an endless loop with no sleep). */
export const STEP_BUDGET = 10_000;
/** The same for exec, probes and `$(...)`, which must finish at once and may loop over more work. */
export const INSTANT_BUDGET = 200_000;
/** Steps of one run in all, so a loop of tiny sleeps over a long advance stays cheap. */
export const STEP_CAP = 2_000_000;
const CAPTURE_LIMIT = 1024 * 1024;

class Unwind {
  constructor(readonly kind: "exit" | "return" | "break" | "continue", readonly count: number) {}
}

export class Machine implements ExpandEnv {
  readonly captured = { stdout: "", stderr: "" };
  /** virtual ms an instant run spent waiting */
  elapsed = 0;
  /** an instant run met a wait that never ends */
  hung = false;
  /** a pipe this process wrote to since it last yielded */
  wrote: number | undefined;
  /** a pipe it filled past its capacity: it waits for room */
  private full: number | undefined;
  /** it wrote to a pipe nobody reads any more: SIGPIPE kills it */
  private sigpipe = false;

  /** The process at the root of this one's tree: what it captures, a stage captures for it. */
  private readonly root: Machine;

  /** `parent`: the machine running this pipeline stage (see pipeline.ts); a root process has none. */
  constructor(
    readonly st: ProcState,
    readonly host: MachineHost,
    readonly mode: "resume" | "instant",
    private readonly parent?: Machine,
  ) {
    this.root = parent ? parent.root : this;
  }

  /** Whether the root of this tree runs instantly (exec, a probe, `$(...)`), so its stages do too. */
  get isInstantTree(): boolean {
    return this.root.mode === "instant";
  }

  /** Whether this is a pipeline stage, run by its pipeline rather than by the runtime. */
  get isStage(): boolean {
    return this.parent !== undefined;
  }

  /** The pipe table of this process tree (kept by the root, made when it first runs a pipeline). */
  pipeTable(): PipeTable {
    return this.root.st.pipeTable ??= { next: 1, open: {} };
  }

  /**
   * Runs until the process exits, blocks past `until`, or spins: `budget` steps without
   * its clock moving (an endless loop with no sleep), or `cap` steps in all.
   */
  run(until: number, budget = this.mode === "instant" ? INSTANT_BUDGET : STEP_BUDGET, cap = STEP_CAP): RunOutcome {
    let steps = 0;
    let total = 0;
    while (this.st.exitCode === undefined) {
      if (this.sigpipe) {
        this.finish(141);
        break;
      }
      if (this.full !== undefined) {
        this.push({ k: "drain", pipe: this.full });
        this.full = undefined;
      }
      if (this.wrote !== undefined) {
        if (this.isStage) return { kind: "yield" };
        this.wrote = undefined;
      }
      if (this.st.frames.length === 0) {
        this.finish(this.st.status);
        break;
      }
      if (steps++ >= budget || total++ >= cap) {
        if (this.mode === "instant" && this.interruptToInput()) {
          steps = total = 0;
          continue;
        }
        return { kind: "budget" };
      }
      const top = this.st.frames[this.st.frames.length - 1];
      if (this.st.pendingTrap !== undefined && top.k !== "block" && top.k !== "pipeline") runTrap(this);
      else if (top.k === "pipeline") {
        const r = runPipeline(this, top, this.mode === "instant" ? Number.MAX_SAFE_INTEGER : until);
        if (r.clock > this.st.clock) {
          if (this.mode === "instant") this.elapsed += r.clock - this.st.clock;
          this.st.clock = r.clock;
          steps = 0;
        }
        if (r.kind === "done") {
          this.st.frames.pop();
          this.st.status = top.negate ? (r.code === 0 ? 1 : 0) : r.code;
        } else if (r.kind === "yield") return r;
        else if (r.kind === "budget") {
          if (this.mode === "instant" && this.interruptToInput()) continue;
          return r;
        } else if (this.mode === "instant") {
          if (this.interruptToInput()) continue;
          this.hung = true;
          this.finish(137);
          break;
        } else return { kind: "blocked", until: r.until };
      } else if ((top.k === "stdin" || top.k === "filter" || top.k === "drain") && !stageReady(this.pipeTable(), top)) {
        return { kind: "blocked", until: null };
      } else if (top.k === "block") {
        if (top.input) return { kind: "blocked", until: null };
        const end = this.blockEnd(top);
        if (this.mode === "instant") {
          if (end === null || top.follow) {
            if (this.interruptToInput()) continue;
            this.hung = true;
            this.finish(137);
            break;
          }
          this.elapsed += Math.max(0, end - this.st.clock);
        } else if (end === null || end > until) return { kind: "blocked", until: end };
        if (end > this.st.clock) steps = 0;
        this.st.clock = Math.max(this.st.clock, end);
        if (top.follow) this.follow(top, top.follow);
        else this.completeBlock(top);
      } else {
        try {
          this.visit(top);
        } catch (e) {
          if (!(e instanceof Unwind)) throw e;
          this.unwind(e);
        }
      }
    }
    return { kind: "exited", code: this.st.exitCode ?? this.st.status };
  }

  /**
   * An interactive shell's command that would wait forever or spin (`sleep infinity`, an
   * endless loop) is cut off as Ctrl-C would cut it: the shell is back at its prompt.
   */
  private interruptToInput(): boolean {
    const frames = this.st.frames;
    const at = frames.findLastIndex((f) => f.k === "block" && f.input === true);
    if (at < 0) return false;
    while (frames.length > at + 1) {
      const f = frames.pop();
      if (f?.k === "scope") this.closeScope(f);
      if (f?.k === "pipeline") for (const id of f.pipes) delete this.pipeTable().open[id];
    }
    this.hung = true;
    this.st.status = 130;
    return true;
  }

  private blockEnd(f: Extract<Frame, { k: "block" }>): number | null {
    if (f.daemon === undefined) return f.until;
    return this.st.daemons.find((d) => d.pid === f.daemon)?.stopAt ?? null;
  }

  private completeBlock(f: Extract<Frame, { k: "block" }>): void {
    this.st.frames.pop();
    if (f.daemon === undefined) {
      this.st.status = f.code;
      return;
    }
    const d = this.st.daemons.find((x) => x.pid === f.daemon);
    this.st.daemons = this.st.daemons.filter((x) => x.pid !== f.daemon);
    this.st.status = d?.stopCode ?? f.code;
    if (d && d.data.stopping !== "1") this.host.program(d.program)?.exited?.(d, this.host.daemonContext(this.st.clock));
  }

  /** `tail -f` wakes: it prints what its files gained, then waits for its next look, or ends when GNU tail gives up. */
  private follow(f: Extract<Frame, { k: "block" }>, tail: TailFollow): void {
    const fds = f.fds ?? this.fds();
    const code = pollFollow(tail, this.host.fs, { out: (t) => this.write(fds.out, t), err: (t) => this.write(fds.err, t) });
    this.st.frames.pop();
    if (code !== undefined) this.st.status = code;
    else this.push({ ...f, until: nextPoll(tail, this.st.clock) });
  }

  private finish(code: number): void {
    this.st.exitCode = code;
    this.st.frames = [];
  }

  // ---- nodes and frames ----

  nodeAt(ref: NodeRef): unknown {
    let node: unknown = this.host.parse(this.st.scripts[ref.s]);
    for (const key of ref.p) node = (node as Record<string | number, unknown>)[key];
    return node;
  }

  /** Adds a script (or finds it) and returns its index, so frames can name its nodes. */
  addScript(text: string): number {
    const i = this.st.scripts.indexOf(text);
    if (i >= 0) return i;
    this.st.scripts.push(text);
    return this.st.scripts.length - 1;
  }

  push(f: Frame): void {
    this.st.frames.push(f);
  }

  /** Starts `text` as a script in this process: a syntax error prints and sets status 2. */
  pushScript(text: string, scope?: Frame): boolean {
    const parsed = this.host.parse(text);
    if (parsed.errors?.length) {
      this.err(syntaxError(this.where(), parsed.errors[0].message.replace(/^Parse error: /i, "")));
      this.st.status = 2;
      return false;
    }
    if (scope) this.push(scope);
    this.push({ k: "list", n: { s: this.addScript(text), p: [] }, i: 0 });
    return true;
  }

  child(ref: NodeRef, ...keys: (string | number)[]): NodeRef {
    return { s: ref.s, p: [...ref.p, ...keys] };
  }

  private visit(f: Frame): void {
    const st = this.st;
    switch (f.k) {
      case "list": {
        const node = this.nodeAt(f.n) as Script | CompoundList;
        if (f.i >= node.commands.length) {
          st.frames.pop();
          return;
        }
        const i = f.i++;
        const ref = this.child(f.n, "commands", i, "command");
        if (node.commands[i].background) background(this, ref);
        else this.pushNode(ref);
        return;
      }
      case "andor": {
        const node = this.nodeAt(f.n) as { commands: unknown[]; operators: string[] };
        if (f.i === 0) {
          f.i = 1;
          this.pushNode(this.child(f.n, "commands", 0));
          return;
        }
        while (f.i < node.commands.length) {
          const op = node.operators[f.i - 1];
          const i = f.i++;
          if ((op === "&&") === (st.status === 0)) {
            this.pushNode(this.child(f.n, "commands", i));
            return;
          }
        }
        st.frames.pop();
        return;
      }
      case "not":
        st.frames.pop();
        st.status = st.status === 0 ? 1 : 0;
        return;
      case "loop": {
        if (f.phase === "body") {
          f.last = st.status;
          f.phase = "cond";
          this.push({ k: "list", n: this.child(f.n, "clause"), i: 0 });
          return;
        }
        const node = this.nodeAt(f.n) as { kind: "while" | "until" };
        if ((st.status === 0) !== (node.kind === "until")) {
          f.phase = "body";
          this.push({ k: "list", n: this.child(f.n, "body"), i: 0 });
        } else {
          st.frames.pop();
          st.status = f.last;
        }
        return;
      }
      case "for":
        if (f.i > 0) f.last = st.status;
        if (f.i >= f.items.length) {
          st.frames.pop();
          st.status = f.last;
          return;
        }
        this.setVar(f.name, f.items[f.i++]);
        this.push({ k: "list", n: this.child(f.n, "body"), i: 0 });
        return;
      case "if":
        this.visitIf(f);
        return;
      case "cfor":
        arithmeticFor(this, f);
        return;
      case "scope":
        st.frames.pop();
        this.closeScope(f);
        return;
      case "argv":
        st.frames.pop();
        runArgv(this, f.argv);
        return;
      case "run":
        st.frames.pop();
        this.pushNode(f.n);
        return;
      case "stdin":
        resumeReader(this, f);
        return;
      case "filter":
        resumeFilter(this, f);
        return;
      case "drain":
        st.frames.pop();
        return;
      case "timed":
        st.frames.pop();
        this.err(timeReport(f, st.clock - f.start, st.status));
        return;
      case "block":
      case "pipeline":
        return;
    }
  }

  private visitIf(f: Extract<Frame, { k: "if" }>): void {
    const st = this.st;
    if (f.done) {
      st.frames.pop();
      return;
    }
    const node = this.nodeAt(f.n) as { elif: unknown[]; else?: unknown };
    const branchRef = (b: number, part: "clause" | "then"): NodeRef => (b === 0 ? this.child(f.n, part) : this.child(f.n, "elif", b - 1, part));
    if (st.status === 0) {
      f.done = true;
      this.push({ k: "list", n: branchRef(f.branch, "then"), i: 0 });
      return;
    }
    f.branch++;
    if (f.branch <= node.elif.length) {
      this.push({ k: "list", n: branchRef(f.branch, "clause"), i: 0 });
      return;
    }
    f.done = true;
    if (node.else) this.push({ k: "list", n: this.child(f.n, "else"), i: 0 });
    else {
      st.frames.pop();
      st.status = 0;
    }
  }

  private closeScope(f: Extract<Frame, { k: "scope" }>): void {
    if (f.saved) this.restore(f.saved);
    if (f.positional) this.st.positional = [...f.positional];
  }

  save(): SavedScope {
    return { vars: { ...this.st.vars }, exported: [...this.st.exported], positional: [...this.st.positional], cwd: this.st.cwd };
  }

  private restore(s: SavedScope): void {
    this.st.vars = { ...s.vars };
    this.st.exported = [...s.exported];
    this.st.positional = [...s.positional];
    this.st.cwd = s.cwd;
  }

  /** Executes or schedules the node at `ref` (see nodes.ts). */
  pushNode(ref: NodeRef): void {
    pushNode(this, ref);
  }

  /**
   * This shell's state copied for a process of its own (`cmd &`), starting with `frames`.
   * It is a root of its own: a pipe of this tree it would write to reaches nobody.
   */
  childState(pid: number, fds: Fds, frames: Frame[]): ProcState {
    const unpiped = (t: Target): Target => (t.kind === "pipe" ? { kind: "null" } : t);
    return forkState(this.st, { pid, frames, fds: { out: unpiped(fds.out), err: unpiped(fds.err) } });
  }

  /** A pipeline stage: a subshell of this one (its variables, functions, and the shell its messages name), starting with `frames`. */
  stageState(pid: number, fds: Fds, frames: Frame[], stdinPipe: number | undefined): ProcState {
    const where = this.where();
    return forkState(this.st, { pid, frames, fds, traps: {}, flavour: where.flavour, arg0: where.name, stdinOpen: undefined, stdinPipe });
  }

  /** A child shell for `$(...)`: a copy of this one whose output is captured. */
  fork(stdin: string): Machine {
    const fds: Fds = { out: { kind: "capture", stream: "stdout" }, err: { kind: "capture", stream: "stderr" } };
    const m = new Machine(forkState(this.st, { pid: this.st.pid, frames: [], fds, traps: {}, tty: undefined, stdinOpen: undefined }), this.host, "instant");
    if (stdin) m.push({ k: "scope", kind: "redirect", stdin });
    return m;
  }

  substitute(script: Script | undefined, text: string): string {
    if (!script) return "";
    const sub = this.fork("");
    const inner = text.startsWith("$(") ? text.slice(2, -1) : text.startsWith("`") ? text.slice(1, -1) : text;
    sub.pushScript(inner);
    sub.run(Number.MAX_SAFE_INTEGER);
    this.err(sub.captured.stderr);
    this.st.clock += sub.elapsed;
    this.st.status = sub.st.exitCode ?? sub.st.status;
    return sub.captured.stdout;
  }

  // ---- unwinding: exit, return, break, continue ----

  throwUnwind(kind: "exit" | "return" | "break" | "continue", count: number): never {
    throw new Unwind(kind, count);
  }

  private unwind(u: Unwind): void {
    const frames = this.st.frames;
    let loops = u.count;
    while (frames.length) {
      const f = frames[frames.length - 1];
      if (u.kind === "exit" && f.k === "scope" && f.kind === "subshell") {
        frames.pop();
        this.closeScope(f);
        return;
      }
      if (u.kind === "return" && f.k === "scope" && f.kind === "call") {
        frames.pop();
        this.closeScope(f);
        return;
      }
      if ((u.kind === "break" || u.kind === "continue") && (f.k === "loop" || f.k === "for" || f.k === "cfor")) {
        if (--loops <= 0) {
          if (u.kind === "break") {
            frames.pop();
            this.st.status = 0;
          } else if (f.k === "loop") f.phase = "body";
          return;
        }
      }
      if ((u.kind === "break" || u.kind === "continue") && f.k === "scope" && (f.kind === "call" || f.kind === "subshell")) return;
      frames.pop();
      if (f.k === "scope") this.closeScope(f);
    }
    if (u.kind === "exit" || u.kind === "return") this.finish(this.st.status);
  }

  // ---- output, variables, expansion ----

  fds(): Fds {
    for (let i = this.st.frames.length - 1; i >= 0; i--) {
      const f = this.st.frames[i];
      if (f.k === "scope" && f.fds) return f.fds;
    }
    return this.st.fds;
  }

  /** What stdin is now: the text the innermost redirection or caller left, else the stage's pipe, else nothing. */
  stdinSource(): StdinSource {
    for (let i = this.st.frames.length - 1; i >= 0; i--) {
      const f = this.st.frames[i];
      if (f.k === "scope" && f.stdin !== undefined) return { text: f.stdin };
    }
    return this.st.stdinPipe !== undefined ? { pipe: this.st.stdinPipe } : { text: "" };
  }

  /** `read` consumed part of stdin: the rest stays for the next reader. */
  consumeStdin(rest: string): void {
    for (let i = this.st.frames.length - 1; i >= 0; i--) {
      const f = this.st.frames[i];
      if (f.k === "scope" && f.stdin !== undefined) {
        f.stdin = rest;
        return;
      }
    }
  }

  write(target: Target, text: string): void {
    if (text === "") return;
    switch (target.kind) {
      case "log":
        this.host.log(target.stream, text, this.st.clock);
        return;
      case "file":
        this.host.fs.write(target.path, text, true);
        return;
      case "capture": {
        const captured = this.root.captured;
        if (captured[target.stream].length < CAPTURE_LIMIT) captured[target.stream] += text;
        return;
      }
      case "null":
        return;
      case "pipe": {
        const pipe = this.pipeTable().open[target.id];
        if (!pipe) return;
        const r = pipeWrite(pipe, text, this.st.clock);
        if (r === "broken") this.sigpipe = true;
        else {
          this.wrote = target.id;
          if (r === "full") this.full = target.id;
        }
        return;
      }
    }
  }

  out(text: string): void {
    this.write(this.fds().out, text);
  }

  err(text: string): void {
    this.write(this.fds().err, text);
  }

  setVar(name: string, value: string): void {
    this.st.vars[name] = value;
  }

  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of this.st.exported) if (k in this.st.vars) out[k] = this.st.vars[k];
    return out;
  }

  /** The shell a message comes from: its flavour, its $0 and the line of `ref`. */
  where(ref?: NodeRef): Where {
    let flavour: ShellFlavour = this.st.flavour;
    let name = this.st.arg0;
    for (let i = this.st.frames.length - 1; i >= 0; i--) {
      const f = this.st.frames[i];
      if (f.k === "scope" && f.shell) {
        flavour = f.shell.flavour;
        name = f.shell.name;
        break;
      }
    }
    let line = 1;
    if (ref) {
      const pos = (this.nodeAt(ref) as { pos?: number }).pos ?? 0;
      line = this.st.scripts[ref.s].slice(0, pos).split("\n").length;
    }
    return { flavour, name, line };
  }

  /** The machine is its own expansion environment (no per-command closures: this is the hot path). */
  expandEnv(): ExpandEnv {
    return this;
  }

  get(name: string): string | undefined {
    return this.param(name);
  }

  set(name: string, value: string): void {
    this.setVar(name, value);
  }

  positional(): readonly string[] {
    return this.st.positional;
  }

  get fs(): FileSystem {
    return this.host.fs;
  }

  get cwd(): string {
    return this.st.cwd;
  }

  fail(message: string): never {
    this.err(shellError(this.where(), message));
    this.st.status = 1;
    throw new ExpansionFailed();
  }

  param(name: string): string | undefined {
    const st = this.st;
    switch (name) {
      case "?":
        return String(st.status);
      case "$":
        return String(st.pid);
      case "!":
        return st.lastBackgroundPid ? String(st.lastBackgroundPid) : "";
      case "#":
        return String(st.positional.length);
      case "0":
        return this.where().name;
      case "-":
        return "";
      default:
        if (/^[1-9]\d*$/.test(name)) return st.positional[Number(name) - 1];
        return st.vars[name];
    }
  }
}

/** `${x:?}` and bad substitutions abandon the command. */
export class ExpansionFailed {}
