/**
 * `kubelab shell`: a fresh simulated cluster behind the learner's shell. Interactive on a
 * terminal (prompt `controlplane:~$`, Ctrl-C interrupts, Ctrl-D leaves); with a script on
 * stdin it runs it whole, as a multi-line paste into the browser terminal would, and exits
 * with the last command's status. Time is virtual: `sleep 30` returns at once.
 */
import { createInterface } from "node:readline";
import { Workspace } from "../engine/index";

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

async function interactive(ws: Workspace): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  let status = 0;
  let buffer = "";
  let running: AbortController | undefined;
  rl.on("SIGINT", () => {
    if (running) running.abort();
    else {
      buffer = "";
      process.stdout.write("^C\n");
      rl.setPrompt(ws.prompt());
      rl.prompt();
    }
  });
  rl.setPrompt(ws.prompt());
  rl.prompt();
  for await (const line of rl) {
    buffer += (buffer ? "\n" : "") + line;
    if (ws.needsMoreInput(buffer)) {
      rl.setPrompt("> ");
      rl.prompt();
      continue;
    }
    const text = buffer;
    buffer = "";
    running = new AbortController();
    status = await ws.run(text, out, { signal: running.signal, tty: true });
    running = undefined;
    if (ws.exited()) break;
    rl.setPrompt(ws.prompt());
    rl.prompt();
  }
  rl.close();
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
