/** Apache httpd (httpd-foreground) and Redis (redis-server, redis-cli). */
import { strftime } from "../../shell/coreutils/date";
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import { compareVersions } from "../image-spec";
import type { Command } from "../sh/command";
import { accessTime, httpDate } from "../time-format";
import { MI, daemon, flagValue, text, type Program } from "./program";

const HTTPD_TID = "140093046740864";

function apacheTime(ms: number): string {
  return strftime("%a %b %d %H:%M:%S", ms) + `.${String(ms % 1000).padStart(3, "0")}000 ` + strftime("%Y", ms);
}

export const HTTPD_PROGRAM: Program = {
  run: (ctx) => {
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.sys.podIP}. Set the 'ServerName' directive globally to suppress this message\n`;
    const t = apacheTime(ctx.now);
    ctx.err(
      fqdn +
        fqdn +
        `[${t}] [mpm_event:notice] [pid ${ctx.pid}:tid ${HTTPD_TID}] AH00489: Apache/${ctx.sys.image.variant.version} (Unix) configured -- resuming normal operations\n` +
        `[${t}] [core:notice] [pid ${ctx.pid}:tid ${HTTPD_TID}] AH00094: Command line: 'httpd -D FOREGROUND'\n`,
    );
    return daemon("httpd", ctx.argv, ctx.pid, ctx.now, { version: ctx.sys.image.variant.version });
  },
  listeners: () => [{ port: 80, proto: "http" }],
  serve: (d, req, ctx) => {
    const path = req.path.replace(/[?#].*$/, "");
    let file = resolvePath("/usr/local/apache2/htdocs", `.${path}`);
    if (ctx.fs.stat(file)?.type === "dir") file = resolvePath(file, "index.html");
    const body = ctx.fs.read(file);
    const ok = !isFsError(body);
    const res = ok
      ? { status: 200, headers: [["Date", httpDate(ctx.now)], ["Server", `Apache/${d.data.version} (Unix)`], ["Content-Type", "text/html"]] as [string, string][], body }
      : text(404, `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`, "text/html; charset=iso-8859-1");
    ctx.log("stdout", `${req.from} - - [${accessTime(ctx.now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${new TextEncoder().encode(res.body).length}\n`);
    return res;
  },
  stop: (d, ctx) => {
    ctx.log("stderr", `[${apacheTime(ctx.now)}] [mpm_event:notice] [pid ${d.pid}:tid ${HTTPD_TID}] AH00492: caught SIGWINCH, shutting down gracefully\n`);
    return { afterMs: 15, code: 0 };
  },
  usage: () => ({ memory: 5.6 * MI, cpu: 0 }),
};

function redisTime(ms: number): string {
  return strftime("%d %b %Y %H:%M:%S", ms) + `.${String(ms % 1000).padStart(3, "0")}`;
}

export const REDIS_PROGRAM: Program = {
  run: (ctx) => {
    const version = ctx.sys.image.variant.version;
    const port = Number(flagValue(ctx.argv, "--port") ?? 6379);
    const t = redisTime(ctx.now);
    const seven = compareVersions(version, "7.0") >= 0;
    const mark = seven ? "*" : "#";
    const p = ctx.pid;
    ctx.out(
      [
        `${p}:C ${t} ${mark} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `${p}:C ${t} ${mark} Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${p}, just started`,
        `${p}:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
        ...(seven ? [`${p}:M ${t} * monotonic clock: POSIX clock_gettime`] : []),
        `${p}:M ${t} * Running mode=standalone, port=${port}.`,
        `${p}:M ${t} ${mark} Server initialized`,
        `${p}:M ${t} * Ready to accept connections${seven ? " tcp" : ""}`,
      ]
        .map((l) => `${l}\n`)
        .join(""),
    );
    return daemon("redis", ctx.argv, ctx.pid, ctx.now, { port: String(port), keys: "{}" });
  },
  listeners: (d) => [{ port: Number(d.data.port), proto: "tcp" }],
  stop: (d, ctx) => {
    const t = redisTime(ctx.now);
    const p = d.pid;
    ctx.log(
      "stdout",
      [`${p}:signal-handler (${Math.floor(ctx.now / 1000)}) Received SIGTERM scheduling shutdown...`, `${p}:M ${t} * User requested shutdown...`, `${p}:M ${t} * Saving the final RDB snapshot before exiting.`, `${p}:M ${t} * DB saved on disk`, `${p}:M ${t} # Redis is now ready to exit, bye bye...`]
        .map((l) => `${l}\n`)
        .join(""),
    );
    return { afterMs: 30, code: 0 };
  },
  usage: () => ({ memory: 8 * MI, cpu: 0.002 }),
};

/** redis-cli against the pod's redis-server: PING, SET, GET, DEL, KEYS, DBSIZE, INCR. */
export const REDIS_CLI: Command = (ctx) => {
  const args = [...ctx.argv.slice(1)];
  const host = flagValue(args, "-h") ?? "127.0.0.1";
  const port = Number(flagValue(args, "-p") ?? 6379);
  const words = args.filter((a, i) => !a.startsWith("-") && !["-h", "-p", "-a", "-n"].includes(args[i - 1] ?? ""));
  const dial = ctx.sys.dial(host, port);
  if (dial.kind !== "tcp" || dial.daemon.program !== "redis") {
    ctx.out(`Could not connect to Redis at ${host}:${port}: ${dial.kind === "unresolved" ? "Name or service not known" : "Connection refused"}\n`);
    return 1;
  }
  const keys = JSON.parse(dial.daemon.data.keys) as Record<string, string>;
  const [cmd = "", ...rest] = words;
  let reply: string;
  switch (cmd.toUpperCase()) {
    case "PING":
      reply = rest[0] ?? "PONG";
      break;
    case "SET":
      keys[rest[0]] = rest[1] ?? "";
      reply = "OK";
      break;
    case "GET":
      reply = rest[0] in keys ? keys[rest[0]] : "";
      break;
    case "INCR":
      keys[rest[0]] = String(Number(keys[rest[0]] ?? 0) + 1);
      reply = `(integer) ${keys[rest[0]]}`;
      break;
    case "DEL": {
      const present = rest.filter((k) => k in keys);
      for (const k of present) delete keys[k];
      reply = `(integer) ${present.length}`;
      break;
    }
    case "KEYS":
      reply = Object.keys(keys).sort().join("\n");
      break;
    case "DBSIZE":
      reply = `(integer) ${Object.keys(keys).length}`;
      break;
    case "":
      return 0;
    default:
      reply = `(error) ERR unknown command '${cmd}', with args beginning with: ${rest.map((r) => `'${r}' `).join("")}`;
  }
  dial.daemon.data.keys = JSON.stringify(keys);
  ctx.out(`${reply}\n`);
  return 0;
};
