/** Probes against what the container serves, with the kubelet prober's own output texts. */
import { describe, expect, it } from "vitest";
import { T0, logText, running } from "./test-support";
import type { ProbeSpec } from "./types";

const S = 1000;

describe("the docs' liveness demos", () => {
  it.each([
    [3, { success: true, output: "ok" }],
    [10, { success: true, output: "ok" }],
    [11, { success: false, output: "HTTP probe failed with statuscode: 500" }],
    [30, { success: false, output: "HTTP probe failed with statuscode: 500" }],
  ])("registry.k8s.io/liveness /server: /healthz at %ds", (at, result) => {
    const rt = running({ image: "registry.k8s.io/liveness", args: ["/server"] });
    expect(rt.probe("c", { httpGet: { path: "/healthz", port: 8080 } }, T0 + at * S)).toEqual(result);
  });

  it("agnhost liveness behaves the same, counted from each start", () => {
    const rt = running({ image: "registry.k8s.io/e2e-test-images/agnhost:2.40", args: ["liveness"] });
    expect(rt.probe("c", { httpGet: { path: "/healthz", port: 8080 } }, T0 + 12 * S)).toEqual({ success: false, output: "HTTP probe failed with statuscode: 500" });
    rt.start("c2", "node01", { podUid: "other", podName: "x", namespace: "default", name: "x", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", args: ["liveness"], env: {}, mounts: [], podIP: "10.244.1.9" }, T0 + 12 * S);
    expect(rt.probe("c2", { httpGet: { path: "/healthz", port: 8080 } }, T0 + 13 * S)).toEqual({ success: true, output: "ok" });
  });

  it.each([
    [29, true, ""],
    [30, false, "cat: can't open '/tmp/healthy': No such file or directory\n"],
    [45, false, "cat: can't open '/tmp/healthy': No such file or directory\n"],
  ])("exec probe `cat /tmp/healthy` at %ds", (at, success, output) => {
    const rt = running({ image: "registry.k8s.io/busybox:1.27.2", args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] });
    expect(rt.probe("c", { exec: { command: ["cat", "/tmp/healthy"] } }, T0 + at * S)).toEqual({ success, output });
  });
});

const refused: [string, string, ProbeSpec, string][] = [
  ["httpGet on a port nothing listens on", "nginx:1.27.5", { httpGet: { path: "/healthz", port: 8080 } }, 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused'],
  ["tcpSocket on a port nothing listens on", "nginx:1.27.5", { tcpSocket: { port: 3306 } }, "dial tcp 10.244.1.5:3306: connect: connection refused"],
  ["grpc where nothing serves gRPC health", "nginx:1.27.5", { grpc: { port: 2379 } }, 'timeout: failed to connect service "10.244.1.5:2379" within 1s: context deadline exceeded'],
  ["httpGet to a path nginx does not have", "nginx:1.27.5", { httpGet: { path: "/nope", port: 80 } }, "HTTP probe failed with statuscode: 404"],
  ["exec of a binary the image lacks", "redis:7.2", { exec: { command: ["/usr/local/bin/nope"] } }, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/usr/local/bin/nope": stat /usr/local/bin/nope: no such file or directory: unknown'],
  ["exec that outlives timeoutSeconds", "busybox:1.36", { exec: { command: ["sleep", "5"] }, timeoutSeconds: 2 }, 'command "sleep 5" timed out'],
];

describe("failing probes", () => {
  it.each(refused)("%s", (_name, image, spec, output) => {
    const rt = running({ image, command: image.startsWith("busybox") ? ["sleep", "3600"] : undefined });
    expect(rt.probe("c", spec, T0 + S)).toEqual({ success: false, output });
  });
});

describe("passing probes", () => {
  it.each<[string, string, ProbeSpec, string]>([
    ["tcpSocket on redis", "redis:7.2", { tcpSocket: { port: 6379 } }, ""],
    ["exec redis-cli ping", "redis:7.2", { exec: { command: ["redis-cli", "ping"] } }, "PONG\n"],
    ["grpc on etcd", "registry.k8s.io/etcd:3.5.1-0", { grpc: { port: 2379 } }, "service healthy"],
    ["tcpSocket on goproxy", "registry.k8s.io/goproxy:0.1", { tcpSocket: { port: 8080 } }, ""],
  ])("%s", (_name, image, spec, output) => {
    const rt = running({ image, command: image.includes("etcd") ? ["etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://127.0.0.1:2379"] : undefined });
    expect(rt.probe("c", spec, T0 + S)).toEqual({ success: true, output });
  });

  it("an nginx httpGet probe is logged as kube-probe from the node's bridge address", () => {
    const rt = running({ image: "nginx:1.27.5" });
    expect(rt.probe("c", { httpGet: { path: "/", port: 80 } }, T0 + 5 * S).success).toBe(true);
    expect(logText(rt).split("\n").at(-2)).toBe('10.244.1.1 - - [01/Jan/2026:12:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.35" "-"');
  });

  it("a database is not ready until it has initialised", () => {
    const rt = running({ image: "postgres:16", env: { POSTGRES_PASSWORD: "secret" } });
    expect(rt.probe("c", { exec: { command: ["pg_isready"] } }, T0 + S)).toEqual({ success: false, output: "/var/run/postgresql:5432 - no response\n" });
    expect(rt.probe("c", { exec: { command: ["pg_isready"] } }, T0 + 5 * S)).toEqual({ success: true, output: "/var/run/postgresql:5432 - accepting connections\n" });
  });
});

describe("the control-plane components' health endpoints", () => {
  const apiserver = () => running({ image: "registry.k8s.io/kube-apiserver:v1.35.0", command: ["kube-apiserver", "--advertise-address=10.244.1.5"] });
  const etcd = () => running({ image: "registry.k8s.io/etcd:3.6.5-0", command: ["etcd", "--listen-client-urls=https://127.0.0.1:2379", "--listen-metrics-urls=http://127.0.0.1:2381"], podIP: "172.30.1.2" });

  it("answers HTTPS probes on the secure port, steadily", () => {
    expect(apiserver().probe("c", { httpGet: { path: "/livez", port: 6443, scheme: "HTTPS" } }, T0 + S)).toEqual({ success: true, output: "ok", steady: true });
  });

  it("answers a plain HTTP probe on a TLS port with 400, as Go's TLS server does", () => {
    expect(apiserver().probe("c", { httpGet: { path: "/livez", port: 6443 } }, T0 + S)).toEqual({ success: false, output: "HTTP probe failed with statuscode: 400" });
  });

  it("serves etcd's /livez and /readyz on its metrics URL, reached through the node's loopback", () => {
    const spec = (path: string, port: number): ProbeSpec => ({ httpGet: { host: "127.0.0.1", path, port, scheme: "HTTP" }, nodeIP: "172.30.1.2" });
    expect(etcd().probe("c", spec("/readyz", 2381), T0 + S)).toEqual({ success: true, output: "ok", steady: true });
    expect(etcd().probe("c", spec("/livez", 2382), T0 + S)).toEqual({ success: false, output: 'Get "http://127.0.0.1:2382/livez": dial tcp 127.0.0.1:2382: connect: connection refused' });
  });
});
