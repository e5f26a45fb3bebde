import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import type { FakeProgram } from "./testing/fake-runtime";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";

/** busybox is already on node01, so the container starts 1 s after the pod (the sandbox) and restarts need no pull. */
function scenario(program: FakeProgram): KubeletScenario {
  const runtime = new FakeRuntime((c) => (c.name === "app" ? program : { termExitMs: 0 }));
  runtime.preload("node01", "busybox:1.36");
  return new KubeletScenario(runtime);
}

const pod = (restartPolicy: string) => `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  restartPolicy: ${restartPolicy}
  containers: [{name: app, image: "busybox:1.36", command: [sh, -c, "sleep 2; exit 1"]}]
`;

describe("exits, restarts and CrashLoopBackOff (fidelity 6.2, 6.3)", () => {
  it("restarts at once, then after 10 s, 20 s, 40 s … up to 5 min", async () => {
    const s = scenario({ exitAfterMs: 2000, exitCode: 1 });
    await s.apply(pod("Always"));
    // starts at 1 s; exits at 3 s and, seen a second later, is restarted at once; exits 6, 18, 40, 82, 164, 326, 628 s
    // and is restarted 10, 20, 40, 80, 160, 300, 300 s after each exit
    await expectGolden("crash-loop-timeline.golden", await s.timeline("app", [2, 3, 5, 6, 7, 15, 16, 18, 19, 37, 38, 80, 162, 324, 625, 626, 629, 928]));
  });

  it("reports the back-off in the waiting state and a BackOff event, and keeps the last exit", async () => {
    const s = scenario({ exitAfterMs: 2000, exitCode: 1 });
    await s.apply(pod("Always"));
    s.advance(20_000);
    const uid = s.pod("app")?.metadata as { uid: string };
    expect(await s.jsonpath("app", "{.status.containerStatuses[0].state.waiting.reason}: {.status.containerStatuses[0].state.waiting.message}")).toBe(
      `CrashLoopBackOff: back-off 20s restarting failed container=app pod=app_default(${uid.uid})`,
    );
    const last = "{.status.containerStatuses[0].lastState.terminated}";
    expect(JSON.parse(await s.jsonpath("app", last))).toMatchObject({ exitCode: 1, reason: "Error", startedAt: "2026-01-27T10:00:16Z", finishedAt: "2026-01-27T10:00:18Z" });
    expect(await s.events("app")).toContain(`Warning  BackOff    1s (x2 over 13s)  kubelet            spec.containers{app}: Back-off restarting failed container app in pod app_default(${uid.uid})`);
  });

  it("starts the back-off again after a run of more than 10 minutes", async () => {
    const s = scenario({ exitAfterMs: 11 * 60_000, exitCode: 1 });
    await s.apply(pod("Always"));
    s.advance(11 * 60_000 + 2000);
    expect(await s.row("app")).toBe("app    1/1     Running   1 (1s ago)   11m");
    s.advance(11 * 60_000 + 1000);
    expect(await s.row("app")).toBe("app    1/1     Running   2 (1s ago)   22m");
  });

  it.each([
    ["OnFailure", 0, "app    0/1     Completed   0          5s", "Succeeded"],
    ["OnFailure", 1, "app    0/1     CrashLoopBackOff   1 (3s ago)   5s", "Running"],
    ["Never", 0, "app    0/1     Completed   0          5s", "Succeeded"],
    ["Never", 1, "app    0/1     Error    0          5s", "Failed"],
    ["Always", 0, "app    0/1     CrashLoopBackOff   1 (3s ago)   5s", "Running"],
  ])("restartPolicy %s, exit %i: %s, phase %s", async (policy, exitCode, row, phase) => {
    const s = scenario({ exitAfterMs: 0, exitCode });
    await s.apply(pod(policy));
    s.advance(5000);
    expect(await s.row("app")).toBe(row);
    expect(await s.jsonpath("app", "{.status.phase}")).toBe(phase);
  });

  it("an out-of-memory kill shows OOMKilled, then CrashLoopBackOff (fidelity 6.7)", async () => {
    const s = scenario({ exitAfterMs: 1500, exitCode: 137, reason: "OOMKilled" });
    await s.apply(pod("Always"));
    // exits at 2.5 s; restarted at 3.5 s; exits at 5 s; backing off from 6 s
    expect(await s.timeline("app", [3, 4, 5, 6])).toBe(
      [
        "t=3s app    0/1     OOMKilled   0          3s",
        "t=4s app    1/1     Running   1 (2s ago)   4s",
        "t=5s app    0/1     OOMKilled   1 (3s ago)   5s",
        "t=6s app    0/1     CrashLoopBackOff   1 (1s ago)   6s",
        "",
      ].join("\n"),
    );
    expect(await s.jsonpath("app", "{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("OOMKilled 137");
  });

  it("a process that cannot start is StartError 128 with RunContainerError, then CrashLoopBackOff", async () => {
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown';
    const s = scenario({ startError: message });
    await s.apply(pod("Always"));
    expect(await s.timeline("app", [1.5, 2.5, 3.5])).toBe(
      [
        "t=1.5s app    0/1     RunContainerError   0          1s",
        "t=2.5s app    0/1     RunContainerError   1 (0s ago)   2s",
        "t=3.5s app    0/1     CrashLoopBackOff   1 (1s ago)   3s",
        "",
      ].join("\n"),
    );
    expect(JSON.parse(await s.jsonpath("app", "{.status.containerStatuses[0].lastState.terminated}"))).toMatchObject({
      exitCode: 128,
      reason: "StartError",
      message,
      startedAt: "1970-01-01T00:00:00Z",
    });
    expect(await s.events("app")).toContain(`Warning  Failed     1s (x2 over 2s)  kubelet            spec.containers{app}: Error: ${message}`);
  });

  it("keeps the previous container for logs --previous and forgets the one before", async () => {
    const runtime = new FakeRuntime((c) => (c.name === "app" ? { exitAfterMs: 2000, exitCode: 1, logs: ["hello"] } : { termExitMs: 0 }));
    const s = new KubeletScenario(runtime);
    await s.apply(pod("Always"));
    s.advance(40_000);
    const ids = await s.jsonpath("app", "{.status.containerStatuses[0].containerID} {.status.containerStatuses[0].lastState.terminated.containerID}");
    const [current, previous] = ids.split(" ").map((id) => id.replace("containerd://", ""));
    expect(current).not.toBe(previous);
    const appContainers = [...runtime.containers.values()].filter((c) => c.config.name === "app").map((c) => c.id);
    expect(appContainers.sort()).toEqual([current, previous].sort());
    expect(await s.kubectl("logs app --previous")).toEqual({ stdout: "hello\n", stderr: "", status: 0 });
  });
});

describe("restarts the kubelet itself decides on", () => {
  it("a new image in the spec restarts the container (`kubectl set image`)", async () => {
    const runtime = new FakeRuntime(() => ({ termExitMs: 0, termExitCode: 0 }));
    runtime.preload("node01", "nginx:1.27");
    const s = new KubeletScenario(runtime);
    await s.kubectl("run web --image=nginx:1.27");
    s.advance(2000);
    expect((await s.kubectl("set image pod/web web=nginx:1.28")).stdout).toBe("pod/web image updated\n");
    s.advance(4000);
    expect(await s.row("web")).toBe("web    1/1     Running   1 (4s ago)   6s");
    expect(await s.jsonpath("web", "{.status.containerStatuses[0].image}")).toBe("docker.io/library/nginx:1.28");
    expect(await s.events("web")).toContain("Normal  Killing    4s               kubelet            spec.containers{web}: Container web definition changed, will be restarted\n");
  });

  it("a failing postStart hook is reported and the container killed", async () => {
    const runtime = new FakeRuntime(() => ({ termExitMs: 0, exec: () => ({ stdout: "", stderr: "", exitCode: 1 }) }));
    runtime.preload("node01", "busybox:1.36");
    const s = new KubeletScenario(runtime);
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - {name: app, image: "busybox:1.36", lifecycle: {postStart: {exec: {command: [sh, -c, "exit 1"]}}}}
`);
    s.advance(1500);
    const uid = (s.pod("app")?.metadata as { uid: string }).uid;
    const events = await s.events("app");
    expect(events).toContain(`Warning  FailedPostStartHook  0s    kubelet            spec.containers{app}: Exec lifecycle hook ([sh -c exit 1]) for Container "app" in Pod "app_default(${uid})" failed - error: command 'sh -c exit 1' exited with 1: , message: ""\n`);
    expect(events).toContain("Normal   Killing              0s    kubelet            spec.containers{app}: FailedPostStartHook\n");
    expect(await s.row("app")).toBe("app    0/1     Error    0          1s");
  });
});
