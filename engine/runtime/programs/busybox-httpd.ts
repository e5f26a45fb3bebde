/**
 * BusyBox httpd (networking/httpd.c): `httpd [-f] [-v[v]] [-p [IP:]PORT] [-h HOME]` serves
 * the files under HOME (the working directory by default), `index.html` for a directory,
 * a 302 to `dir/` for a directory named without its slash, and BusyBox's terse 404 page.
 * Without -f it forks into the background and returns at once; it logs nothing unless -v
 * (`-v`: each response, `-vv`: each URL too). As PID 1 it has no SIGTERM handler, so the
 * kernel ignores the signal and the kubelet kills it after the grace period.
 */
import { strftime } from "../../shell/coreutils/date";
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import type { Command, HttpResponse } from "../sh/command";
import { usage } from "../sh/commands/busybox";
import { MI, daemon, type Program } from "./program";

const USAGE =
  "httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]\nor httpd -d/-e/-m STRING\n\nListen for incoming HTTP requests\n\n\t-i\t\tInetd mode\n\t-f\t\tRun in foreground\n\t-v[v]\t\tVerbose\n\t-p [IP:]PORT\tBind to IP:PORT (default *:80)\n\t-u USER[:GRP]\tSet uid/gid after binding to port\n\t-r REALM\tAuthentication Realm for Basic Authentication\n\t-h HOME\t\tHome directory (default .)\n\t-c FILE\t\tConfiguration file (default {/etc,HOME}/httpd.conf)\n\t-m STRING\tMD5 crypt STRING\n\t-e STRING\tHTML encode STRING\n\t-d STRING\tURL decode STRING\n";

/** httpd.c's suffix table (the first match wins), else application/octet-stream. */
const MIME: readonly (readonly [readonly string[], string])[] = [
  [[".txt", ".h", ".c", ".cc", ".cpp"], "text/plain"],
  [[".htm", ".html"], "text/html"],
  [[".jpg", ".jpeg"], "image/jpeg"],
  [[".gif"], "image/gif"],
  [[".png"], "image/png"],
  [[".css"], "text/css"],
  [[".js"], "application/javascript"],
  [[".wav"], "audio/wav"],
  [[".svg"], "image/svg+xml"],
  [[".json"], "application/json"],
];

const RFC1123 = "%a, %d %b %Y %H:%M:%S GMT";

function mimeOf(path: string): string {
  const dot = path.lastIndexOf(".");
  const suffix = dot < 0 ? "" : path.slice(dot).toLowerCase();
  return MIME.find(([sfx]) => sfx.includes(suffix))?.[1] ?? "application/octet-stream";
}

/** An error page as send_headers() writes it. */
function failure(status: 302 | 400 | 404, now: number, location?: string): HttpResponse {
  const headers: [string, string][] = [["Date", strftime(RFC1123, now)], ["Connection", "close"], ["Content-type", "text/html"]];
  if (location) return { protocol: "HTTP/1.0", status, headers: [...headers, ["Location", location]], body: "" };
  const [name, info] = status === 404 ? ["Not Found", "The requested URL was not found"] : ["Bad Request", "Unsupported method"];
  return { protocol: "HTTP/1.0", status, headers, body: `<HTML><HEAD><TITLE>${status} ${name}</TITLE></HEAD>\n<BODY><H1>${status} ${name}</H1>\n${info}\n</BODY></HTML>\n` };
}

interface Options {
  foreground: boolean;
  verbose: number;
  port: number;
  home: string;
}

function parse(args: readonly string[]): Options | { decode: string } | { encode: string } | { bad: string } {
  const o: Options = { foreground: false, verbose: 0, port: 80, home: "." };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-") || a === "-") return { bad: a };
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if ("pdehcurm".includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { bad: f };
        if (f === "p") o.port = Number(v.slice(v.lastIndexOf(":") + 1));
        else if (f === "h") o.home = v;
        else if (f === "d") return { decode: v };
        else if (f === "e") return { encode: v };
        break;
      }
      if (f === "f") o.foreground = true;
      else if (f === "v") o.verbose++;
      else if (f !== "i") return { bad: f };
    }
  }
  return o;
}

export const BUSYBOX_HTTPD: Command = (ctx) => {
  const o = parse(ctx.argv.slice(1));
  if ("bad" in o) {
    ctx.err(usage(ctx, USAGE));
    return 1;
  }
  if ("decode" in o) {
    ctx.out(`${decodeURIComponent(o.decode.replace(/\+/g, " "))}\n`);
    return 0;
  }
  if ("encode" in o) {
    // "<Hello World>" -> "&#60Hello&#32World&#62" (the httpd.c usage example)
    ctx.out(`${o.encode.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)}`)}\n`);
    return 0;
  }
  const home = resolvePath(ctx.cwd, o.home);
  if (ctx.fs.stat(home)?.type !== "dir") {
    ctx.err(`httpd: can't change directory to '${o.home}': ${ctx.fs.stat(home) ? "Not a directory" : "No such file or directory"}\n`);
    return 1;
  }
  if (!Number.isInteger(o.port) || o.port <= 0 || o.port > 65535) {
    ctx.err(`httpd: bad port spec '${o.port}'\n`);
    return 1;
  }
  if (ctx.sys.portInUse(o.port)) {
    ctx.err("httpd: bind: Address already in use\n");
    return 1;
  }
  const d = daemon("busybox-httpd", ctx.argv, ctx.pid, ctx.now, { port: String(o.port), home, verbose: String(o.verbose), connections: "0" });
  return o.foreground ? d : { ...d, detached: true };
};

export const BUSYBOX_HTTPD_PROGRAM: Program = {
  run: BUSYBOX_HTTPD,
  listeners: (d) => [{ port: Number(d.data.port), proto: "http" }],
  serve: (d, req, ctx) => {
    const url = decodeURIComponent(req.path.replace(/[?#].*$/, ""));
    const path = resolvePath(d.data.home, `.${url}`);
    const st = ctx.fs.stat(path);
    let res: HttpResponse;
    if (!url.endsWith("/") && st?.type === "dir") res = failure(302, ctx.now, `${url}/`);
    else {
      const file = url.endsWith("/") ? resolvePath(path, "index.html") : path;
      const body = ctx.fs.read(file);
      const fst = ctx.fs.stat(file);
      res =
        isFsError(body) || !fst
          ? failure(404, ctx.now)
          : {
              protocol: "HTTP/1.0",
              status: 200,
              headers: [["Date", strftime(RFC1123, ctx.now)], ["Connection", "close"], ["Content-type", mimeOf(file)], ["Accept-Ranges", "bytes"], ["Last-Modified", strftime(RFC1123, fst.mtime)], ["Content-Length", String(fst.size)]],
              body: req.method === "HEAD" ? "" : body,
            };
    }
    const verbose = Number(d.data.verbose);
    if (verbose > 0) {
      // -v names each client by address and port in place of "httpd"
      const n = Number(d.data.connections) + 1;
      d.data.connections = String(n);
      const peer = `${req.from}:${40000 + n}`;
      if (verbose > 1) ctx.log("stderr", `${peer}: url:${url}\n`);
      ctx.log("stderr", `${peer}: response:${res.status}\n`);
    }
    return res;
  },
  usage: () => ({ memory: 0.3 * MI, cpu: 0 }),
};
