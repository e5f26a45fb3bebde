/**
 * `kubectl exec`: every refusal on the way to a container (exec.go, podcmd, the API
 * server's streamLocation and the kubelet), and the one line that stands in for running
 * the command until containers run programs.
 */
import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, testWorkspace } from "../../testing";
import { containerState, createPod, podManifest, setPodStatus } from "./testdata/pod-states";

const NOT_YET = (command: string, container: string) => `error: cannot run "${command}" in container "${container}": commands inside containers are not available in this simulated cluster yet\n`;

async function workspaceWith(manifest: string) {
  const ws = testWorkspace();
  await createPod(ws, manifest);
  return ws;
}

describe("kubectl exec: reaching a running container", () => {
  it("names the command it would run in the only container", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlLine(ws, "exec web -- ls /")).toEqual({ stdout: "", stderr: NOT_YET("ls /", "app"), status: 1 });
    expect(await kubectlArgs(ws, ["exec", "-it", "pod/web", "-c", "app", "--", "sh", "-c", "echo hi"])).toEqual({ stdout: "", stderr: NOT_YET("sh -c echo hi", "app"), status: 1 });
  });

  it("defaults to the first container and says so, unless -q", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"]));
    expect((await kubectlLine(ws, "exec web -- ls")).stderr).toBe('Defaulted container "a" out of: a, b\n' + NOT_YET("ls", "a"));
    expect((await kubectlLine(ws, "exec -q web -- ls")).stderr).toBe(NOT_YET("ls", "a"));
  });

  it("still accepts the deprecated form without --, with kubectl's warning", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect((await kubectlLine(ws, "exec web date")).stderr).toBe(
      "kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n" + NOT_YET("date", "app"),
    );
  });

  it("finds the pod a file names with -f", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlArgs(ws, ["exec", "-f", "-", "--", "date"], podManifest("web", ["app"]))).toEqual({ stdout: "", stderr: NOT_YET("date", "app"), status: 1 });
  });

  it("uses the first pod of a deployment", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=0");
    await kubectlLine(ws, "run web-1 --image=nginx --labels=app=web");
    expect((await kubectlLine(ws, "exec deploy/web -- date")).stderr).toBe(NOT_YET("date", "web-1"));
  });
});

describe("kubectl exec: refusals", () => {
  it.each([
    ["exec web", "error: you must specify at least one command for the container\n"],
    ["exec -- ls", "error: pod, type/name or --filename must be specified\n"],
    ["exec nope -- ls", 'Error from server (NotFound): pods "nope" not found\n'],
    ["exec web -c x -- ls", "Error from server (BadRequest): container x is not valid for pod web\n"],
    ["exec web --pod-running-timeout=0s -- ls", "error: --pod-running-timeout must be higher than zero\nSee 'kubectl exec -h' for help and examples\n"],
  ])("%s", async (line, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlLine(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("cannot exec into a completed pod", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    setPodStatus(ws, "web", (s) => ({ ...s, phase: "Succeeded", containerStatuses: [containerState("app", { terminated: { exitCode: 0, reason: "Completed" } })] }));
    expect(await kubectlLine(ws, "exec web -- ls")).toEqual({ stdout: "", stderr: "error: cannot exec into a container in a completed pod; current phase is Succeeded\n", status: 1 });
  });

  it("finds no container that is not running", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    setPodStatus(ws, "web", (s) => ({ ...s, phase: "Pending", containerStatuses: [containerState("app", { waiting: { reason: "ContainerCreating" } })] }));
    expect(await kubectlLine(ws, "exec web -- ls")).toEqual({ stdout: "", stderr: 'error: unable to upgrade connection: container not found ("app")\n', status: 1 });
  });

  it("has no node to reach for a pod not yet scheduled", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"], [], { nodeSelector: { disk: "ssd" } }));
    expect(await kubectlLine(ws, "exec web -- ls")).toEqual({ stdout: "", stderr: "Error from server (BadRequest): pod web does not have a host assigned\n", status: 1 });
  });
});
