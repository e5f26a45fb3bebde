import { describe, expect, it } from "vitest";
import type { ProbeSpec } from "../../runtime/types";
import { FakeRuntime } from "./testing/fake-runtime";
import type { FakeProgram } from "./testing/fake-runtime";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";

/** The image is on node01: containers start 1 s after the pod, when the sandbox is up. */
function scenario(program: FakeProgram, image = "registry.k8s.io/e2e-test-images/agnhost:2.40"): { s: KubeletScenario; runtime: FakeRuntime } {
  const runtime = new FakeRuntime(() => program);
  runtime.preload("node01", image);
  return { s: new KubeletScenario(runtime), runtime };
}

/** The liveness-HTTP pod of the Kubernetes docs (/healthz answers 200 for 10 s, then 500). */
const LIVENESS_HTTP = `apiVersion: v1
kind: Pod
metadata:
  name: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet: {path: /healthz, port: 8080, httpHeaders: [{name: Custom-Header, value: Awesome}]}
      initialDelaySeconds: 3
      periodSeconds: 3
`;

const healthz: FakeProgram = {
  termExitMs: 0,
  termExitCode: 2,
  probe: (_spec, since) => (since < 10_000 ? { success: true, output: "" } : { success: false, output: "HTTP probe failed with statuscode: 500" }),
};

/** The exec-liveness pod of the docs: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`. */
const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const healthyFile: FakeProgram = {
  probe: (_spec, since) => (since <= 30_000 ? { success: true, output: "" } : { success: false, output: "cat: can't open '/tmp/healthy': No such file or directory" }),
};

describe("liveness probes", () => {
  it("restart a container whose checks fail failureThreshold times, then back off (docs' liveness-HTTP)", async () => {
    const { s } = scenario(healthz);
    await s.apply(LIVENESS_HTTP);
    // starts at 1 s; probes at 4, 7, 10 pass, 13, 16, 19 fail → killed at 19 (exit 2), restarted a second later;
    // killed again at 38 → back-off 10 s → restart 48 → killed 66 → 20 s → 86 → killed 104 → 40 s → 144
    await expectGolden("liveness-http-timeline.golden", await s.timeline("liveness", [18, 19, 20, 37, 38, 39, 47, 48, 66, 67, 85, 86, 104, 105, 143, 144]));
    const events = await s.events("liveness");
    expect(events).toContain("spec.containers{liveness}: Liveness probe failed: HTTP probe failed with statuscode: 500");
    expect(events).toMatch(/Normal {3}Killing {4}40s \(x4 over 2m5s\) +kubelet +spec\.containers\{liveness\}: Container liveness failed liveness probe, will be restarted\n/);
    expect(await s.jsonpath("liveness", "{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("Error 2");
  });

  it("kill the docs' exec-liveness container 45 s after it started and restart it after SIGKILL ends the 30 s grace", async () => {
    const { s, runtime } = scenario(healthyFile, "registry.k8s.io/busybox:1.27.2");
    await s.apply(LIVENESS_EXEC);
    s.advance(45_000);
    expect(await s.row("liveness-exec")).toBe("liveness-exec   1/1     Running   0          45s");
    s.advance(1000);
    await expectGolden("liveness-exec-events.golden", await s.events("liveness-exec"));
    s.advance(29_000);
    expect(await s.row("liveness-exec")).toBe("liveness-exec   1/1     Running   0          75s");
    s.advance(1000);
    expect(await s.row("liveness-exec")).toBe("liveness-exec   0/1     Error    0          76s");
    s.advance(1000);
    expect(await s.row("liveness-exec")).toBe("liveness-exec   1/1     Running   1 (1s ago)   77s");
    expect(runtime.calls.filter((c) => c.startsWith("TERM") || c.startsWith("KILL"))).toEqual(["TERM liveness", "KILL liveness"]);
    expect(await s.jsonpath("liveness-exec", "{.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("137");
  });

  it("use the defaults: first probe when the container starts, every 10 s, killed on the third failure", async () => {
    const { s } = scenario({ termExitMs: 0, probe: () => ({ success: false, output: "" }) });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    livenessProbe: {tcpSocket: {port: 8080}}
`);
    s.advance(21_500);
    expect(await s.row("app")).toBe("app    0/1     Error    0          21s");
    const events = await s.events("app");
    expect(events).toContain("Warning  Unhealthy  0s (x3 over 20s)  kubelet            spec.containers{app}: Liveness probe failed:\n");
    expect(events).toContain("Normal   Killing    0s                kubelet            spec.containers{app}: Container app failed liveness probe");
  });

  it("hand the runtime the probe with defaults filled and named ports resolved", async () => {
    const seen: ProbeSpec[] = [];
    const { s } = scenario({ probe: (spec) => (seen.push(spec), { success: true, output: "" }) });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    ports: [{name: http, containerPort: 8080}]
    livenessProbe: {httpGet: {port: http}, timeoutSeconds: 2}
`);
    s.advance(1500);
    // from node01, whose own address a probe of localhost would reach
    expect(seen[0]).toEqual({ httpGet: { path: "/", port: 8080, host: undefined, scheme: "HTTP" }, timeoutSeconds: 2, nodeIP: "172.30.2.2" });
  });
});

describe("readiness probes", () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5, successThreshold: 2}
`;

  it("keep a running container unready until it passes successThreshold times, and never restart it", async () => {
    const { s } = scenario({ probe: (_spec, since) => (since >= 10_000 && since < 30_000 ? { success: true, output: "" } : { success: false, output: "HTTP probe failed with statuscode: 503" }) });
    await s.apply(pod);
    s.advance(2000);
    expect(await s.row("web")).toBe("web    0/1     Running   0          2s");
    expect(await s.jsonpath("web", "{.status.conditions[2].type} {.status.conditions[2].status} {.status.conditions[2].reason}: {.status.conditions[2].message}")).toBe(
      "Ready False ContainersNotReady: containers with unready status: [web]",
    );
    s.advance(14_000);
    expect(await s.row("web")).toBe("web    1/1     Running   0          16s");
    expect(await s.jsonpath("web", "{.status.conditions[2].status} {.status.conditions[3].status} {.status.containerStatuses[0].ready}")).toBe("True True true");
    s.advance(20_000);
    expect(await s.row("web")).toBe("web    1/1     Running   0          36s");
    s.advance(6000);
    expect(await s.row("web")).toBe("web    0/1     Running   0          42s");
    expect(await s.events("web")).toContain("spec.containers{web}: Readiness probe failed: HTTP probe failed with statuscode: 503");
  });
});

describe("startup probes", () => {
  const pod = (failureThreshold: number) => `apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: slow
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    startupProbe: {exec: {command: [cat, /ready]}, periodSeconds: 2, failureThreshold: ${failureThreshold}}
    livenessProbe: {exec: {command: [cat, /alive]}, periodSeconds: 2}
`;
  const ready = (afterMs: number): FakeProgram => ({
    termExitMs: 0,
    probe: (spec, since) => (spec.exec?.command[1] === "/alive" || since >= afterMs ? { success: true, output: "" } : { success: false, output: "cat: can't open '/ready': No such file or directory" }),
  });

  it("hold started, ready and liveness back until they pass", async () => {
    const probes: string[] = [];
    const program = ready(5000);
    const { s } = scenario({ ...program, probe: (spec, since) => (probes.push(`${since / 1000}s ${spec.exec?.command[1]}`), program.probe?.(spec, since) ?? { success: true, output: "" }) });
    await s.apply(pod(10));
    s.advance(4000);
    expect(await s.jsonpath("slow", "{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}")).toBe("false false");
    expect(await s.row("slow")).toBe("slow   0/1     Running   0          4s");
    s.advance(3000);
    expect(await s.jsonpath("slow", "{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}")).toBe("true true");
    expect(probes).toEqual(["0s /ready", "2s /ready", "4s /ready", "6s /ready", "6s /alive"]);
  });

  it("kill the container when they fail failureThreshold times (the new container's first probe fails too)", async () => {
    const { s } = scenario(ready(60_000));
    await s.apply(pod(3));
    s.advance(6000);
    const events = await s.events("slow");
    expect(events).toContain("Warning  Unhealthy  0s (x4 over 5s)  kubelet            spec.containers{slow}: Startup probe failed: cat: can't open '/ready': No such file or directory");
    expect(events).toContain("Normal   Killing    1s               kubelet            spec.containers{slow}: Container slow failed startup probe, will be restarted");
    expect(await s.row("slow")).toBe("slow   0/1     Running   1 (1s ago)   6s");
  });
});
