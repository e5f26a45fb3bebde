import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "./simulated-runtime";

/** containerd's texts as the kubelet shows them after `Failed to pull image "x": ` (Kubernetes 1.35 events). */
const failures: [image: string, error: string][] = [
  ["nginx:bad", 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:bad": failed to resolve reference "docker.io/library/nginx:bad": docker.io/library/nginx:bad: not found'],
  ["nginx:1.99.0", 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99.0": failed to resolve reference "docker.io/library/nginx:1.99.0": docker.io/library/nginx:1.99.0: not found'],
  ["busybox777", 'failed to pull and unpack image "docker.io/library/busybox777:latest": failed to resolve reference "docker.io/library/busybox777:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ["jakwehrgkaejw:kahsdfgkhj", 'failed to pull and unpack image "docker.io/library/jakwehrgkaejw:kahsdfgkhj": failed to resolve reference "docker.io/library/jakwehrgkaejw:kahsdfgkhj": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ["opsproof/app:missing", 'failed to pull and unpack image "docker.io/opsproof/app:missing": failed to resolve reference "docker.io/opsproof/app:missing": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ["registry.k8s.io/nosuch:1.0", 'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nosuch:1.0": failed to resolve reference "registry.k8s.io/nosuch:1.0": registry.k8s.io/nosuch:1.0: not found'],
  ["myregistry.io/app:v1", 'failed to pull and unpack image "myregistry.io/app:v1": failed to resolve reference "myregistry.io/app:v1": failed to do request: Head "https://myregistry.io/v2/app/manifests/v1": dial tcp: lookup myregistry.io on 127.0.0.53:53: no such host'],
];

const found: [image: string, normalized: string][] = [
  ["nginx", "docker.io/library/nginx:latest"],
  ["nginx:1.14.2", "docker.io/library/nginx:1.14.2"],
  ["nginx:1.27-alpine", "docker.io/library/nginx:1.27-alpine"],
  ["nginx:stable", "docker.io/library/nginx:stable"],
  ["busybox:1.28", "docker.io/library/busybox:1.28"],
  ["alpine:3.20", "docker.io/library/alpine:3.20"],
  ["redis:7.2", "docker.io/library/redis:7.2"],
  ["httpd:2.4", "docker.io/library/httpd:2.4"],
  ["postgres:16", "docker.io/library/postgres:16"],
  ["mysql:8.0", "docker.io/library/mysql:8.0"],
  ["registry.k8s.io/liveness", "registry.k8s.io/liveness:latest"],
  ["registry.k8s.io/e2e-test-images/agnhost:2.40", "registry.k8s.io/e2e-test-images/agnhost:2.40"],
  ["registry.k8s.io/busybox:1.27.2", "registry.k8s.io/busybox:1.27.2"],
  ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
  ["polinux/stress", "docker.io/polinux/stress:latest"],
  ["python:3.12-slim", "docker.io/library/python:3.12-slim"],
  ["ubuntu:22.04", "docker.io/library/ubuntu:22.04"],
  ["curlimages/curl:8.5.0", "docker.io/curlimages/curl:8.5.0"],
  ["registry.k8s.io/kube-apiserver:v1.35.0", "registry.k8s.io/kube-apiserver:v1.35.0"],
];

describe("pull", () => {
  it.each(failures)("%s fails with containerd's text", (image, error) => {
    expect(new SimulatedRuntime().pull("node01", image)).toEqual({ ok: false, error });
  });

  it.each(found)("%s pulls as %s and is then present on that node only", (image, normalized) => {
    const rt = new SimulatedRuntime();
    expect(rt.hasImage("node01", image)).toBe(false);
    const r = rt.pull("node01", image);
    expect(r.ok && r.normalized).toBe(normalized);
    expect(rt.hasImage("node01", image)).toBe(true);
    expect(rt.hasImage("node02", image)).toBe(false);
  });

  it("gives a fixed size, duration and sha256 image id per image", () => {
    const a = new SimulatedRuntime().pull("n", "nginx:1.27.5");
    const b = new SimulatedRuntime().pull("n", "nginx:1.27.5");
    const c = new SimulatedRuntime().pull("n", "busybox:1.36");
    if (!a.ok || !b.ok || !c.ok) throw new Error("pull failed");
    expect(a).toEqual(b);
    expect(a.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(c.sizeBytes).toBeLessThan(a.sizeBytes);
    expect(c.durationMs).toBeLessThan(a.durationMs);
  });

  it("refuses a reference that does not parse, as the kubelet's InvalidImageName does", () => {
    const r = new SimulatedRuntime().pull("n", "NGINX");
    expect(r).toEqual({ ok: false, error: 'couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase' });
  });
});
