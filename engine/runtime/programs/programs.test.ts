/** What the catalog's programs print and serve, against real container output. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "../simulated-runtime";
import { T0, config, logText, running } from "../test-support";

const S = 1000;
const golden = (name: string): string => readFileSync(new URL(`../testdata/${name}`, import.meta.url), "utf8");

describe("start-up logs", () => {
  it.each([
    ["nginx:1.27.4", {}, "nginx-1.27-start.log"],
    ["redis:7.2", {}, "redis-7.2-start.log"],
    ["postgres:16", {}, "postgres-no-password.log"],
    ["mysql:8.4", {}, "mysql-8.4-no-password.log"],
  ])("%s logs what the real image logs", (image, env, file) => {
    expect(logText(running({ image, env }))).toBe(golden(file));
  });

  it("nginx 1.14.2 has no entrypoint scripts and logs only at warn level: nothing", () => {
    expect(logText(running({ image: "nginx:1.14.2" }))).toBe("");
  });

  it("httpd cannot determine its ServerName and says so twice", () => {
    const lines = logText(running({ image: "httpd:2.4" })).split("\n");
    expect(lines[0]).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message");
    expect(lines[1]).toBe(lines[0]);
    expect(lines[2]).toMatch(/^\[Thu Jan 01 12:00:00\.000000 2026\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.65 \(Unix\) configured -- resuming normal operations$/);
  });

  it("postgres without POSTGRES_PASSWORD exits 1; with it, it runs", () => {
    expect(running({ image: "postgres:16" }).step("c", T0 + S)).toMatchObject({ kind: "exited", exitCode: 1, reason: "Error" });
    expect(running({ image: "postgres:16", env: { POSTGRES_PASSWORD: "x" } }).step("c", T0 + S)).toEqual({ kind: "running" });
  });
});

describe("web servers", () => {
  it("nginx serves its welcome page; curl from inside reaches it on localhost", () => {
    const rt = running({ image: "nginx:1.27.5" });
    const r = rt.exec("c", ["curl", "-s", "localhost"], "", T0 + S);
    expect(r.stdout).toContain("<title>Welcome to nginx!</title>");
    expect(new TextEncoder().encode(r.stdout).length).toBe(615);
  });

  it("a page mounted from a ConfigMap replaces the welcome page", () => {
    const rt = new SimulatedRuntime();
    rt.ensureVolume("p/html", { kind: "files", files: { "index.html": "<h1>custom</h1>\n" } });
    rt.start("c", "node01", config({ image: "nginx:1.27.5", mounts: [{ path: "/usr/share/nginx/html", volume: "p/html", readOnly: true }] }), T0);
    expect(rt.exec("c", ["curl", "-s", "http://localhost/"], "", T0 + S).stdout).toBe("<h1>custom</h1>\n");
  });

  it("nginx listens where default.conf says", () => {
    const rt = new SimulatedRuntime();
    rt.ensureVolume("p/conf", { kind: "files", files: { "default.conf": "server {\n    listen 8080;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n" } });
    rt.start("c", "node01", config({ image: "nginx:1.27.5", mounts: [{ path: "/etc/nginx/conf.d", volume: "p/conf", readOnly: true }] }), T0);
    expect(rt.probe("c", { tcpSocket: { port: 8080 } }, T0 + S).success).toBe(true);
    expect(rt.probe("c", { tcpSocket: { port: 80 } }, T0 + S).success).toBe(false);
  });

  it("a second nginx in the same pod cannot bind port 80 and exits 1", () => {
    const rt = new SimulatedRuntime();
    rt.start("a", "node01", config({ podUid: "p", image: "nginx:1.27.5" }), T0);
    rt.start("b", "node01", config({ podUid: "p", name: "second", image: "nginx:1.27.5" }), T0 + S);
    expect(rt.step("b", T0 + 10 * S)).toEqual({ kind: "exited", exitCode: 1, reason: "Error", at: T0 + 3500 });
    const lines = logText(rt, "b").trimEnd().split("\n");
    expect(lines.at(-3)).toBe("nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
    expect(lines.at(-1)).toBe("nginx: [emerg] still could not bind()");
  });

  it("busybox wget from another pod reaches nginx by pod IP, and nginx logs the client", () => {
    const rt = new SimulatedRuntime();
    rt.start("web", "node01", config({ podUid: "web", image: "nginx:1.27.5" }), T0);
    rt.start("cli", "node01", config({ podUid: "cli", podName: "client", podIP: "10.244.2.7", command: ["sleep", "3600"] }), T0);
    expect(rt.exec("cli", ["wget", "-qO-", "http://10.244.1.5/"], "", T0 + S).stdout).toContain("Welcome to nginx!");
    expect(rt.exec("cli", ["wget", "-O-", "10.244.1.5:8080"], "", T0 + S)).toEqual({ stdout: "", stderr: "Connecting to 10.244.1.5 (10.244.1.5:8080)\nwget: can't connect to remote host (10.244.1.5): Connection refused\n", exitCode: 1 });
    expect(rt.exec("cli", ["wget", "-qO-", "my-svc"], "", T0 + S)).toEqual({ stdout: "", stderr: "wget: bad address 'my-svc'\n", exitCode: 1 });
    expect(logText(rt, "web").trimEnd().split("\n").at(-1)).toBe('10.244.2.7 - - [01/Jan/2026:12:00:01 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"');
  });

  it("Services resolve through the cluster network the runtime is given", () => {
    const rt = new SimulatedRuntime();
    rt.setNetwork({ resolve: (host) => (host === "web-svc" ? { ip: "10.96.12.34", target: { podIP: "10.244.1.5", port: 80 } } : host === "empty-svc" ? { ip: "10.96.99.1" } : undefined) });
    rt.start("web", "node01", config({ podUid: "web", image: "nginx:1.27.5" }), T0);
    rt.start("cli", "node01", config({ podUid: "cli", podIP: "10.244.2.7", command: ["sleep", "3600"] }), T0);
    expect(rt.exec("cli", ["wget", "-O-", "web-svc"], "", T0 + S).stderr).toBe(
      "Connecting to web-svc (10.96.12.34:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n",
    );
    expect(rt.exec("cli", ["wget", "-qO-", "empty-svc"], "", T0 + S).stderr).toBe("wget: can't connect to remote host (10.96.99.1): Connection refused\n");
  });

  it.each([
    ["curl refused", ["curl", "localhost:8080"], "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused\n", 7],
    ["curl unknown host", ["curl", "-sS", "nope"], "curl: (6) Could not resolve host: nope\n", 6],
    ["curl -f on a 404", ["curl", "-sSf", "localhost/missing"], "curl: (22) The requested URL returned error: 404\n", 22],
  ])("%s (curl 7.88 in the Debian nginx image)", (_name, argv, stderr, exitCode) => {
    const rt = running({ image: "nginx:1.27.5" });
    expect(rt.exec("c", argv, "", T0 + S)).toMatchObject({ stderr, exitCode });
  });

  it("hashicorp/http-echo answers with its -text", () => {
    const rt = running({ image: "hashicorp/http-echo", args: ["-text=apple"] });
    expect(logText(rt)).toBe("2026/01/01 12:00:00 [INFO] server is listening on :5678\n");
    expect(rt.probe("c", { httpGet: { path: "/", port: 5678 } }, T0 + S)).toEqual({ success: true, output: "apple\n" });
  });
});

describe("exec into running containers", () => {
  it("ps in busybox shows PID 1's command line", () => {
    const rt = running({ command: ["sh", "-c", "while true; do sleep 5; done"] });
    const out = rt.exec("c", ["ps"], "", T0 + S).stdout.split("\n");
    expect(out[0]).toBe("PID   USER     TIME  COMMAND");
    expect(out[1]).toBe("    1 root      0:00 sh -c while true; do sleep 5; done");
  });

  it("redis-cli keeps what it sets", () => {
    const rt = running({ image: "redis:7.2" });
    expect(rt.exec("c", ["redis-cli", "set", "k", "v"], "", T0 + S).stdout).toBe("OK\n");
    expect(rt.exec("c", ["redis-cli", "get", "k"], "", T0 + S).stdout).toBe("v\n");
  });

  it("files an exec writes are seen by the container's own process", () => {
    const rt = running({ command: ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 1; done; echo go"] });
    rt.exec("c", ["touch", "/tmp/go"], "", T0 + 5 * S);
    expect(rt.step("c", T0 + 10 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 6 * S });
    expect(logText(rt)).toBe("go\n");
  });
});

describe("preStop hooks", () => {
  it("the docs' `nginx -s quit` preStop makes nginx finish gracefully before any TERM", () => {
    const rt = running({ image: "nginx:1.27.4" });
    const hook = rt.exec("c", ["/bin/sh", "-c", "nginx -s quit; while killall -0 nginx; do sleep 1; done"], "", T0 + 10 * S);
    expect(hook).toEqual({ stdout: "", stderr: "2026/01/01 12:00:10 [notice] 8#8: signal process started\n/bin/sh: 1: killall: not found\n", exitCode: 0 });
    expect(rt.step("c", T0 + 11 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 10 * S + 20 });
    expect(logText(rt).split("\n").at(-2)).toBe("2026/01/01 12:00:10 [notice] 1#1: exit");
  });
});
