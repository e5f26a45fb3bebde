/**
 * Image programs: what nginx, redis-server, the liveness demo and the rest do when they
 * run, which ports they listen on, how they answer requests, how they react to the
 * image's stop signal, and how much memory and CPU they use.
 */
import type { FileSystem } from "../fs/container-fs";
import type { Command, HttpRequest, HttpResponse, SystemHost } from "../sh/command";
import type { DaemonState } from "../sh/process-state";

export interface Listener {
  readonly port: number;
  readonly proto: "http" | "tcp" | "grpc";
  /** when the port starts accepting (a database initialising first) */
  readonly readyAt?: number;
  /** an HTTP port that speaks TLS (the control-plane components' secure ports) */
  readonly tls?: boolean;
}

/** What a running daemon can reach when a request or a signal arrives. */
export interface DaemonContext {
  readonly now: number;
  readonly fs: FileSystem;
  readonly sys: SystemHost;
  log(stream: "stdout" | "stderr", text: string): void;
}

export interface Usage {
  readonly memory: number;
  readonly cpu: number;
}

export interface Program {
  readonly run: Command;
  listeners?(d: DaemonState): readonly Listener[];
  serve?(d: DaemonState, req: HttpRequest, ctx: DaemonContext): HttpResponse;
  /** its answers depend on the request alone, never on time: a probe that passed keeps passing while it runs */
  readonly steady?: boolean;
  /** the stop signal arrived while it runs as PID 1: exit after `afterMs` with `code`; undefined: it ignores the signal */
  stop?(d: DaemonState, ctx: DaemonContext): { readonly afterMs: number; readonly code: number } | undefined;
  usage?(d: DaemonState, now: number): Usage;
  /** it reached its own scheduled end (`--timeout`): last words */
  exited?(d: DaemonState, ctx: DaemonContext): void;
}

export const MI = 1024 * 1024;

/** Go's net/http answer for a path nothing handles. */
export const GO_NOT_FOUND: HttpResponse = { status: 404, headers: [["Content-Type", "text/plain; charset=utf-8"], ["X-Content-Type-Options", "nosniff"]], body: "404 page not found\n" };

export function text(status: number, body: string, contentType = "text/plain; charset=utf-8"): HttpResponse {
  return { status, headers: [["Content-Type", contentType], ["Content-Length", String(new TextEncoder().encode(body).length)]], body };
}

/** A daemon that started at `now` as `pid`, with program-specific data. */
export function daemon(program: string, argv: readonly string[], pid: number, now: number, data: Record<string, string> = {}): { daemon: DaemonState } {
  return { daemon: { program, argv: [...argv], pid, startedAt: now, data } };
}

/** `--flag=value`, `--flag value` or `-f value`, whichever the program was given. */
export function flagValue(argv: readonly string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1];
      if (argv[i].startsWith(`${n}=`)) return argv[i].slice(n.length + 1);
    }
  }
  return undefined;
}

/** A Go program as PID 1 re-raises SIGTERM, which PID 1 ignores, and falls back to exit(2). */
export const GO_STOP = (): { afterMs: number; code: number } => ({ afterMs: 5, code: 2 });
