/**
 * nginx and the official image's /docker-entrypoint.sh: the start-up lines each release
 * prints, static files from the configured root, the access and error log lines, the
 * graceful SIGQUIT shutdown, and the "Address already in use" failure when a second
 * nginx in the pod wants port 80.
 */
import { resolvePath } from "../../shell/vfs-path";
import { isFsError, type FileSystem } from "../fs/container-fs";
import { nginxFacts } from "../images/nginx";
import type { CommandContext, HttpRequest, HttpResponse } from "../sh/command";
import { reason } from "../sh/commands/net-tools";
import { accessTime, httpDate, slashTime } from "../time-format";
import { KERNEL } from "../sh/commands/system-tools";
import type { DaemonState } from "../sh/process-state";
import { MI, daemon, type DaemonContext, type Program } from "./program";

const WORKERS = 2;

const errorTime = slashTime;

function entrypointLines(scripts: string): string[] {
  if (scripts === "none") return [];
  const me = "/docker-entrypoint.sh";
  const info = scripts === "1.19" ? "" : "info: ";
  const lines = [
    `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    `10-listen-on-ipv6-by-default.sh: ${info}Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `10-listen-on-ipv6-by-default.sh: ${info}Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
  ];
  if (scripts === "1.25") lines.push(`${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`);
  lines.push(`${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`);
  if (scripts !== "1.19") lines.push(`${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`);
  lines.push(`${me}: Configuration complete; ready for start up`);
  return lines;
}

/** /docker-entrypoint.sh: configures, then execs its arguments. */
export const NGINX_ENTRYPOINT: Program = {
  run: (ctx) => {
    const args = ctx.argv.slice(1);
    if (args[0] === "nginx" || args[0] === "nginx-debug") {
      const lines = entrypointLines(nginxFacts(ctx.sys.image.variant).scripts);
      if (lines.length) ctx.out(lines.map((l) => `${l}\n`).join(""));
    }
    return args.length ? { exec: args } : 0;
  },
};

/** Ports and document root from /etc/nginx/conf.d/*.conf, as the default server block sets them. */
function readConfig(fs: FileSystem): { ports: number[]; root: string } {
  const names = fs.readdir("/etc/nginx/conf.d");
  let text = "";
  if (!isFsError(names)) {
    for (const n of names.filter((x) => x.endsWith(".conf"))) {
      const t = fs.read(`/etc/nginx/conf.d/${n}`);
      if (!isFsError(t)) text += `${t}\n`;
    }
  }
  const uncommented = text.replace(/#[^\n]*/g, "");
  const ports = [...uncommented.matchAll(/listen\s+(?:[\d.]+:)?(\d+)[^;]*;/g)].map((m) => Number(m[1]));
  const root = /location\s+\/\s*\{[^}]*?root\s+([^;\s]+)\s*;/.exec(uncommented)?.[1] ?? /root\s+([^;\s]+)\s*;/.exec(uncommented)?.[1] ?? "/usr/share/nginx/html";
  return { ports: ports.length ? [...new Set(ports)] : [80], root };
}

function run(ctx: CommandContext): ReturnType<Program["run"]> {
  const args = ctx.argv.slice(1);
  const facts = nginxFacts(ctx.sys.image.variant);
  if (args.includes("-v") || args.includes("-V")) {
    ctx.err(`nginx version: nginx/${facts.version}\n${args.includes("-V") ? `built by ${facts.gcc}\n` : ""}`);
    return 0;
  }
  if (args.includes("-t") || args.includes("-T")) {
    ctx.err("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    return 0;
  }
  if (args.includes("-s")) return signalMaster(ctx, args[args.indexOf("-s") + 1] ?? "");
  const g = args[args.indexOf("-g") + 1] ?? "";
  if (!/daemon\s+off\s*;/.test(g)) return 0;
  const { ports, root } = readConfig(ctx.fs);
  const t = errorTime(ctx.now);
  const busy = ports.find((p) => ctx.sys.portInUse(p));
  if (busy !== undefined) {
    const strerror = facts.base.os === "alpine" ? "Address in use" : "Address already in use";
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) {
      lines.push(`${errorTime(ctx.now + i * 500)} [emerg] ${ctx.pid}#${ctx.pid}: bind() to 0.0.0.0:${busy} failed (98: ${strerror})`, `nginx: [emerg] bind() to 0.0.0.0:${busy} failed (98: ${strerror})`);
    }
    lines.push(`${errorTime(ctx.now + 2500)} [emerg] ${ctx.pid}#${ctx.pid}: still could not bind()`, "nginx: [emerg] still could not bind()");
    ctx.err(lines.map((l) => `${l}\n`).join(""));
    return { block: ctx.now + 2500, code: 1 };
  }
  const first = facts.base.os === "alpine" ? 21 : 28;
  const workers = Array.from({ length: WORKERS }, (_, i) => first + i);
  if (facts.notices) {
    const pid = `${ctx.pid}#${ctx.pid}`;
    const lines = [
      `[notice] ${pid}: using the "epoll" event method`,
      `[notice] ${pid}: nginx/${facts.version}`,
      `[notice] ${pid}: built by ${facts.gcc}`,
      `[notice] ${pid}: OS: Linux ${KERNEL.release}`,
      `[notice] ${pid}: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `[notice] ${pid}: start worker processes`,
      ...workers.map((w) => `[notice] ${pid}: start worker process ${w}`),
    ];
    ctx.err(lines.map((l) => `${t} ${l}\n`).join(""));
  }
  return daemon("nginx", ctx.argv, ctx.pid, ctx.now, { ports: ports.join(","), root, workers: workers.join(","), version: facts.version, notices: facts.notices ? "1" : "", requests: "0" });
}

/** `nginx -s quit|stop|reload`: the master reads the signal from its pid file and acts on it. */
function signalMaster(ctx: CommandContext, signal: string): number {
  const master = ctx.sys.daemons().find((d) => d.program === "nginx" && d.data.stopping !== "1");
  if (!master) {
    ctx.err(`${errorTime(ctx.now)} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n${errorTime(ctx.now)} [error] ${ctx.pid}#${ctx.pid}: open() "/run/nginx.pid" failed (2: No such file or directory)\nnginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
    return 1;
  }
  ctx.err(`${errorTime(ctx.now)} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n`);
  if (signal === "quit" || signal === "stop") {
    const plan = shutdown(master, { now: ctx.now, fs: ctx.fs, sys: ctx.sys, log: (stream, text) => ctx.sys.log(stream, text, ctx.now) }, signal === "quit" ? "3 (SIGQUIT)" : "15 (SIGTERM)", ctx.pid);
    master.stopAt = ctx.now + plan.afterMs;
    master.stopCode = plan.code;
    master.data.stopping = "1";
  }
  return 0;
}

const TYPES: Record<string, string> = { html: "text/html", htm: "text/html", css: "text/css", js: "application/javascript", json: "application/json", txt: "text/plain", png: "image/png" };

function errorPage(status: number, version: string): string {
  const title = `${status} ${reason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function serve(d: DaemonState, req: HttpRequest, ctx: DaemonContext): HttpResponse {
  const version = d.data.version;
  const path = decodeURIComponent(req.path.replace(/[?#].*$/, ""));
  const root = d.data.root;
  let file = resolvePath(root, `.${path}`);
  let st = ctx.fs.stat(file);
  if (st?.type === "dir") {
    file = resolvePath(file, "index.html");
    st = ctx.fs.stat(file);
    if (!st) return finish(d, req, ctx, 403, errorPage(403, version), `directory index of "${resolvePath(root, `.${path}`)}/" is forbidden`);
  }
  const body = st ? ctx.fs.read(file) : undefined;
  if (body === undefined || isFsError(body)) return finish(d, req, ctx, 404, errorPage(404, version), `open() "${file}" failed (2: No such file or directory)`);
  const ext = file.slice(file.lastIndexOf(".") + 1);
  const headers: [string, string][] = [
    ["Server", `nginx/${version}`],
    ["Date", httpDate(ctx.now)],
    ["Content-Type", TYPES[ext] ?? "application/octet-stream"],
    ["Content-Length", String(new TextEncoder().encode(body).length)],
    ["Last-Modified", httpDate(st?.mtime ?? 0)],
    ["Connection", "keep-alive"],
    ["ETag", `"${Math.floor((st?.mtime ?? 0) / 1000).toString(16)}-${(st?.size ?? 0).toString(16)}"`],
    ["Accept-Ranges", "bytes"],
  ];
  access(req, ctx, 200, body);
  return { status: 200, headers, body: req.method === "HEAD" ? "" : body };
}

function finish(d: DaemonState, req: HttpRequest, ctx: DaemonContext, status: number, body: string, error: string): HttpResponse {
  const worker = d.data.workers.split(",")[0];
  const n = Number(d.data.requests) + 1;
  d.data.requests = String(n);
  ctx.log("stderr", `${errorTime(ctx.now)} [error] ${worker}#${worker}: *${n} ${error}, client: ${req.from}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"\n`);
  access(req, ctx, status, body);
  const headers: [string, string][] = [["Server", `nginx/${d.data.version}`], ["Date", httpDate(ctx.now)], ["Content-Type", "text/html"], ["Content-Length", String(body.length)], ["Connection", "keep-alive"]];
  return { status, headers, body };
}

function access(req: HttpRequest, ctx: DaemonContext, status: number, body: string): void {
  const bytes = req.method === "HEAD" ? 0 : new TextEncoder().encode(body).length;
  ctx.log("stdout", `${req.from} - - [${accessTime(ctx.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${req.userAgent}" "-"\n`);
}

/** SIGQUIT (the image's STOPSIGNAL since 1.19): workers finish, the master exits 0. */
function stop(d: DaemonState, ctx: DaemonContext): { afterMs: number; code: number } {
  return shutdown(d, ctx, "3 (SIGQUIT)");
}

function shutdown(d: DaemonState, ctx: DaemonContext, signal: string, from?: number): { afterMs: number; code: number } {
  if (!d.data.notices) return { afterMs: 10, code: 0 };
  const t = errorTime(ctx.now);
  const master = `${d.pid}#${d.pid}`;
  const workers = d.data.workers.split(",");
  const lines = [
    `[notice] ${master}: signal ${signal} received${from === undefined ? "" : ` from ${from}`}, ${signal.includes("QUIT") ? "shutting down" : "exiting"}`,
    ...workers.map((w) => `[notice] ${w}#${w}: gracefully shutting down`),
    ...workers.flatMap((w) => [`[notice] ${w}#${w}: exiting`, `[notice] ${w}#${w}: exit`]),
    ...workers.flatMap((w) => [`[notice] ${master}: signal 17 (SIGCHLD) received from ${w}`, `[notice] ${master}: worker process ${w} exited with code 0`]),
    `[notice] ${master}: exit`,
  ];
  ctx.log("stderr", lines.map((l) => `${t} ${l}\n`).join(""));
  return { afterMs: 20, code: 0 };
}

export const NGINX_PROGRAM: Program = {
  run,
  listeners: (d) => d.data.ports.split(",").map((p) => ({ port: Number(p), proto: "http" as const })),
  serve,
  stop,
  usage: () => ({ memory: 3.4 * MI, cpu: 0 }),
};
