/**
 * systemd starting a unit's main process (src/core/execute.c, exec-invoke.c): the
 * environment from Environment= and EnvironmentFile= read at that moment, the command
 * line expanded in it, the binary looked up, and then the program's own first second
 * (the kubelet's in kubelet-process.ts; containerd always comes up).
 */
import type { Vfs } from "../shell/vfs";
import type { ProcessLine } from "./journal";
import type { ProcessOutcome } from "./kubelet-process";
import { kubeletOutcome } from "./kubelet-process";
import type { UnitConfig } from "./unit-file";
import { expandCommand, parseEnvFile } from "./unit-file";


export interface SpawnContext {
  readonly fs: Vfs;
  readonly host: string;
  readonly version: string;
  readonly runtimeUp: boolean;
}

export interface Spawned {
  /** the ExecStart= line without its prefix, as `Process:` shows it */
  readonly command: string;
  readonly argv: readonly string[];
  readonly outcome: ProcessOutcome;
}

/** The name of the forked process before exec: `(kubelet)`, at most 15 characters as the kernel keeps it. */
export function forkComm(path: string): string {
  return `(${path.split("/").pop() ?? path})`.slice(0, 15);
}

/** Why exec(2) of `path` fails, in strerror's words, or undefined when it would run. */
function execError(fs: Vfs, path: string): string | undefined {
  const st = fs.stat(path);
  if (!st) return "No such file or directory";
  if (st.type === "dir" || (st.mode & 0o111) === 0) return "Permission denied";
  return undefined;
}

function environment(config: UnitConfig, fs: Vfs): Map<string, string> {
  const env = new Map<string, string>(config.environment);
  for (const f of config.environmentFiles) {
    const text = fs.readFile(f.path);
    if (text !== undefined) for (const [k, v] of parseEnvFile(text)) env.set(k, v);
  }
  return env;
}

const CONTAINERD_LINES: readonly ProcessLine[] = [
  { offsetMs: 18, ident: "containerd", text: 'time="{time}" level=info msg="starting containerd" revision=75cb2b7193e4e490e9fbdc236c0e811ccaba3376 version=v2.1.4' },
  { offsetMs: 61, ident: "containerd", text: 'time="{time}" level=info msg=serving... address=/run/containerd/containerd.sock' },
  { offsetMs: 62, ident: "containerd", text: 'time="{time}" level=info msg="containerd successfully booted in 0.044218s"' },
];

function programOutcome(argv: readonly string[], unit: string, ctx: SpawnContext): ProcessOutcome {
  if (unit === "kubelet.service" && argv[0]?.endsWith("/kubelet")) return kubeletOutcome(argv.slice(1), ctx);
  return { ok: true, lines: unit === "containerd.service" ? CONTAINERD_LINES : [] };
}

export function spawnMain(unit: string, config: UnitConfig, ctx: SpawnContext): Spawned {
  const command = (config.execStart[0] ?? "").replace(/^[-@+!:]+/, "");
  const { argv, unset } = expandCommand(command, environment(config, ctx.fs));
  const path = argv[0] ?? "";
  const comm = forkComm(path);
  const warnings: ProcessLine[] = unset.map((v) => ({ offsetMs: 0, ident: comm, text: `${unit}: Referenced but unset environment variable evaluates to an empty string: ${v}` }));
  const why = execError(ctx.fs, path);
  if (why) {
    const lines: ProcessLine[] = [
      ...warnings,
      { offsetMs: 1, ident: comm, text: `${unit}: Failed to locate executable ${path}: ${why}` },
      { offsetMs: 1, ident: comm, text: `${unit}: Failed at step EXEC spawning ${path}: ${why}` },
    ];
    return { command, argv, outcome: { ok: false, status: 203, failAfterMs: 2, lines } };
  }
  const outcome = programOutcome(argv, unit, ctx);
  return { command, argv, outcome: { ...outcome, lines: [...warnings, ...outcome.lines] } };
}

/** Whether two starts behave alike: a crash loop goes on unchanged while they do. */
export function sameOutcome(a: ProcessOutcome, b: ProcessOutcome): boolean {
  if (a.ok !== b.ok) return false;
  if (!a.ok && !b.ok && a.status !== b.status) return false;
  return JSON.stringify(a.lines) === JSON.stringify(b.lines);
}
