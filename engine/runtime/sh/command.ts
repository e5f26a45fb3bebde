/**
 * The contract of an executable inside a container: BusyBox applets, coreutils, curl,
 * and the image programs (nginx, redis-server ...). A command runs at once and returns
 * its exit status, or asks to wait (sleep) or to follow files (tail -f), or becomes a
 * long-running daemon.
 */
import type { FileSystem } from "../fs/container-fs";
import type { ImageVariant, Toolbox } from "../image-spec";
import type { BusyboxBuild } from "../images/busybox-builds";
import type { DaemonState, TailFollow } from "./process-state";

export interface HttpRequest {
  readonly method: "GET" | "HEAD";
  /** path with query, e.g. `/healthz?x=1` */
  readonly path: string;
  /** the Host header */
  readonly host: string;
  readonly userAgent: string;
  /** the client's address */
  readonly from: string;
}

export interface HttpResponse {
  /** the status line's protocol when it is not HTTP/1.1 (BusyBox httpd answers HTTP/1.0) */
  readonly protocol?: string;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** How a connection attempt from inside a container ends. */
export type Dial =
  | { readonly kind: "http"; readonly ip: string; readonly port: number; send(req: HttpRequest): HttpResponse }
  /** something listens, but does not speak HTTP (redis, postgres, a gRPC server) */
  | { readonly kind: "tcp"; readonly ip: string; readonly port: number; readonly daemon: DaemonState }
  | { readonly kind: "refused"; readonly ip: string; readonly port: number }
  | { readonly kind: "unresolved" };

export interface ProcessInfo {
  readonly pid: number;
  readonly user: string;
  readonly command: string;
}

/** The container around a command: its identity, its processes, its network. */
export interface SystemHost {
  readonly hostname: string;
  readonly podIP: string;
  readonly toolbox: Toolbox;
  /** the BusyBox build of a busybox toolbox, for the banner its usage messages start with */
  readonly busybox?: BusyboxBuild;
  /** the image family (`nginx`) and the variant its tag names */
  readonly image: { readonly family: string; readonly variant: ImageVariant; readonly cmd: readonly string[] };
  /** whether a process of this pod already listens on `port` */
  portInUse(port: number): boolean;
  /** the container's processes, the caller (`self`) among them */
  processes(self: ProcessInfo): readonly ProcessInfo[];
  /** writes to the container's log, as its PID 1 would (a server's messages after `nginx -s quit`) */
  log(stream: "stdout" | "stderr", text: string, at: number): void;
  /** the container's running daemons, for programs that signal their own server (`nginx -s quit`) */
  daemons(): readonly DaemonState[];
  dial(host: string, port: number): Dial;
  /** cluster DNS: the address a name resolves to, with the fully qualified name it matched */
  resolve(host: string): { readonly ip: string; readonly fqdn: string } | undefined;
  /** memory used and the limit (or node memory), bytes, for `free` */
  memory(): { readonly used: number; readonly total: number };
  startedAt(): number;
  /** the next free pid in the container */
  nextPid(): number;
}

export interface CommandContext {
  /** argv[0] as invoked */
  readonly argv: readonly string[];
  readonly stdin: string;
  out(text: string): void;
  err(text: string): void;
  /** the exported environment */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** the process's virtual time, ms */
  readonly now: number;
  readonly fs: FileSystem;
  readonly sys: SystemHost;
  /** the pid this command runs as */
  readonly pid: number;
  /** stdout is the terminal itself, as isatty(1) */
  readonly tty: boolean;
}

export type CommandResult =
  | number
  /** wait until a time (null: forever), then exit with `code` */
  | { readonly block: number | null; readonly code?: number }
  /** keep reading files as they grow (`tail -f`), until killed */
  | { readonly follow: TailFollow }
  /** run on as a daemon: it blocks its caller until it stops, or, `detached`, forks into the background and its caller goes on */
  | { readonly daemon: DaemonState; readonly detached?: boolean }
  /** replace this program by another, keeping the pid (an entrypoint's `exec "$@"`), with `env` added to its environment */
  | { readonly exec: readonly string[]; readonly env?: Readonly<Record<string, string>> };

export type Command = (ctx: CommandContext) => CommandResult;

/**
 * A utility that works through its stdin as it arrives from a pipe, so `tail -F log | grep
 * ERROR` shows each match when its line comes. `start` checks the arguments and reads the
 * file operands that come before stdin, then ends (an exit status) or says what it has to
 * remember; `feed` takes the whole lines that arrived (everything left at the end, `eof`)
 * and returns its next state, or its exit status once it is done. The state is plain data:
 * it lives in the process's frames, so a snapshot holds it.
 */
export interface Filter<S> {
  start(ctx: CommandContext): number | { readonly state: S };
  feed(ctx: CommandContext, state: S, text: string, eof: boolean): number | { readonly state: S };
}

/** A filter run over stdin that is all there already (a file, a finished command's output). */
export function filterCommand<S>(f: Filter<S>): Command {
  return (ctx) => {
    const started = f.start(ctx);
    if (typeof started === "number") return started;
    const r = f.feed(ctx, started.state, ctx.stdin, true);
    return typeof r === "number" ? r : 0;
  };
}
