import type { ContainerStatus, Pod } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { podPhase } from "./pod-phase";

const running: ContainerStatus["state"] = { running: { startedAt: "2026-01-27T10:00:00Z" } };
const exited = (exitCode: number): ContainerStatus["state"] => ({ terminated: { exitCode } });
const waiting: ContainerStatus["state"] = { waiting: { reason: "ContainerCreating" } };

function status(name: string, state: ContainerStatus["state"], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: "x", imageID: "", ready: false, restartCount: 0, state, ...extra };
}

function pod(restartPolicy: string, containers: string[], init: { name: string; sidecar?: boolean }[] = []): Pod {
  return {
    spec: {
      restartPolicy,
      containers: containers.map((name) => ({ name })),
      initContainers: init.map((c) => ({ name: c.name, ...(c.sidecar ? { restartPolicy: "Always" } : {}) })),
    },
  };
}

describe("getPhase (fidelity 6.2)", () => {
  it.each([
    ["waiting container", pod("Always", ["a"]), [status("a", waiting)], false, "Pending"],
    ["no status yet", pod("Always", ["a"]), [], false, "Pending"],
    ["running", pod("Always", ["a"]), [status("a", running)], false, "Running"],
    ["Always, exited 0, restarting", pod("Always", ["a"]), [status("a", exited(0))], false, "Running"],
    ["Always, crash-looping (waiting after a termination)", pod("Always", ["a"]), [status("a", { waiting: { reason: "CrashLoopBackOff" } }, { lastState: exited(1) })], false, "Running"],
    ["OnFailure, exited 0", pod("OnFailure", ["a"]), [status("a", exited(0))], false, "Succeeded"],
    ["OnFailure, exited 1, restarting", pod("OnFailure", ["a"]), [status("a", exited(1))], false, "Running"],
    ["Never, exited 0", pod("Never", ["a"]), [status("a", exited(0))], false, "Succeeded"],
    ["Never, exited 1", pod("Never", ["a"]), [status("a", exited(1))], false, "Failed"],
    ["Never, one of two still running", pod("Never", ["a", "b"]), [status("a", exited(1)), status("b", running)], false, "Running"],
    ["Always, terminated on deletion, all 0", pod("Always", ["a"]), [status("a", exited(0))], true, "Succeeded"],
    ["Always, terminated on deletion, 137", pod("Always", ["a"]), [status("a", exited(137))], true, "Failed"],
    ["init running", pod("Always", ["a"], [{ name: "i" }]), [status("i", running), status("a", { waiting: { reason: "PodInitializing" } })], false, "Pending"],
    ["init failed under Never", pod("Never", ["a"], [{ name: "i" }]), [status("i", exited(1)), status("a", { waiting: { reason: "PodInitializing" } })], false, "Failed"],
    ["init failed, retried under Always", pod("Always", ["a"], [{ name: "i" }]), [status("i", exited(1)), status("a", { waiting: { reason: "PodInitializing" } })], false, "Pending"],
    ["sidecar not yet started", pod("Always", ["a"], [{ name: "s", sidecar: true }]), [status("s", running, { started: false }), status("a", { waiting: { reason: "PodInitializing" } })], false, "Pending"],
    ["sidecar running, main done (Never)", pod("Never", ["a"], [{ name: "s", sidecar: true }]), [status("s", running, { started: true }), status("a", exited(0))], false, "Running"],
    ["sidecar stopped, main done (Never)", pod("Never", ["a"], [{ name: "s", sidecar: true }]), [status("s", exited(137)), status("a", exited(0))], true, "Succeeded"],
  ] as const)("%s → %s", (_name, p, statuses, terminal, phase) => {
    expect(podPhase(p, statuses, terminal)).toBe(phase);
  });
});
