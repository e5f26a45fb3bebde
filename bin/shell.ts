/**
 * `kubelab shell`: a fresh simulated cluster behind the learner's shell. Interactive on a
 * terminal (prompt `controlplane:~$`, Ctrl-C interrupts, Ctrl-D leaves); with a script on
 * stdin it runs it whole, as a multi-line paste into the browser terminal would, and exits
 * with the last command's status. Time is virtual: `sleep 30` returns at once.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { Workspace, type Editor, type Terminal, type TerminalInput } from "../engine/index";

export interface ShellOptions {
  readonly seed: number;
  readonly start: number;
}

export function parseShellOptions(args: readonly string[], now: number): ShellOptions | string {
  let seed = 1;
  let start = Math.floor(now / 1000) * 1000;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    const value = inline ?? args[++i];
    if (flag === "--seed") {
      if (!/^\d+$/.test(value ?? "")) return `kubelab shell: --seed needs a non-negative integer, got "${value ?? ""}"`;
      seed = Number(value);
    } else if (flag === "--start") {
      const t = Date.parse(value ?? "");
      if (Number.isNaN(t)) return `kubelab shell: --start needs a time like 2026-01-27T10:00:00Z, got "${value ?? ""}"`;
      start = t;
    } else return `kubelab shell: unknown flag "${args[i]}"`;
  }
  return { seed, start };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const out = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

/**
 * Lines typed at the terminal, handed to whoever reads next: the learner's shell, or a
 * program holding the terminal (a shell inside a container) through {@link Terminal}.
 */
class TypedLines implements Terminal {
  private readonly queued: TerminalInput[] = [];
  private waiting: ((input: TerminalInput) => void) | undefined;
  private rl: Interface;
  /** a program (not the shell) is waiting for a line: Ctrl-C and Ctrl-D go to it */
  private reading = false;
  /** aborts the command running in the learner's shell */
  running: AbortController | undefined;

  constructor() {
    this.rl = this.open([]);
  }

  /**
   * readline ends itself on Ctrl-D at an empty line. For a program reading the terminal
   * that is only the end of its input: the terminal opens again, history kept.
   */
  private open(history: string[]): Interface {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000, history });
    rl.on("line", (text) => this.push({ kind: "line", text }));
    rl.on("SIGINT", () => {
      process.stdout.write("^C\n");
      if (!this.reading && this.running) this.running.abort();
      else this.push({ kind: "interrupt" });
    });
    rl.on("close", () => {
      if (this.reading) {
        this.rl = this.open((rl as unknown as { history: string[] }).history);
        process.stdout.write("\n");
      }
      this.push({ kind: "eof" });
    });
    return rl;
  }

  private push(input: TerminalInput): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(input);
    else this.queued.push(input);
  }

  next(prompt: string): Promise<TerminalInput> {
    const ready = this.queued.shift();
    if (ready) return Promise.resolve(ready);
    this.rl.setPrompt(prompt);
    this.rl.prompt();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async read(prompt: string): Promise<TerminalInput> {
    this.reading = true;
    try {
      return await this.next(prompt);
    } finally {
      this.reading = false;
    }
  }

  close(): void {
    this.rl.close();
  }

  /**
   * vi and `kubectl edit` in the CLI: the file is copied to a temporary one, $VISUAL or
   * $EDITOR (else vi) runs on this terminal, and what it saved comes back.
   */
  readonly editor: Editor = async (file) => {
    const dir = mkdtempSync(join(tmpdir(), "kubelab-edit-"));
    const path = join(dir, basename(file.path) || "buffer");
    try {
      writeFileSync(path, file.content);
      this.rl.pause();
      const [command, ...args] = (process.env.VISUAL || process.env.EDITOR || "vi").split(" ");
      const r = spawnSync(command, [...args, path], { stdio: "inherit" });
      this.rl.resume();
      return r.error || r.status !== 0 ? undefined : readFileSync(path, "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function interactive(ws: Workspace): Promise<number> {
  const lines = new TypedLines();
  let status = 0;
  let buffer = "";
  for (;;) {
    const input = await lines.next(buffer ? "> " : ws.prompt());
    if (input.kind === "eof") break;
    if (input.kind === "interrupt") {
      buffer = "";
      continue;
    }
    buffer += (buffer ? "\n" : "") + input.text;
    if (ws.needsMoreInput(buffer)) continue;
    const text = buffer;
    buffer = "";
    lines.running = new AbortController();
    status = await ws.run(text, out, { signal: lines.running.signal, tty: true, terminal: lines, editor: lines.editor });
    lines.running = undefined;
    if (ws.exited()) break;
  }
  lines.close();
  return status;
}

export async function shellCommand(args: readonly string[]): Promise<number> {
  const opts = parseShellOptions(args, Date.now());
  if (typeof opts === "string") {
    process.stderr.write(opts + "\n");
    return 2;
  }
  const ws = Workspace.create({ startTime: opts.start, seed: opts.seed });
  if (process.stdin.isTTY) return interactive(ws);
  return ws.run(await readAll(process.stdin), out, { tty: process.stdout.isTTY === true });
}
