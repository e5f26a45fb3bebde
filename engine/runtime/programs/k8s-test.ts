/**
 * The Kubernetes docs' test servers: the liveness demo (HTTP 200 on /healthz for its
 * first 10 seconds, then 500, as test/images/agnhost/liveness/server.go does), agnhost
 * and its subcommands, the pause container, goproxy and etcd for TCP and gRPC probes.
 */
import { strftime } from "../../shell/coreutils/date";
import type { CommandContext, HttpRequest, HttpResponse } from "../sh/command";
import type { DaemonState } from "../sh/process-state";
import { GO_NOT_FOUND, GO_STOP, MI, daemon, flagValue, text, type Program } from "./program";

function liveness(d: DaemonState, req: HttpRequest, now: number): HttpResponse {
  const path = req.path.replace(/\?.*$/, "");
  const elapsed = (now - d.startedAt) / 1000;
  if (path === "/healthz") return elapsed > 10 ? text(500, `error: ${elapsed}`) : text(200, "ok");
  if (path === "/started") return text(200, `${elapsed}s`);
  return GO_NOT_FOUND;
}

export const LIVENESS_PROGRAM: Program = {
  run: (ctx) => daemon("liveness", ctx.argv, ctx.pid, ctx.now, { port: "8080" }),
  listeners: () => [{ port: 8080, proto: "http" }],
  serve: (d, req, ctx) => liveness(d, req, ctx.now),
  stop: GO_STOP,
  usage: () => ({ memory: 2.3 * MI, cpu: 0 }),
};

/** The Go log package's prefix: `2024/03/06 12:00:00 `. */
function goLog(ms: number): string {
  return strftime("%Y/%m/%d %H:%M:%S ", ms);
}

const AGNHOST_SUBCOMMANDS: Record<string, (ctx: CommandContext, args: readonly string[]) => ReturnType<Program["run"]>> = {
  liveness: (ctx) => daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "liveness", http: "8080" }),
  netexec: (ctx, args) => {
    const http = flagValue(args, "--http-port") ?? "8080";
    const udp = flagValue(args, "--udp-port") ?? "8081";
    ctx.err(`${goLog(ctx.now)}Started HTTP server on port ${http}\n${goLog(ctx.now)}Started UDP server on port ${udp}\n`);
    return daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "netexec", http });
  },
  "serve-hostname": (ctx, args) => {
    const port = flagValue(args, "--port") ?? "9376";
    ctx.err(`${goLog(ctx.now)}Serving on port ${port}.\n`);
    return daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "serve-hostname", http: port });
  },
  "grpc-health-checking": (ctx, args) => {
    const port = flagValue(args, "--port") ?? "5000";
    const http = flagValue(args, "--http-port") ?? "8080";
    ctx.err(`${goLog(ctx.now)}gRPC server starting to listen on :${port}\n${goLog(ctx.now)}Starting HTTP server on :${http}\n`);
    return daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "grpc", http, grpc: port });
  },
  "test-webserver": (ctx, args) => daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "test-webserver", http: flagValue(args, "--port") ?? "80" }),
  pause: (ctx) => {
    ctx.err("Paused\n");
    return daemon("agnhost", ctx.argv, ctx.pid, ctx.now, { mode: "pause" });
  },
};

export const AGNHOST_PROGRAM: Program = {
  run: (ctx) => {
    const [sub, ...args] = ctx.argv.slice(1);
    if (sub === undefined) {
      ctx.out("agnhost: a test image for Kubernetes e2e tests\n");
      return 0;
    }
    const start = AGNHOST_SUBCOMMANDS[sub];
    if (start) return start(ctx, args);
    ctx.err(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
    return 1;
  },
  listeners: (d) => [...(d.data.http ? [{ port: Number(d.data.http), proto: "http" as const }] : []), ...(d.data.grpc ? [{ port: Number(d.data.grpc), proto: "grpc" as const }] : [])],
  serve: (d, req, ctx) => {
    const path = req.path.replace(/\?.*$/, "");
    switch (d.data.mode) {
      case "liveness":
        return liveness(d, req, ctx.now);
      case "serve-hostname":
        return text(200, ctx.sys.hostname);
      case "test-webserver":
        return path === "/" ? text(200, "Hello World!") : GO_NOT_FOUND;
      default:
        if (path === "/hostname") return text(200, ctx.sys.hostname);
        if (path === "/healthz") return text(200, "");
        if (path === "/echo") return text(200, decodeURIComponent(/[?&]msg=([^&]*)/.exec(req.path)?.[1] ?? ""));
        if (path === "/clientip") return text(200, `${req.from}:43210`);
        if (path === "/") return text(200, `NOW: ${strftime("%Y-%m-%d %H:%M:%S", ctx.now)}.${String(ctx.now % 1000).padStart(3, "0")}000000 +0000 UTC m=+${((ctx.now - d.startedAt) / 1000).toFixed(9)}`);
        return GO_NOT_FOUND;
    }
  },
  stop: (d) => (d.data.mode === "pause" ? { afterMs: 5, code: 0 } : GO_STOP()),
  usage: () => ({ memory: 6.1 * MI, cpu: 0.001 }),
};

export const PAUSE_PROGRAM: Program = {
  run: (ctx) => daemon("pause", ctx.argv, ctx.pid, ctx.now),
  stop: (_d, ctx) => {
    ctx.log("stderr", "Shutting down, got signal: Terminated\n");
    return { afterMs: 1, code: 0 };
  },
  usage: () => ({ memory: 0.25 * MI, cpu: 0 }),
};

export const GOPROXY_PROGRAM: Program = {
  run: (ctx) => daemon("goproxy", ctx.argv, ctx.pid, ctx.now),
  listeners: () => [{ port: 8080, proto: "tcp" }],
  stop: GO_STOP,
  usage: () => ({ memory: 1.9 * MI, cpu: 0 }),
};

export const ETCD_PROGRAM: Program = {
  run: (ctx) => {
    const urls = flagValue(ctx.argv, "--listen-client-urls") ?? "http://localhost:2379";
    const ports = [...urls.matchAll(/:(\d+)/g)].map((m) => m[1]);
    const t = `${strftime("%Y-%m-%dT%H:%M:%S", ctx.now)}.${String(ctx.now % 1000).padStart(3, "0")}Z`;
    ctx.err(`{"level":"info","ts":"${t}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":${JSON.stringify(ctx.argv)}}\n{"level":"info","ts":"${t}","caller":"embed/serve.go:187","msg":"serving client traffic insecurely; this is strongly discouraged!","traffic":"grpc+http","address":"[::]:${ports[0] ?? "2379"}"}\n`);
    // --listen-metrics-urls serves /metrics and the health endpoints over plain HTTP (kubeadm: http://127.0.0.1:2381)
    const metrics = [...(flagValue(ctx.argv, "--listen-metrics-urls") ?? "").matchAll(/:(\d+)/g)].map((m) => m[1]);
    return daemon("etcd", ctx.argv, ctx.pid, ctx.now, { ports: (ports.length ? ports : ["2379"]).join(","), metrics: metrics.join(",") });
  },
  listeners: (d) => [
    ...d.data.ports.split(",").map((p) => ({ port: Number(p), proto: "grpc" as const })),
    ...(d.data.metrics ? d.data.metrics.split(",").map((p) => ({ port: Number(p), proto: "http" as const })) : []),
  ],
  serve: (_d, req) => {
    const path = req.path.replace(/\?.*$/, "");
    if (path === "/livez" || path === "/readyz") return text(200, "ok");
    return path === "/health" ? text(200, '{"health":"true","reason":""}') : GO_NOT_FOUND;
  },
  steady: true,
  stop: () => ({ afterMs: 50, code: 0 }),
  usage: () => ({ memory: 14.5 * MI, cpu: 0.004 }),
};

interface ComponentFacts {
  /** the control-plane components serve their health endpoints on their secure (TLS) ports */
  readonly ports: readonly { readonly port: number; readonly proto: "http" | "tcp"; readonly tls?: boolean }[];
  readonly memory: number;
  readonly cpu: number;
  readonly start: (version: string, argv: readonly string[]) => readonly string[];
}

const COMPONENTS: Record<string, ComponentFacts> = {
  "kube-apiserver": { ports: [{ port: 6443, proto: "http", tls: true }], memory: 245 * MI, cpu: 0.045, start: (v, a) => [`options.go:249] external host was not specified, using ${(flagValue(a, "--advertise-address") ?? "").trim()}`, `server.go:160] Version: v${v}`] },
  "kube-controller-manager": { ports: [{ port: 10257, proto: "http", tls: true }], memory: 52 * MI, cpu: 0.012, start: (v) => [`serving.go:386] Generated self-signed cert in-memory`, `controllermanager.go:189] "Starting" version="v${v}"`] },
  "kube-scheduler": { ports: [{ port: 10259, proto: "http", tls: true }], memory: 21 * MI, cpu: 0.004, start: (v) => [`serving.go:386] Generated self-signed cert in-memory`, `server.go:167] "Starting Kubernetes Scheduler" version="v${v}"`] },
  "kube-proxy": { ports: [{ port: 10256, proto: "http" }], memory: 16 * MI, cpu: 0.001, start: () => [`server_linux.go:66] "Using iptables proxy"`, `server.go:483] "Version info" version="v1.35.0"`] },
  coredns: { ports: [{ port: 53, proto: "tcp" }, { port: 8080, proto: "http" }, { port: 8181, proto: "http" }, { port: 9153, proto: "http" }], memory: 14 * MI, cpu: 0.002, start: () => [] },
};

/** The cluster components (kube-apiserver, kube-proxy, CoreDNS ...): klog start-up lines, health endpoints. */
export const K8S_COMPONENT_PROGRAM: Program = {
  run: (ctx) => {
    const name = ctx.argv[0].split("/").pop() ?? "";
    const key = name === "coredns" ? "coredns" : name;
    const facts = COMPONENTS[key];
    if (!facts) return 0;
    const stamp = `I${strftime("%m%d %H:%M:%S", ctx.now)}.${String(ctx.now % 1000).padStart(3, "0")}000       1 `;
    if (key === "coredns") ctx.out(`.:53\n[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b\nCoreDNS-${ctx.sys.image.variant.version}\nlinux/amd64, go1.23.3, 51e11f1\n`);
    else ctx.err(facts.start(ctx.sys.image.variant.version, ctx.argv).map((l) => `${stamp}${l}\n`).join(""));
    return daemon("k8s-component", ctx.argv, ctx.pid, ctx.now, { component: key });
  },
  listeners: (d) => COMPONENTS[d.data.component]?.ports ?? [],
  serve: (d, req) => {
    const path = req.path.replace(/\?.*$/, "");
    if (d.data.component === "coredns") return path === "/health" || path === "/ready" ? text(200, "OK") : GO_NOT_FOUND;
    return path === "/healthz" || path === "/livez" || path === "/readyz" ? text(200, "ok") : GO_NOT_FOUND;
  },
  steady: true,
  stop: () => ({ afterMs: 100, code: 0 }),
  usage: (d) => ({ memory: COMPONENTS[d.data.component]?.memory ?? 10 * MI, cpu: COMPONENTS[d.data.component]?.cpu ?? 0 }),
};
