import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import type { FakeProgram } from "./testing/fake-runtime";
import { KubeletScenario } from "./testing/scenario";
import { allMemories } from "./pod-memory";

function scenario(programs: Record<string, FakeProgram>): { s: KubeletScenario; runtime: FakeRuntime } {
  const runtime = new FakeRuntime((c) => programs[c.name] ?? { termExitMs: 0 });
  runtime.preload("node01", "busybox:1.36");
  runtime.preload("node01", "nginx:1.27");
  const s = new KubeletScenario(runtime);
  runtime.calls.length = 0;
  return { s, runtime };
}

const signals = (runtime: FakeRuntime) => runtime.calls.filter((c) => /^(TERM|KILL|exec)/.test(c));

describe("graceful termination (fidelity 6.6)", () => {
  it("stops a container that exits on SIGTERM at once, then (once the kubelet has seen it) removes the pod and all it held", async () => {
    const { s, runtime } = scenario({ web: { termExitMs: 0, termExitCode: 0 } });
    await s.kubectl("run web --image=nginx:1.27");
    s.advance(2000);
    const start = s.now();
    const r = await s.kubectl("delete pod web");
    expect(r.stdout).toBe('pod "web" deleted from default namespace\n');
    expect(s.now() - start).toBeLessThanOrEqual(1000);
    expect(signals(runtime)).toEqual(["TERM web"]);
    expect([...runtime.containers.values()].filter((c) => c.config.podName === "web")).toEqual([]);
    expect([...runtime.volumes.keys()].filter((k) => k.startsWith(String((s.pod("web")?.metadata as { uid?: string } | undefined)?.uid ?? "gone")))).toEqual([]);
    expect(allMemories(s.api).map((m) => m.name)).not.toContain("web");
  });

  it("shows Terminating while a process that ignores SIGTERM runs, and SIGKILLs it when the grace period ends", async () => {
    const { s, runtime } = scenario({ app: {} });
    await s.kubectl("run app --image=busybox:1.36 -- sleep 3600");
    s.advance(2000);
    await s.kubectl("delete pod app --wait=false");
    expect(await s.events("app")).toContain("Normal  Killing    0s    kubelet            spec.containers{app}: Stopping container app");
    s.advance(29_000);
    expect(await s.row("app")).toBe("app    1/1     Terminating   0          31s");
    expect((await s.kubectl("describe pod app")).stdout).toContain("Status:                    Terminating (lasts 0s)\nTermination Grace Period:  30s\n");
    s.advance(1000);
    expect(await s.row("app")).toBe("app    0/1     Error    0          32s");
    s.advance(1000);
    expect(s.pod("app")).toBeUndefined();
    expect(signals(runtime)).toEqual(["TERM app", "KILL app"]);
  });

  it("honours --grace-period", async () => {
    const { s, runtime } = scenario({ app: {} });
    await s.kubectl("run app --image=busybox:1.36 -- sleep 3600");
    s.advance(2000);
    await s.kubectl("delete pod app --grace-period=5 --wait=false");
    s.advance(4000);
    expect(await s.row("app")).toBe("app    1/1     Terminating   0          6s");
    s.advance(1000);
    expect(await s.row("app")).toBe("app    0/1     Error    0          7s");
    s.advance(1000);
    expect(s.pod("app")).toBeUndefined();
    expect(signals(runtime)).toEqual(["TERM app", "KILL app"]);
  });

  it("runs the preStop hook first; its time counts against the grace period", async () => {
    const { s, runtime } = scenario({ web: { termExitMs: 0, termExitCode: 0 } });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    lifecycle: {preStop: {exec: {command: [/bin/sh, -c, "nginx -s quit; sleep 5"]}}}
`);
    s.advance(2000);
    await s.kubectl("delete pod web --wait=false");
    expect(signals(runtime)).toEqual(["exec web /bin/sh -c nginx -s quit; sleep 5"]);
    s.advance(4000);
    expect(await s.row("web")).toBe("web    1/1     Terminating   0          6s");
    s.advance(1000);
    expect(await s.row("web")).toBe("web    0/1     Completed   0          7s");
    s.advance(1000);
    expect(s.pod("web")).toBeUndefined();
    expect(signals(runtime)).toEqual(["exec web /bin/sh -c nginx -s quit; sleep 5", "TERM web"]);
  });

  it("reports a failed preStop hook and stops the container anyway", async () => {
    const { s } = scenario({ web: { termExitMs: 0, exec: () => ({ stdout: "", stderr: "sh: nope: not found\n", exitCode: 127 }) } });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: web, image: "nginx:1.27", lifecycle: {preStop: {exec: {command: [sh, -c, nope]}}}}
`);
    s.advance(2000);
    const uid = (s.pod("web")?.metadata as { uid: string }).uid;
    await s.kubectl("delete pod web --wait=false");
    const r = await s.kubectlArgs(["get", "events", "--field-selector", "reason=FailedPreStopHook", "-o", "jsonpath={.items[0].type} {.items[0].involvedObject.fieldPath}: {.items[0].message}"]);
    expect(r.stdout).toBe(
      `Warning spec.containers{web}: Exec lifecycle hook ([sh -c nope]) for Container "web" in Pod "web_default(${uid})" failed - error: command 'sh -c nope' exited with 127: sh: nope: not found\n, message: "sh: nope: not found\\n"`,
    );
    s.advance(1000);
    expect(s.pod("web")).toBeUndefined();
  });

  it("stops sidecars after the regular containers, last first", async () => {
    const { s, runtime } = scenario({ app: { termExitMs: 2000 }, proxy: { termExitMs: 500 }, logs: { termExitMs: 500 } });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: logs, image: "busybox:1.36", restartPolicy: Always}
  - {name: proxy, image: "busybox:1.36", restartPolicy: Always}
  containers:
  - {name: app, image: "busybox:1.36"}
`);
    s.advance(2000);
    await s.kubectl("delete pod web");
    expect(runtime.calls.filter((c) => /^(TERM|KILL)/.test(c))).toEqual(["TERM app", "TERM proxy", "TERM logs"]);
    expect(s.pod("web")).toBeUndefined();
  });

  it("lets a finished pod's containers go when the API server deletes the pod at once", async () => {
    const { s, runtime } = scenario({ job: { exitAfterMs: 1000 } });
    await s.kubectl("run job --image=busybox:1.36 --restart=Never -- true");
    s.advance(5000);
    expect(await s.row("job")).toBe("job    0/1     Completed   0          5s");
    expect([...runtime.containers.values()].filter((c) => c.config.podName === "job")).toHaveLength(1);
    await s.kubectl("delete pod job");
    expect([...runtime.containers.values()].filter((c) => c.config.podName === "job")).toEqual([]);
    expect(allMemories(s.api).map((m) => m.name)).not.toContain("job");
  });

  it("hands a pod someone else still holds with a finalizer back once, and is then quiet", async () => {
    const { s, runtime } = scenario({ web: { termExitMs: 0, termExitCode: 0 } });
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: web, finalizers: [example.com/hold]}
spec:
  containers: [{name: web, image: "nginx:1.27"}]
`);
    s.advance(2000);
    await s.kubectl("delete pod web --wait=false");
    s.advance(2000);
    expect(await s.jsonpath("web", "{.metadata.deletionGracePeriodSeconds} {.status.phase}")).toBe("0 Succeeded");
    expect([...runtime.containers.values()].filter((c) => c.config.podName === "web")).toEqual([]);
    const version = s.pod("web")?.metadata as { resourceVersion: string };
    s.advance(60_000);
    expect((s.pod("web")?.metadata as { resourceVersion: string }).resourceVersion).toBe(version.resourceVersion);
  });
});

