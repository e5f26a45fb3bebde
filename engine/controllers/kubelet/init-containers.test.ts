import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import type { FakeProgram } from "./testing/fake-runtime";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";

function scenario(programs: Record<string, FakeProgram>, preload = ["busybox:1.36"]): { s: KubeletScenario; runtime: FakeRuntime } {
  const runtime = new FakeRuntime((c) => programs[c.name] ?? { termExitMs: 0 });
  for (const image of preload) runtime.preload("node01", image);
  const s = new KubeletScenario(runtime);
  runtime.calls.length = 0;
  return { s, runtime };
}

/** The init-container example of the Kubernetes docs, shortened to wait a few seconds. */
const MYAPP = (restartPolicy = "Always") => `apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, labels: {app.kubernetes.io/name: MyApp}}
spec:
  restartPolicy: ${restartPolicy}
  containers:
  - {name: myapp-container, image: "busybox:1.28", command: [sh, -c, "echo The app is running! && sleep 3600"]}
  initContainers:
  - {name: init-myservice, image: "busybox:1.36", command: [sh, -c, "sleep 2"]}
  - {name: init-mydb, image: "busybox:1.36", command: [sh, -c, "sleep 3"]}
`;

describe("init containers", () => {
  it("run one at a time: Init:0/2, Init:1/2, PodInitializing, Running (fidelity 6.5)", async () => {
    const { s } = scenario({ "init-myservice": { exitAfterMs: 2000 }, "init-mydb": { exitAfterMs: 3000 } });
    await s.apply(MYAPP());
    // sandbox at 1 s; init-myservice runs 1–3 s; init-mydb 4–7 s (each next one starts when the exit is seen,
    // a second later); the app's image pulls 8–9.234 s
    await expectGolden("init-timeline.golden", await s.timeline("myapp-pod", [0, 2, 3, 5, 7, 9, 10]));
    expect(await s.jsonpath("myapp-pod", "{range .status.initContainerStatuses[*]}{.name} {.ready} {.started} {.state.terminated.reason} {.restartCount};{end}")).toBe(
      "init-myservice true false Completed 0;init-mydb true false Completed 0;",
    );
    expect(await s.jsonpath("myapp-pod", "{.status.conditions[1].type}={.status.conditions[1].status} {.status.conditions[1].lastTransitionTime}")).toBe("Initialized=True 2026-01-27T10:00:07Z");
  });

  it("say which init containers are still to finish while they run", async () => {
    const { s } = scenario({ "init-myservice": { exitAfterMs: 2000 }, "init-mydb": { exitAfterMs: 3000 } });
    await s.apply(MYAPP());
    s.advance(4000);
    expect(await s.jsonpath("myapp-pod", "{.status.conditions[1].reason}: {.status.conditions[1].message}")).toBe("ContainersNotInitialized: containers with incomplete status: [init-mydb]");
    expect(await s.jsonpath("myapp-pod", "{.status.containerStatuses[0].state.waiting.reason} {.status.phase}")).toBe("PodInitializing Pending");
  });

  it("a failing one is retried with back-off: Init:Error, then Init:CrashLoopBackOff", async () => {
    const { s } = scenario({ "init-myservice": { exitAfterMs: 1000, exitCode: 1 } });
    await s.apply(MYAPP());
    expect(await s.timeline("myapp-pod", [2.5, 3.5, 4.5, 5.5])).toBe(
      [
        "t=2.5s myapp-pod   0/1     Init:Error   0          2s",
        "t=3.5s myapp-pod   0/1     Init:0/2   1 (1s ago)   3s",
        "t=4.5s myapp-pod   0/1     Init:Error   1 (2s ago)   4s",
        "t=5.5s myapp-pod   0/1     Init:CrashLoopBackOff   1 (1s ago)   5s",
        "",
      ].join("\n"),
    );
  });

  it("under restartPolicy Never a failing one fails the pod", async () => {
    const { s, runtime } = scenario({ "init-myservice": { exitAfterMs: 1000, exitCode: 1 } });
    await s.apply(MYAPP("Never"));
    s.advance(10_000);
    expect(await s.row("myapp-pod")).toBe("myapp-pod   0/1     Init:Error   0          10s");
    expect(await s.jsonpath("myapp-pod", "{.status.phase} {.status.conditions[2].reason}")).toBe("Failed PodFailed");
    expect(runtime.calls.filter((c) => c.startsWith("start"))).toEqual(["start init-myservice"]);
  });
});

const SIDECAR = (restartPolicy: string, startup = "") => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: ${restartPolicy}
  initContainers:
  - name: logshipper
    image: busybox:1.36
    restartPolicy: Always
    command: [sh, -c, "tail -F /var/log/app.log"]${startup}
  - {name: migrate, image: "busybox:1.36", command: [sh, -c, "sleep 1"]}
  containers:
  - {name: app, image: "busybox:1.36", command: [sh, -c, "sleep 5"]}
`;

describe("native sidecars (init containers with restartPolicy: Always)", () => {
  it("let the next init container start once started, count in READY and run beside the app", async () => {
    const { s } = scenario({ migrate: { exitAfterMs: 1000 }, logshipper: { termExitMs: 0 } });
    await s.apply(SIDECAR("Always"));
    s.advance(1500);
    expect(await s.row("web")).toBe("web    1/2     Init:1/2   0          1s");
    s.advance(1000);
    expect(await s.row("web")).toBe("web    1/2     PodInitializing   0          2s");
    s.advance(1000);
    expect(await s.row("web")).toBe("web    2/2     Running   0          3s");
    expect(await s.jsonpath("web", "{.status.initContainerStatuses[0].started} {.status.initContainerStatuses[0].ready} {.status.initContainerStatuses[0].state.running.startedAt}")).toBe(
      "true true 2026-01-27T10:00:01Z",
    );
  });

  it("hold the next init container until their startup probe passes", async () => {
    const startup = `
    startupProbe: {exec: {command: [cat, /ready]}, periodSeconds: 1, failureThreshold: 10}`;
    const { s, runtime } = scenario({ migrate: { exitAfterMs: 1000 }, logshipper: { probe: (_spec, since) => ({ success: since >= 3000, output: "" }) } });
    await s.apply(SIDECAR("Always", startup));
    s.advance(3500);
    expect(await s.row("web")).toBe("web    0/2     Init:0/2   0          3s");
    s.advance(1000);
    expect(runtime.calls.filter((c) => c.startsWith("start"))).toEqual(["start logshipper", "start migrate"]);
  });

  it("are always restarted, whatever the pod's restartPolicy", async () => {
    const { s } = scenario({ migrate: { exitAfterMs: 1000 }, app: {}, logshipper: { exitAfterMs: 4000, exitCode: 0 } });
    await s.apply(SIDECAR("Never"));
    s.advance(6000);
    expect(await s.jsonpath("web", "{.status.initContainerStatuses[0].restartCount} {.status.initContainerStatuses[0].state.running.startedAt}")).toBe("1 2026-01-27T10:00:06Z");
    expect(await s.row("web")).toBe("web    2/2     Running   1 (1s ago)   6s");
  });

  it("are stopped, last first, once the regular containers of a pod that does not restart them have finished", async () => {
    const two = SIDECAR("Never").replace("  - {name: migrate", "  - {name: metrics, image: busybox:1.36, restartPolicy: Always}\n  - {name: migrate");
    const { s, runtime } = scenario({ migrate: { exitAfterMs: 1000 }, app: { exitAfterMs: 5000 }, logshipper: { termExitMs: 0 }, metrics: { termExitMs: 500 } });
    await s.apply(two);
    s.advance(10_000);
    expect(runtime.calls.filter((c) => /^(start|TERM|KILL)/.test(c))).toEqual(["start logshipper", "start metrics", "start migrate", "start app", "TERM metrics", "TERM logshipper"]);
    expect(await s.jsonpath("web", "{.status.phase} {.status.conditions[0].status}")).toBe("Succeeded False");
    expect(await s.row("web")).toBe("web    0/3     Completed   0          10s");
  });
});
