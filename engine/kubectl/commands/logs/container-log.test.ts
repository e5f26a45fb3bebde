/**
 * containerLog answers as `GET pods/<name>/log` does: the API server's container check
 * (strategy.go LogLocation) and the kubelet's state check (validateContainerLogStatus).
 */
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/object";
import { formatError } from "../../errors";
import { containerLog } from "./container-log";

function pod(containers: string[], inits: string[], statuses: Record<string, unknown>[] = [], nodeName = "node01"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default" },
    spec: { nodeName, containers: containers.map((name) => ({ name, image: "busybox" })), initContainers: inits.map((name) => ({ name, image: "busybox" })) },
    status: { containerStatuses: statuses },
  };
}

const running = (name: string, id = `containerd://${name}`) => ({ name, containerID: id, state: { running: { startedAt: "2026-01-27T10:00:00Z" } }, lastState: {} });

function error(p: KubeObject, container: string, previous = false): string {
  const r = containerLog(p, container, { previous });
  return r.ok ? "ok" : formatError(r.error);
}

describe("containerLog", () => {
  it.each([
    [pod(["a", "b"], []), "", "Error from server (BadRequest): a container name must be specified for pod web, choose one of: [a b]"],
    [pod(["a", "b"], ["i", "j"]), "", "Error from server (BadRequest): a container name must be specified for pod web, choose one of: [a b] or one of the init containers: [i j]"],
    [pod([], []), "", "Error from server (BadRequest): a container name must be specified for pod web"],
    [pod(["a"], []), "x", "Error from server (BadRequest): container x is not valid for pod web"],
    [pod(["a"], []), "a", 'Error from server (BadRequest): container "a" in pod "web" is not available'],
    [pod(["a"], [], [{ name: "a", state: {}, lastState: {} }]), "a", 'Error from server (BadRequest): container "a" in pod "web" is waiting to start - no logs yet'],
    [pod(["a"], [], [{ name: "a", state: { terminated: { exitCode: 1 } }, lastState: { terminated: { exitCode: 1 } } }]), "a", 'Error from server (BadRequest): container "a" in pod "web" is terminated'],
  ])("%#: %s", (p, container, text) => {
    expect(error(p, container)).toBe(text);
  });

  it("defaults to the only container and reads its lines from the source", () => {
    const r = containerLog(pod(["a"], [], [running("a")]), "", { previous: false }, (id) => (id === "containerd://a" ? [{ time: 0, text: "hello" }] : []));
    expect(r).toEqual({ ok: true, value: [{ time: 0, text: "hello" }] });
  });

  it("reads the previous instance by its own container ID", () => {
    const p = pod(["a"], [], [{ ...running("a"), lastState: { terminated: { exitCode: 1, containerID: "containerd://old" } } }]);
    expect(containerLog(p, "a", { previous: true }, (id) => [{ time: 0, text: id }])).toEqual({ ok: true, value: [{ time: 0, text: "containerd://old" }] });
  });

  it("answers with an empty log for a pod not yet bound to a node", () => {
    expect(containerLog(pod(["a"], [], [], ""), "a", { previous: false })).toEqual({ ok: true, value: [] });
  });

  it("reads init containers' logs too", () => {
    expect(containerLog(pod(["a"], ["i"], [running("a")]), "i", { previous: false })).toEqual({ ok: false, error: expect.objectContaining({ message: 'container "i" in pod "web" is not available' }) });
  });
});
