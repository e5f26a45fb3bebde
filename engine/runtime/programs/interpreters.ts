/**
 * Language runtimes and entrypoint wrappers. `python3`, `node` and `go` with no program
 * start a REPL that exits at once without a TTY (so `kubectl run py --image=python` goes
 * Completed → CrashLoopBackOff, as on a real cluster); a missing script fails with the
 * runtime's own message; a script that exists cannot be interpreted here, so it runs as
 * a quiet long-running process. `python3 -m http.server` serves the working directory.
 */
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import type { CommandContext } from "../sh/command";
import { MI, daemon, text, type Program } from "./program";

function python(ctx: CommandContext): ReturnType<Program["run"]> {
  const args = ctx.argv.slice(1);
  const version = ctx.sys.image.variant.version;
  if (args.length === 0) return 0;
  if (args[0] === "--version" || args[0] === "-V") {
    ctx.out(`Python ${version}\n`);
    return 0;
  }
  if (args[0] === "-m" && args[1] === "http.server") {
    const port = Number(args[2] ?? 8000);
    ctx.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    return daemon("python-http", ctx.argv, ctx.pid, ctx.now, { port: String(port), root: ctx.cwd });
  }
  if (args[0] === "-c" || args[0] === "-m") return daemon("interpreter", ctx.argv, ctx.pid, ctx.now);
  const script = resolvePath(ctx.cwd, args[0]);
  if (!ctx.fs.stat(script)) {
    ctx.err(`${ctx.argv[0].split("/").pop()}: can't open file '${script}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return daemon("interpreter", ctx.argv, ctx.pid, ctx.now);
}

function node(ctx: CommandContext): ReturnType<Program["run"]> {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return 0;
  if (args[0] === "--version" || args[0] === "-v") {
    ctx.out(`v${ctx.sys.image.variant.version}\n`);
    return 0;
  }
  if (args[0] === "-e" || args[0] === "--eval") return daemon("interpreter", ctx.argv, ctx.pid, ctx.now);
  const script = resolvePath(ctx.cwd, args[0]);
  if (!ctx.fs.stat(script)) {
    ctx.err(`node:internal/modules/cjs/loader:1386\n  throw err;\n  ^\n\nError: Cannot find module '${script}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${ctx.sys.image.variant.version}\n`);
    return 1;
  }
  return daemon("interpreter", ctx.argv, ctx.pid, ctx.now);
}

export const INTERPRETER: Program = {
  run: (ctx) => {
    const name = ctx.argv[0].split("/").pop() ?? "";
    if (name.startsWith("python")) return python(ctx);
    if (name === "node") return node(ctx);
    if (ctx.argv.length === 1) {
      ctx.err("Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\n");
      return 2;
    }
    return daemon("interpreter", ctx.argv, ctx.pid, ctx.now);
  },
  usage: () => ({ memory: 12 * MI, cpu: 0 }),
};

export const PYTHON_HTTP: Program = {
  run: python,
  listeners: (d) => [{ port: Number(d.data.port), proto: "http" }],
  serve: (d, req, ctx) => {
    const path = resolvePath(d.data.root, `.${req.path.replace(/[?#].*$/, "")}`);
    const st = ctx.fs.stat(path);
    ctx.log("stderr", `${req.from} - - [${new Date(ctx.now).toUTCString().slice(5, 25)}] "${req.method} ${req.path} HTTP/1.1" ${st ? 200 : 404} -\n`);
    if (!st) return text(404, "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n", "text/html;charset=utf-8");
    if (st.type === "file") {
      const body = ctx.fs.read(path);
      return text(200, isFsError(body) ? "" : body, "application/octet-stream");
    }
    const names = ctx.fs.readdir(path);
    const items = (isFsError(names) ? [] : names).map((n) => `<li><a href="${n}">${n}</a></li>`).join("\n");
    return text(200, `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${req.path}</title>\n</head>\n<body>\n<h1>Directory listing for ${req.path}</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`, "text/html; charset=utf-8");
  },
  usage: () => ({ memory: 14 * MI, cpu: 0 }),
};

/** An entrypoint that execs its arguments (`exec "$@"`), putting the image's program first when they start with a flag. */
export const EXEC_ARGS: Program = {
  run: (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.length === 0) return 0;
    return { exec: args[0].startsWith("-") ? [ctx.sys.image.cmd[0] ?? "sh", ...args] : args };
  },
};

/** `nc -l -p PORT`: a bare TCP listener. */
export const NC_LISTENER: Program = {
  run: () => 1,
  listeners: (d) => [{ port: Number(d.data.port), proto: "tcp" }],
  usage: () => ({ memory: 0.1 * MI, cpu: 0 }),
};
