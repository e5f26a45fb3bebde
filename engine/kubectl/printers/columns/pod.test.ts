import type { Pod } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { podSummary } from "./pod";

const NOW = Date.parse("2025-12-07T08:00:00Z");
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");

type Status = NonNullable<Pod["status"]>;
type ContainerStatus = NonNullable<Status["containerStatuses"]>[number];

const cs = (name: string, state: ContainerStatus["state"], more: Partial<ContainerStatus> = {}): ContainerStatus => ({ name, image: "busybox", imageID: "", ready: false, restartCount: 0, state, ...more });
const runningReady = (name: string, more: Partial<ContainerStatus> = {}) => cs(name, { running: { startedAt: ago(60) } }, { ready: true, started: true, ...more });
const exited = (name: string, exitCode: number, reason?: string, signal?: number) => cs(name, { terminated: { exitCode, reason, signal, finishedAt: ago(30) } });
const lastExit = (secondsAgo: number) => ({ terminated: { exitCode: 1, reason: "Error", finishedAt: ago(secondsAgo) } });

function pod(containers: string[], status: Status, extra: { init?: { name: string; sidecar?: boolean }[]; deleting?: boolean } = {}): Pod {
  return {
    metadata: { name: "p", ...(extra.deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: {
      containers: containers.map((name) => ({ name })),
      initContainers: extra.init?.map((c) => ({ name: c.name, ...(c.sidecar ? { restartPolicy: "Always" } : {}) })),
    },
    status,
  };
}

// Each expectation is printPod of printers.go applied by hand to the status.
describe("podSummary", () => {
  it.each<[string, Pod, [string, string, string]]>([
    ["terminated by a signal, no reason", pod(["a"], { phase: "Running", containerStatuses: [exited("a", 0, undefined, 9)] }), ["0/1", "Signal:9", "0"]],
    ["terminated with an exit code, no reason", pod(["a"], { phase: "Running", containerStatuses: [exited("a", 137)] }), ["0/1", "ExitCode:137", "0"]],
    ["OOMKilled", pod(["a"], { phase: "Running", containerStatuses: [exited("a", 137, "OOMKilled")] }), ["0/1", "OOMKilled", "0"]],
    ["image pull back-off", pod(["a"], { phase: "Pending", containerStatuses: [cs("a", { waiting: { reason: "ImagePullBackOff" } })] }), ["0/1", "ImagePullBackOff", "0"]],
    ["the first container's reason wins", pod(["a", "b"], { phase: "Pending", containerStatuses: [cs("a", { waiting: { reason: "ErrImagePull" } }), cs("b", { waiting: { reason: "CreateContainerConfigError" } })] }), ["0/2", "ErrImagePull", "0"]],
    ["one completed, one failed: the error shows", pod(["a", "b"], { phase: "Failed", containerStatuses: [exited("a", 0, "Completed"), exited("b", 1, "Error")] }), ["0/2", "Error", "0"]],
    ["one completed, one running and the pod Ready", pod(["a", "b"], { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [exited("a", 0, "Completed"), runningReady("b")] }), ["1/2", "Running", "0"]],
    ["restarts without a recorded termination have no age", pod(["a"], { phase: "Running", containerStatuses: [runningReady("a", { restartCount: 2 })] }), ["1/1", "Running", "2"]],
    ["the latest termination of any container dates the restarts", pod(["a", "b"], { phase: "Running", containerStatuses: [runningReady("a", { restartCount: 1, lastState: lastExit(300) }), runningReady("b", { restartCount: 4, lastState: lastExit(45) })] }), ["2/2", "Running", "5 (45s ago)"]],
    ["init container killed by a signal", pod(["a"], { phase: "Pending", initContainerStatuses: [exited("i", 143, undefined, 15)] }, { init: [{ name: "i" }] }), ["0/1", "Init:Signal:15", "0"]],
    ["init container exit code", pod(["a"], { phase: "Pending", initContainerStatuses: [exited("i", 2)] }, { init: [{ name: "i" }] }), ["0/1", "Init:ExitCode:2", "0"]],
    ["init container cannot pull", pod(["a"], { phase: "Pending", initContainerStatuses: [cs("i", { waiting: { reason: "ImagePullBackOff" } })] }, { init: [{ name: "i" }] }), ["0/1", "Init:ImagePullBackOff", "0"]],
    ["second init container running", pod(["a"], { phase: "Pending", initContainerStatuses: [exited("i1", 0, "Completed"), cs("i2", { running: { startedAt: ago(3) } })] }, { init: [{ name: "i1" }, { name: "i2" }] }), ["0/1", "Init:1/2", "0"]],
    ["sidecar still starting", pod(["a"], { phase: "Pending", initContainerStatuses: [cs("s", { waiting: { reason: "ContainerCreating" } })] }, { init: [{ name: "s", sidecar: true }] }), ["0/2", "Init:ContainerCreating", "0"]],
    ["sidecar started but not ready", pod(["a"], { phase: "Running", conditions: [{ type: "Initialized", status: "True" }], initContainerStatuses: [cs("s", { running: { startedAt: ago(9) } }, { started: true })], containerStatuses: [runningReady("a")] }, { init: [{ name: "s", sidecar: true }] }), ["1/2", "Running", "0"]],
    ["sidecar restarts count with the containers'", pod(["a"], { phase: "Running", conditions: [{ type: "Initialized", status: "True" }], initContainerStatuses: [runningReady("s", { restartCount: 2, lastState: lastExit(60) })], containerStatuses: [runningReady("a", { restartCount: 1, lastState: lastExit(10) })] }, { init: [{ name: "s", sidecar: true }] }), ["2/2", "Running", "3 (10s ago)"]],
    ["a plain init container's restarts stop counting once the pod is initialized", pod(["a"], { phase: "Running", conditions: [{ type: "Initialized", status: "True" }], initContainerStatuses: [cs("i", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 4, lastState: lastExit(20) })], containerStatuses: [runningReady("a")] }, { init: [{ name: "i" }] }), ["1/1", "Init:CrashLoopBackOff", "0"]],
    ["deleted on a lost node", pod(["a"], { phase: "Running", reason: "NodeLost", containerStatuses: [runningReady("a")] }, { deleting: true }), ["1/1", "Unknown", "0"]],
    ["a finished pod being deleted is not Terminating", pod(["a"], { phase: "Succeeded", containerStatuses: [exited("a", 0, "Completed")] }, { deleting: true }), ["0/1", "Completed", "0"]],
    ["a pod with no status yet", { metadata: { name: "p" }, spec: { containers: [{ name: "a" }] } }, ["0/1", "", "0"]],
  ])("%s", (_, p, [ready, status, restarts]) => {
    expect(podSummary(p, NOW)).toEqual({ ready, status, restarts });
  });
});
