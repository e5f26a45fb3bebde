import type { ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { TEST_START } from "../../testing";
import { podConditions } from "./pod-conditions";

const cs = (name: string, ready: boolean, started = ready, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: "x",
  imageID: "",
  ready,
  started,
  restartCount: 0,
  state: ready ? { running: {} } : { waiting: { reason: "ContainerCreating" } },
  ...extra,
});

const pod = (spec: Pod["spec"]): Pod => ({ metadata: { generation: 2 }, spec });
const brief = (conditions: ReturnType<typeof podConditions>) => conditions.map((c) => [c.type, c.status, c.reason ?? "", c.message ?? ""]);

describe("kubelet pod conditions (generate.go, fidelity 1.3)", () => {
  it("come in the kubelet's order after conditions it does not own", () => {
    const previous: PodCondition[] = [{ type: "DisruptionTarget", status: "True" }];
    const out = podConditions({ pod: pod({ containers: [{ name: "a" }] }), previous, statuses: [cs("a", true)], phase: "Running", sandboxReady: true, now: TEST_START });
    expect(out.map((c) => c.type)).toEqual(["DisruptionTarget", "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]);
    expect(out[1]).toEqual({ lastProbeTime: null, lastTransitionTime: "2026-01-27T10:00:00Z", observedGeneration: 2, status: "True", type: "PodReadyToStartContainers" });
  });

  it.each([
    ["unready containers are listed Go-style", pod({ containers: [{ name: "web" }, { name: "log" }] }), [cs("web", false), cs("log", false)], "Running", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "", ""],
      ["Ready", "False", "ContainersNotReady", "containers with unready status: [web log]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unready status: [web log]"],
      ["PodScheduled", "True", "", ""],
    ]],
    ["a missing status is unknown", pod({ containers: [{ name: "web" }] }), [], "Pending", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "", ""],
      ["Ready", "False", "ContainersNotReady", "containers with unknown status: [web]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unknown status: [web]"],
      ["PodScheduled", "True", "", ""],
    ]],
    ["init containers not done", pod({ initContainers: [{ name: "a" }, { name: "b" }], containers: [{ name: "web" }] }), [cs("a", true, false), cs("b", false), cs("web", false)], "Pending", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "False", "ContainersNotInitialized", "containers with incomplete status: [b]"],
      ["Ready", "False", "ContainersNotReady", "containers with unready status: [web]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unready status: [web]"],
      ["PodScheduled", "True", "", ""],
    ]],
    ["a sidecar counts once started, and in readiness", pod({ initContainers: [{ name: "s", restartPolicy: "Always" }], containers: [{ name: "web" }] }), [cs("s", false, true, { state: { running: {} } }), cs("web", true)], "Running", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "", ""],
      ["Ready", "False", "ContainersNotReady", "containers with unready status: [s]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unready status: [s]"],
      ["PodScheduled", "True", "", ""],
    ]],
    ["Succeeded", pod({ containers: [{ name: "job" }] }), [cs("job", false, false, { state: { terminated: { exitCode: 0 } } })], "Succeeded", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "PodCompleted", ""],
      ["Ready", "False", "PodCompleted", ""],
      ["ContainersReady", "False", "PodCompleted", ""],
      ["PodScheduled", "True", "", ""],
    ]],
    ["Failed", pod({ containers: [{ name: "job" }] }), [cs("job", false, false, { state: { terminated: { exitCode: 1 } } })], "Failed", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "", ""],
      ["Ready", "False", "PodFailed", ""],
      ["ContainersReady", "False", "PodFailed", ""],
      ["PodScheduled", "True", "", ""],
    ]],
    ["readiness gates", pod({ containers: [{ name: "web" }], readinessGates: [{ conditionType: "example.com/lb" }] }), [cs("web", true)], "Running", [
      ["PodReadyToStartContainers", "True", "", ""],
      ["Initialized", "True", "", ""],
      ["Ready", "False", "ReadinessGatesNotReady", 'corresponding condition of pod readiness gate "example.com/lb" does not exist.'],
      ["ContainersReady", "True", "", ""],
      ["PodScheduled", "True", "", ""],
    ]],
  ] as const)("%s", (_name, p, statuses, phase, expected) => {
    expect(brief(podConditions({ pod: p, previous: [], statuses: statuses, phase, sandboxReady: true, now: TEST_START }))).toEqual(expected);
  });

  it("keep lastTransitionTime while their status stays, and take the new time when it flips", () => {
    const previous: PodCondition[] = [
      { type: "Ready", status: "False", lastTransitionTime: "2026-01-27T09:00:00Z" },
      { type: "PodScheduled", status: "True", lastTransitionTime: "2026-01-27T09:00:00Z" },
    ];
    const out = podConditions({ pod: pod({ containers: [{ name: "a" }] }), previous, statuses: [cs("a", true)], phase: "Running", sandboxReady: true, now: TEST_START });
    const at = (type: string) => out.find((c) => c.type === type)?.lastTransitionTime;
    expect(at("PodScheduled")).toBe("2026-01-27T09:00:00Z");
    expect(at("Ready")).toBe("2026-01-27T10:00:00Z");
  });
});
