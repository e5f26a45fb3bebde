/**
 * Network clients inside containers: BusyBox wget, curl and nc, talking to the servers
 * of this pod (localhost), of other pods, or of Services when the cluster network
 * resolves them. Texts are the tools' own, progress meters included.
 */
import { resolvePath } from "../../../shell/vfs-path";
import type { Command, CommandContext, Dial, HttpResponse } from "../command";
import { usage } from "./busybox";

interface ParsedUrl {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][\w+.-]*):\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d+))?([^#]*)/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  const path = m[4] === "" ? "/" : m[4].startsWith("/") ? m[4] : `/${m[4]}`;
  return { scheme, host: m[2], port, path };
}

const REASONS: Record<number, string> = { 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };

export function reason(status: number): string {
  return REASONS[status] ?? "";
}

function fetch(ctx: CommandContext, url: ParsedUrl, userAgent: string, method: "GET" | "HEAD"): { dial: Dial; res?: HttpResponse } {
  const dial = ctx.sys.dial(url.host, url.port);
  if (dial.kind !== "http") return { dial };
  const host = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  return { dial, res: dial.send({ method, path: url.path, host, userAgent, from: url.host === "localhost" || url.host.startsWith("127.") ? "127.0.0.1" : ctx.sys.podIP }) };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

const wget: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--spider") spider = true;
    else if (a === "-O") output = args[++i];
    else if (a === "-T" || a === "--timeout" || a === "-U" || a === "--header") i++;
    else if (/^-[qO]+-?$/.test(a) || a.startsWith("-O")) {
      if (a.includes("q")) quiet = true;
      const o = a.indexOf("O");
      if (o >= 0) output = a.slice(o + 1) || args[++i];
    } else if (!a.startsWith("-")) url = a;
  }
  const u = url ? parseUrl(url) : undefined;
  if (!u) {
    ctx.err(usage(ctx, "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n"));
    return 1;
  }
  // BusyBox wget follows a redirect (a server's Location header), connecting again for each
  let target = u;
  let res: HttpResponse | undefined;
  for (let hops = 0; ; hops++) {
    const got = fetch(ctx, target, "Wget", spider ? "HEAD" : "GET");
    const dial = got.dial;
    if (dial.kind === "unresolved") {
      ctx.err(`wget: bad address '${target.host}'\n`);
      return 1;
    }
    if (!quiet) ctx.err(`Connecting to ${target.host} (${dial.ip}:${target.port})\n`);
    if (dial.kind === "refused") {
      ctx.err(`wget: can't connect to remote host (${dial.ip}): Connection refused\n`);
      return 1;
    }
    res = got.res;
    if (!res) {
      ctx.err("wget: error getting response: Connection reset by peer\n");
      return 1;
    }
    const location = res.headers.find(([k]) => k.toLowerCase() === "location")?.[1];
    if (!REDIRECTS.has(res.status) || !location || hops >= MAX_REDIRECTS) break;
    target = (location.startsWith("/") ? { ...target, path: location } : parseUrl(location)) ?? target;
  }
  if (res.status >= 400) {
    ctx.err(`wget: server returned error: ${res.protocol ?? "HTTP/1.1"} ${res.status} ${reason(res.status)}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) ctx.err("remote file exists\n");
    return 0;
  }
  const toStdout = output === "-";
  const file = output ?? (u.path.replace(/[?#].*$/, "").split("/").pop() || "index.html");
  const size = new TextEncoder().encode(res.body).length;
  if (!quiet) ctx.err(toStdout ? "writing to stdout\n" : `saving to '${file}'\n`);
  if (toStdout) ctx.out(res.body);
  else {
    const err = ctx.fs.write(resolvePath(ctx.cwd, file), res.body, false);
    if (err) {
      ctx.err(`wget: can't open '${file}': ${err.message}\n`);
      return 1;
    }
  }
  if (!quiet) ctx.err(`${(toStdout ? "-" : file).padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n${toStdout ? "written to stdout" : `'${file}' saved`}\n`);
  return 0;
};

const CURL_VALUE_FLAGS = new Set(["-o", "-w", "-m", "-X", "-H", "-d", "-u", "-A", "-e", "-x", "--max-time", "--connect-timeout", "--output", "--write-out", "--request", "--header", "--data", "--user-agent", "--retry", "--retry-delay"]);

const curl: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (CURL_VALUE_FLAGS.has(a)) values[a] = args[++i] ?? "";
    else if (a.startsWith("--")) flags.add(a);
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (CURL_VALUE_FLAGS.has(`-${f}`)) values[`-${f}`] = args[++i] ?? "";
        else flags.add(`-${f}`);
      }
    } else url = a;
  }
  const silent = flags.has("-s") || flags.has("--silent");
  const showError = !silent || flags.has("-S") || flags.has("--show-error");
  const fail = (code: number, msg: string): number => {
    if (showError) ctx.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) {
    ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const u = parseUrl(url);
  if (!u) return fail(3, "URL rejected: Malformed input to a URL function");
  const head = flags.has("-I") || flags.has("--head");
  const { dial, res } = fetch(ctx, u, values["-A"] ?? values["--user-agent"] ?? `curl/${ctx.sys.toolbox === "busybox" ? "8.16.0" : "7.88.1"}`, head ? "HEAD" : "GET");
  if (dial.kind === "unresolved") return fail(6, `Could not resolve host: ${u.host}`);
  if (dial.kind === "refused") return fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: ${ctx.sys.toolbox === "busybox" ? "Couldn't connect to server" : "Connection refused"}`);
  if (!res) return fail(1, "Received HTTP/0.9 when not allowed");
  if ((flags.has("-f") || flags.has("--fail")) && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`);
  const headerBlock = `${res.protocol ?? "HTTP/1.1"} ${res.status} ${reason(res.status)}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
  const body = head ? headerBlock : flags.has("-i") || flags.has("--include") ? headerBlock + res.body : res.body;
  const size = new TextEncoder().encode(res.body).length;
  const outFile = values["-o"] ?? values["--output"];
  if (outFile && outFile !== "-") {
    const err = ctx.fs.write(resolvePath(ctx.cwd, outFile), body, false);
    if (err) return fail(23, `Failure writing output to destination`);
  } else ctx.out(body);
  if (!silent && !head) {
    const n = String(size).padStart(5);
    ctx.err(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${n}  100 ${n}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
  }
  const writeOut = values["-w"] ?? values["--write-out"];
  if (writeOut) ctx.out(writeOut.replace(/%\{http_code\}/g, String(res.status)).replace(/%\{size_download\}/g, String(size)).replace(/\\n/g, "\n"));
  return 0;
};

const nc: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = args.filter((a) => a.startsWith("-")).join("").replace(/-/g, "");
  const operands = args.filter((a, i) => !a.startsWith("-") && !(args[i - 1] === "-p" || args[i - 1] === "-w"));
  if (flags.includes("l")) {
    const port = Number(args[args.indexOf("-p") + 1] ?? operands[0]);
    return Number.isInteger(port) && port > 0 ? { daemon: { program: "nc-listener", argv: [...ctx.argv], pid: ctx.pid, startedAt: ctx.now, data: { port: String(port) } } } : 1;
  }
  const [host, portText] = operands;
  const dial = ctx.sys.dial(host ?? "", Number(portText));
  if (dial.kind === "unresolved") {
    ctx.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  if (dial.kind === "refused") {
    if (flags.includes("v")) ctx.err(`nc: ${host} (${dial.ip}:${portText}): Connection refused\n`);
    return 1;
  }
  if (flags.includes("v")) ctx.err(`${host} (${dial.ip}:${portText}) open\n`);
  return 0;
};

const DNS = "10.96.0.10";

/** BusyBox nslookup against cluster DNS; 1.28 (the docs' DNS-debugging image) words it the old way. */
const nslookup: Command = (ctx) => {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith("-"));
  if (!name) {
    ctx.err(usage(ctx, "nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n"));
    return 1;
  }
  const [major, minor] = ctx.sys.image.variant.version.split(".").map(Number);
  const old = major === 1 && minor < 29;
  const r = /^\d+(\.\d+){3}$/.test(name) ? { ip: name, fqdn: name } : ctx.sys.resolve(name);
  if (old) {
    ctx.out(`Server:    ${DNS}\nAddress 1: ${DNS} kube-dns.kube-system.svc.cluster.local\n\n`);
    if (!r) {
      ctx.err(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    ctx.out(`Name:      ${name}\nAddress 1: ${r.ip} ${r.fqdn}\n`);
    return 0;
  }
  ctx.out(`Server:\t\t${DNS}\nAddress:\t${DNS}:53\n\n`);
  if (!r) {
    ctx.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  ctx.out(`\nName:\t${r.fqdn}\nAddress: ${r.ip}\n\n`);
  return 0;
};

export const NET_TOOLS: Readonly<Record<string, Command>> = { wget, curl, nc, nslookup };
