import { parse, type AndOr, type CommandNode, type ParsedScript, type Pipeline, type PipelineNode, type Script, type Statement } from "unbash";
import { execCompound } from "./compound";
import { Capture, Input, type Io } from "./io";
import type { RunLimits } from "./limits";
import type { ShellHost } from "./shell";
import { CONTROL_PLANE, HOME, type ShellState } from "./shell-state";
import { execSimple } from "./simple-command";
import { syntaxErrorMessage } from "./syntax-error";
import type { Vfs } from "./vfs";
import type { Editor } from "./terminal";

/** The streams of the code being run, and the source text its AST positions point into. */
export interface Ctx {
  io: Io;
  src: string;
}

/** Control flow waiting to unwind: a pending break/continue/return/exit, or an abort of the whole run. */
export type Flow = { kind: "break" | "continue"; levels: number } | { kind: "return" } | { kind: "exit" } | { kind: "abort" };

interface Frame {
  positional: string[];
  /** Values that `local` shadowed, restored when the function returns. */
  saved: Map<string, { value: string | undefined; array: string[] | undefined }>;
  kind: "function" | "source" | "top";
  /** `$0` inside a script run as a command. */
  arg0?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Executes unbash ASTs against a ShellState. One Interp lives for one `run`; the Shell copies
 * its state back afterwards. Flow control unwinds through `flow` rather than exceptions.
 */
export class Interp {
  flow: Flow | undefined;
  loops = 0;
  depth = 0;
  /** Status of the last `$(...)`, which an assignment-only command returns. */
  substStatus: number | undefined;
  /** Set when `exit` left the login shell on the control plane. */
  loggedOut = false;
  /** How many subshells (`( )`, pipes, substitutions) enclose the code running now. */
  subshells = 0;
  private frames: Frame[] = [{ positional: [], saved: new Map(), kind: "top" }];
  private procFiles = 0;
  /** Files written for `<(...)` and not yet removed, with the host they are on. */
  private readonly procPaths: { host: string; path: string }[] = [];
  private readonly parseCache = new Map<string, ParsedScript>();

  constructor(
    public st: ShellState,
    readonly host: ShellHost,
    readonly limits: RunLimits,
    readonly userSignal: AbortSignal | undefined,
    /** the terminal's editor for this run (vi, kubectl edit) */
    readonly editor?: Editor,
  ) {}

  // ---- variables -------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    if (name === "PWD") return this.cwd();
    if (Object.prototype.hasOwnProperty.call(this.st.vars, name)) return this.st.vars[name];
    return this.getArray(name)?.[0];
  }

  getArray(name: string): string[] | undefined {
    return Object.prototype.hasOwnProperty.call(this.st.arrays, name) ? this.st.arrays[name] : undefined;
  }

  /** `a=(x y)`; the name stops being a plain variable. */
  setArray(name: string, values: string[]): string | undefined {
    if (!NAME.test(name)) return `bash: \`${name}': not a valid identifier`;
    delete this.st.vars[name];
    this.st.arrays[name] = values;
    return undefined;
  }

  /** `a[i]=x`; a plain variable becomes element 0 of a new array. */
  setElement(name: string, index: number, value: string): string | undefined {
    if (index < 0) return `bash: ${name}[${index}]: bad array subscript`;
    if (index > 100_000) return `bash: ${name}[${index}]: array subscript too large for this shell`;
    const arr = this.getArray(name) ?? (this.st.vars[name] !== undefined ? [this.st.vars[name]] : []);
    while (arr.length < index) arr.push("");
    arr[index] = value;
    return this.setArray(name, arr);
  }

  /** Sets a variable; returns bash's error text when the value is over the size cap or the name is invalid. */
  setVar(name: string, value: string): string | undefined {
    if (!NAME.test(name)) return `bash: \`${name}': not a valid identifier`;
    if (value.length > this.limits.max.variable) {
      this.limits.trip(`bash: ${name}: value too large (more than ${this.limits.max.variable} bytes)`);
      this.flow = { kind: "abort" };
      return undefined;
    }
    if (name === "PWD") this.st.cwd[this.st.host] = value;
    const arr = this.getArray(name);
    if (arr) arr[0] = value;
    else this.st.vars[name] = value;
    return undefined;
  }

  unsetVar(name: string): void {
    delete this.st.vars[name];
    delete this.st.arrays[name];
    this.st.exported = this.st.exported.filter((n) => n !== name);
  }

  exportVar(name: string): void {
    if (!this.st.exported.includes(name)) this.st.exported.push(name);
  }

  unexportVar(name: string): void {
    this.st.exported = this.st.exported.filter((n) => n !== name);
  }

  /** Declares `name` local to the innermost function call. */
  makeLocal(name: string): boolean {
    const frame = this.frames[this.frames.length - 1];
    if (frame.kind !== "function") return false;
    if (!frame.saved.has(name)) {
      const array = this.getArray(name);
      frame.saved.set(name, { value: this.st.vars[name], array: array ? [...array] : undefined });
    }
    return true;
  }

  /** Variables passed to programs: the exported ones, PWD current. */
  environment(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const n of this.st.exported) {
      const v = this.getVar(n);
      if (v !== undefined) env[n] = v;
    }
    return { ...env, ...extra };
  }

  /** `$name` including the special parameters. */
  param(name: string): string | undefined {
    const frame = this.frames[this.frames.length - 1];
    switch (name) {
      case "?":
        return String(this.st.status);
      case "#":
        return String(frame.positional.length);
      case "@":
      case "*":
        return frame.positional.join(" ");
      case "$":
        return "1";
      case "!":
        return "";
      case "-":
        return "himBHs";
      case "0":
        return [...this.frames].reverse().find((f) => f.arg0 !== undefined)?.arg0 ?? "bash";
    }
    if (/^[1-9][0-9]*$/.test(name)) return frame.positional[Number(name) - 1];
    return this.getVar(name);
  }

  positional(): string[] {
    return this.frames[this.frames.length - 1].positional;
  }

  setPositional(args: string[]): void {
    this.frames[this.frames.length - 1].positional = args;
  }

  // ---- location --------------------------------------------------------------------------

  cwd(): string {
    return this.st.cwd[this.st.host] ?? HOME;
  }

  setCwd(path: string): void {
    const old = this.cwd();
    this.st.cwd[this.st.host] = path;
    this.st.vars.OLDPWD = old;
    this.st.vars.PWD = path;
  }

  home(): string {
    return this.getVar("HOME") ?? HOME;
  }

  /** The current host's file system; an empty one stands in if the host vanished. */
  fs(): Vfs {
    const fs = this.host.fs(this.st.host) ?? this.host.fs(CONTROL_PLANE);
    if (!fs) throw new Error(`no file system for host ${this.st.host}`);
    return fs;
  }

  /** Writes `<(...)` output to a fresh /dev/fd path; the simple command removes it when done. */
  newProcFile(content: string): string {
    const path = `/dev/fd/${63 - (this.procFiles++ % 40)}`;
    const fs = this.fs();
    fs.mkdir("/dev/fd", { parents: true });
    fs.writeFile(path, content);
    this.procPaths.push({ host: this.st.host, path });
    return path;
  }

  /** Removes the `<(...)` files once the command that reads them is done (at top level only). */
  removeProcFiles(force = false): void {
    if ((this.depth > 0 && !force) || this.procPaths.length === 0) return;
    for (const { host, path } of this.procPaths.splice(0)) {
      const fs = this.host.fs(host);
      fs?.remove(path);
      const left = fs?.readdir("/dev/fd");
      if (Array.isArray(left) && left.length === 0) fs?.remove("/dev/fd", { recursive: true });
    }
  }

  // ---- running ---------------------------------------------------------------------------

  parseCached(text: string): ParsedScript {
    let script = this.parseCache.get(text);
    if (!script) {
      script = parse(text);
      this.parseCache.set(text, script);
    }
    return script;
  }

  /**
   * Parses and runs text (a command line, a sourced file, `eval`). On a syntax error, statements that
   * end before the offending line still run, as when bash reads a paste line by line.
   */
  async runText(text: string, io: Io, name = "bash"): Promise<number> {
    const script = parse(text);
    const error = script.errors?.[0];
    if (!error) return this.execStatements(script.commands, { io, src: script.source ?? text });
    const lineStart = text.lastIndexOf("\n", error.pos - 1) + 1;
    const before = script.commands.filter((s) => s.end <= lineStart);
    let status = await this.execStatements(before, { io, src: text });
    if (this.flow) return status;
    io.stderr.write(syntaxErrorMessage(error, text, name) + "\n");
    status = 2;
    return status;
  }

  async execStatements(stmts: readonly Statement[], ctx: Ctx): Promise<number> {
    let status = this.st.status;
    for (const stmt of stmts) {
      if (this.flow) break;
      if (this.userSignal?.aborted) {
        this.flow = { kind: "abort" };
        return 130;
      }
      status = await this.execNode(stmt.command, ctx);
      this.st.status = status;
    }
    return status;
  }

  async execNode(node: PipelineNode | AndOr, ctx: Ctx): Promise<number> {
    if (node.type === "AndOr") return this.execAndOr(node, ctx);
    if (node.type === "Pipeline") return this.execPipeline(node, ctx);
    return this.execCommand(node, ctx);
  }

  private async execAndOr(node: AndOr, ctx: Ctx): Promise<number> {
    let status = await this.execNode(node.commands[0], ctx);
    for (let i = 0; i < node.operators.length && !this.flow; i++) {
      this.st.status = status;
      const run = node.operators[i] === "&&" ? status === 0 : status !== 0;
      if (run) status = await this.execNode(node.commands[i + 1], ctx);
    }
    return status;
  }

  private async execPipeline(p: Pipeline, ctx: Ctx): Promise<number> {
    const negate = p.prefixes.filter((x) => x.type === "Negation").length % 2 === 1;
    const timed = p.prefixes.some((x) => x.type === "Time");
    const started = this.host.now();
    let status: number;
    if (p.commands.length === 1) status = await this.execCommand(p.commands[0], ctx);
    else {
      let stdin = ctx.io.stdin;
      status = 0;
      for (let i = 0; i < p.commands.length && !this.flow; i++) {
        const last = i === p.commands.length - 1;
        const capture = new Capture();
        const stdout = last ? ctx.io.stdout : this.limits.counted(capture, false);
        const stderr = p.operators[i] === "|&" ? stdout : ctx.io.stderr;
        const io: Io = { stdin, stdout, stderr, tty: last && ctx.io.tty };
        status = await this.subshell(() => this.execCommand(p.commands[i], { ...ctx, io }));
        stdin = new Input(capture.text());
      }
    }
    if (timed) ctx.io.stderr.write(timeReport(this.host.now() - started));
    return negate ? (status === 0 ? 1 : 0) : status;
  }

  async execCommand(node: CommandNode, ctx: Ctx): Promise<number> {
    if (node.type === "Command") return execSimple(this, node, ctx);
    return execCompound(this, node, ctx);
  }

  /** Runs `fn` with the shell state saved, as bash forks for `( )`, pipes and substitutions. */
  async subshell(fn: () => Promise<number>): Promise<number> {
    const saved = copyState(this.st);
    const frames = this.frames.map((f) => ({ ...f, positional: [...f.positional], saved: new Map(f.saved) }));
    const loops = this.loops;
    this.loops = 0;
    this.subshells++;
    const status = await fn();
    this.subshells--;
    if (this.flow?.kind !== "abort") this.flow = undefined;
    this.st = saved;
    this.frames = frames;
    this.loops = loops;
    return status;
  }

  /** Runs `$(...)`: a subshell whose stdout is captured. */
  async captureOutput(script: Script | undefined, ctx: Ctx): Promise<{ out: string; status: number }> {
    const capture = new Capture();
    if (!script) return { out: "", status: 0 };
    if (!this.enter()) return { out: "", status: 1 };
    const io: Io = { stdin: Input.empty(), stdout: this.limits.counted(capture, false), stderr: ctx.io.stderr, tty: false };
    const status = await this.subshell(() => this.execStatements(script.commands, { io, src: script.source ?? ctx.src }));
    this.leave();
    return { out: capture.text(), status };
  }

  /** Counts one level of nesting (function, source, eval, substitution); false and an abort past the cap. */
  enter(): boolean {
    if (this.depth >= this.limits.max.depth) {
      this.limits.trip(`bash: maximum nesting level exceeded (${this.limits.max.depth})`);
      this.flow = { kind: "abort" };
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /** Runs a function body or sourced script with its own positional parameters. */
  async withFrame(kind: "function" | "source", positional: string[] | undefined, fn: () => Promise<number>, arg0?: string): Promise<number> {
    if (!this.enter()) return 1;
    const frame: Frame = { positional: positional ?? this.positional(), saved: new Map(), kind, arg0 };
    this.frames.push(frame);
    let status = await fn();
    this.frames.pop();
    if (positional === undefined) this.setPositional(frame.positional);
    for (const [name, { value, array }] of frame.saved) {
      if (value === undefined) delete this.st.vars[name];
      else this.st.vars[name] = value;
      if (array === undefined) delete this.st.arrays[name];
      else this.st.arrays[name] = array;
    }
    if (this.flow?.kind === "return") {
      this.flow = undefined;
      status = this.st.status;
    }
    this.leave();
    return status;
  }

  inFunctionOrSource(): boolean {
    return this.frames.length > 1;
  }
}

function copyState(st: ShellState): ShellState {
  return {
    ...st,
    sshStack: [...st.sshStack],
    cwd: { ...st.cwd },
    vars: { ...st.vars },
    arrays: Object.fromEntries(Object.entries(st.arrays).map(([k, v]) => [k, [...v]])),
    exported: [...st.exported],
    aliases: { ...st.aliases },
    functions: { ...st.functions },
    history: [...st.history],
  };
}

function timeReport(ms: number): string {
  const m = Math.floor(ms / 60000);
  const s = ((ms % 60000) / 1000).toFixed(3);
  return `\nreal\t${m}m${s}s\nuser\t0m0.000s\nsys\t0m0.000s\n`;
}
