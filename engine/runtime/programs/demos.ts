/**
 * Small web servers from tutorials and practice labs, each on its own port with its own
 * answer: hello-app, http-echo, whoami, webapp-color, nginxdemos/hello, kuard,
 * serve_hostname, hpa-example and echoserver.
 */
import { strftime } from "../../shell/coreutils/date";
import type { CommandContext, HttpRequest, HttpResponse } from "../sh/command";
import type { DaemonState } from "../sh/process-state";
import { GO_NOT_FOUND, GO_STOP, MI, daemon, flagValue, text, type DaemonContext, type Program } from "./program";

interface Demo {
  port(ctx: CommandContext): number;
  start?(ctx: CommandContext, port: number): string;
  answer(d: DaemonState, req: HttpRequest, ctx: DaemonContext): HttpResponse;
  /** Go servers exit 2 on SIGTERM as PID 1; nginx/apache-based ones exit 0; Python ignores it */
  stop: "go" | "graceful" | "ignore";
  memory: number;
}

const goLog = (ms: number): string => strftime("%Y/%m/%d %H:%M:%S", ms);

const DEMOS: Record<string, Demo> = {
  "hello-app": {
    port: (ctx) => Number(ctx.env.PORT ?? 8080),
    start: (ctx, port) => `${goLog(ctx.now)} Server listening on port ${port}\n`,
    answer: (d, req, ctx) => {
      ctx.log("stderr", `${goLog(ctx.now)} Serving request: ${req.path}\n`);
      return text(200, `Hello, world!\nVersion: ${d.data.tag === "2.0" ? "2.0.0" : "1.0.0"}\nHostname: ${ctx.sys.hostname}\n`);
    },
    stop: "go",
    memory: 1.8 * MI,
  },
  "http-echo": {
    port: (ctx) => Number((flagValue(ctx.argv, "-listen", "--listen") ?? ":5678").split(":").pop()),
    start: (ctx, port) => `${goLog(ctx.now)} [INFO] server is listening on :${port}\n`,
    answer: (d) => text(200, `${d.data.text}\n`),
    stop: "go",
    memory: 2.2 * MI,
  },
  whoami: {
    port: (ctx) => Number(flagValue(ctx.argv, "--port", "-port") ?? ctx.env.WHOAMI_PORT_NUMBER ?? 80),
    start: (ctx, port) => `${goLog(ctx.now)} Starting up on port ${port}\n`,
    answer: (_d, req, ctx) => text(200, `Hostname: ${ctx.sys.hostname}\nIP: 127.0.0.1\nIP: ::1\nIP: ${ctx.sys.podIP}\nRemoteAddr: ${req.from}:51234\n${req.method} ${req.path} HTTP/1.1\nHost: ${req.host}\nUser-Agent: ${req.userAgent}\nAccept: */*\n\n`),
    stop: "go",
    memory: 2.6 * MI,
  },
  "webapp-color": {
    port: () => 8080,
    start: (ctx) => ` This is a sample web application that displays a colored background. \n A color can be specified in two ways. \n\n 1. As a command line argument with --color as the argument. Accepts one of red,green,blue,blue2,pink,darkblue \n 2. As an Environment variable APP_COLOR. Accepts one of red,green,blue,blue2,pink,darkblue \n 3. If none of the above then a random color is picked from the above list. \n Note: Command line argument precedes over environment variable.\n\n\nNo command line argument. Color from environment variable =${ctx.env.APP_COLOR ?? "red"}\n * Serving Flask app "app" (lazy loading)\n * Environment: production\n   WARNING: Do not use the development server in a production environment.\n   Use a production WSGI server instead.\n * Debug mode: off\n * Running on http://0.0.0.0:8080/ (Press CTRL+C to quit)\n`,
    answer: (d, req, ctx) => {
      ctx.log("stderr", `${req.from} - - [${strftime("%d/%b/%Y %H:%M:%S", ctx.now)}] "${req.method} ${req.path} HTTP/1.1" 200 -\n`);
      return text(200, `<!doctype html>\n<title>Hello from Flask</title>\n<body style="background: ${d.data.color};"></body>\n<div style="color: #e4e4e4;\n    text-align:  center;\n    height: 90px;\n    vertical-align:  middle;">\n\n  <h1>Hello from ${ctx.sys.hostname}!</h1>\n\n\n</div>\n`, "text/html; charset=utf-8");
    },
    stop: "ignore",
    memory: 21 * MI,
  },
  "nginx-hello": {
    port: () => 80,
    answer: (_d, req, ctx) => text(200, `Server address: ${ctx.sys.podIP}:80\nServer name: ${ctx.sys.hostname}\nDate: ${strftime("%d/%b/%Y:%H:%M:%S +0000", ctx.now)}\nURI: ${req.path}\nRequest ID: ${(ctx.now * 2654435761 >>> 0).toString(16).padStart(32, "0")}\n`),
    stop: "graceful",
    memory: 3.1 * MI,
  },
  kuard: {
    port: () => 8080,
    start: (ctx) => `${goLog(ctx.now)} Starting kuard version: v0.10.0-${ctx.sys.image.variant.version}\n${goLog(ctx.now)} Serving on HTTP on :8080\n`,
    answer: (_d, req) => (req.path.startsWith("/healthy") || req.path.startsWith("/ready") ? text(200, "ok") : text(200, "<!doctype html>\n<html lang=\"en\">\n<head><title>KUAR Demo</title></head>\n<body><div id=\"root\"></div></body>\n</html>\n", "text/html")),
    stop: "go",
    memory: 4.7 * MI,
  },
  "serve-hostname": {
    port: () => 9376,
    start: (ctx) => `${goLog(ctx.now)} Serving on port 9376.\n`,
    answer: (_d, _req, ctx) => text(200, ctx.sys.hostname),
    stop: "go",
    memory: 1.5 * MI,
  },
  "hpa-example": {
    port: () => 80,
    answer: () => text(200, "OK!", "text/html"),
    stop: "graceful",
    memory: 9.8 * MI,
  },
  echoserver: {
    port: () => 8080,
    answer: (_d, req, ctx) => text(200, `\n\nHostname: ${ctx.sys.hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.from}\n\tmethod=${req.method}\n\treal path=${req.path}\n\tquery=\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${req.host}:8080${req.path}\n\nRequest Headers:\n\taccept=*/*  \n\thost=${req.host}  \n\tuser-agent=${req.userAgent}  \n\nRequest Body:\n\t-no body in request-\n\n`),
    stop: "graceful",
    memory: 2.9 * MI,
  },
};

/** The Program for a demo server by name. */
export function demoProgram(name: string): Program {
  const demo = DEMOS[name];
  return {
    run: (ctx) => {
      const port = demo.port(ctx);
      const start = demo.start?.(ctx, port);
      if (start) ctx.err(start);
      const textArg = (flagValue(ctx.argv, "-text", "--text") ?? "hello-world").replace(/^"(.*)"$/, "$1");
      const color = flagValue(ctx.argv, "--color") ?? ctx.env.APP_COLOR ?? "red";
      return daemon(name, ctx.argv, ctx.pid, ctx.now, { port: String(port), text: textArg, color, tag: ctx.sys.image.variant.version });
    },
    listeners: (d) => [{ port: Number(d.data.port), proto: "http" }],
    serve: (d, req, ctx) => (demo ? demo.answer(d, req, ctx) : GO_NOT_FOUND),
    stop: demo.stop === "go" ? GO_STOP : demo.stop === "graceful" ? () => ({ afterMs: 20, code: 0 }) : undefined,
    usage: () => ({ memory: demo.memory, cpu: 0 }),
  };
}

export const DEMO_NAMES = Object.keys(DEMOS);
