/**
 * `kubectl logs`: how kubectl picks the pod and container (logs.go, logsforobject.go,
 * podcmd), and the API server's and kubelet's refusals for containers that have no log.
 * Containers do not run programs yet, so every readable log is empty.
 */
import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";
import { containerState, createPod, podManifest, setPodStatus } from "./testdata/pod-states";

async function workspaceWith(manifest: string) {
  const ws = testWorkspace();
  await createPod(ws, manifest);
  return ws;
}

describe("kubectl logs: picking the container", () => {
  it("reads the only container of a running pod", async () => {
    const ws = await workspaceWith(podManifest("web", ["nginx"]));
    expect(await kubectlLine(ws, "logs web")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "logs pod/web -c nginx --timestamps --tail=5")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("defaults to the first container and says so when there are several", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"], ["setup"]));
    expect(await kubectlLine(ws, "logs web")).toEqual({ stdout: "", stderr: 'Defaulted container "a" out of: a, b, setup (init)\n', status: 0 });
    expect(await kubectlLine(ws, "logs web b")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "logs web --all-containers")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("follows the kubectl.kubernetes.io/default-container annotation", async () => {
    const manifest = JSON.parse(podManifest("web", ["a", "b"]));
    manifest.metadata.annotations = { "kubectl.kubernetes.io/default-container": "b" };
    const ws = await workspaceWith(JSON.stringify(manifest));
    expect(await kubectlLine(ws, "logs web")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it.each([
    ["logs web -c x", "error: container x is not valid for pod web out of: a, b, setup (init)\n"],
    ["logs web x", "error: container x is not valid for pod web out of: a, b, setup (init)\n"],
    ["logs web a -c b", "error: only one of -c or an inline [CONTAINER] arg is allowed\n"],
    ["logs web -c a --all-containers", "error: --all-containers=true should not be specified with container name a\n"],
  ])("%s", async (line, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"], ["setup"]));
    expect(await kubectlLine(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl logs: containers without a log", () => {
  it.each([
    [{ waiting: { reason: "ContainerCreating" } }, {}, "", 'Error from server (BadRequest): container "app" in pod "web" is waiting to start: ContainerCreating\n'],
    [{ waiting: { reason: "ImagePullBackOff", message: "Back-off pulling image" } }, {}, "", 'Error from server (BadRequest): container "app" in pod "web" is waiting to start: trying and failing to pull image\n'],
    [{ waiting: { reason: "ErrImagePull" } }, {}, "", `Error from server (BadRequest): container "app" in pod "web" is waiting to start: image can't be pulled\n`],
    [{ running: { startedAt: "2026-01-27T10:00:00Z" } }, {}, " --previous", 'Error from server (BadRequest): previous terminated container "app" in pod "web" not found\n'],
    [{ terminated: { exitCode: 0, reason: "Completed" } }, {}, "", 'Error from server (BadRequest): container "app" in pod "web" is terminated\n'],
  ])("%j %j%s", async (state, lastState, flags, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    setPodStatus(ws, "web", (s) => ({ ...s, containerStatuses: [containerState("app", state, lastState)] }));
    expect(await kubectlLine(ws, `logs web${flags}`)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("reads the previous instance of a restarted container", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    setPodStatus(ws, "web", (s) => ({
      ...s,
      containerStatuses: [containerState("app", { waiting: { reason: "CrashLoopBackOff" } }, { terminated: { exitCode: 1, reason: "Error", containerID: "containerd://0123" } })],
    }));
    expect(await kubectlLine(ws, "logs web -p")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "logs web")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("is empty for a pod no node has taken yet", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"], [], { nodeSelector: { disk: "ssd" } }));
    expect(await kubectlLine(ws, "logs web")).toEqual({ stdout: "", stderr: "", status: 0 });
  });
});

describe("kubectl logs: pods of workloads and selectors", () => {
  it("uses the first pod of a deployment and says how many there were", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=0");
    for (const n of ["web-b", "web-a", "web-c"]) await kubectlLine(ws, `run ${n} --image=nginx --labels=app=web`);
    expect(await kubectlLine(ws, "logs deploy/web")).toEqual({ stdout: "", stderr: "Found 3 pods, using pod/web-a\n", status: 0 });
    expect(await kubectlLine(ws, "logs deployment/web --all-pods")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("reads a job's pod, found by the job's selector", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create job pi --image=busybox");
    const uid = (await kubectlLine(ws, "get job pi -o jsonpath={.metadata.uid}")).stdout;
    const manifest = JSON.parse(podManifest("pi-x7k2p", ["pi", "sidecar"]));
    manifest.metadata.labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi" };
    await createPod(ws, JSON.stringify(manifest));
    expect(await kubectlLine(ws, "logs job/pi")).toEqual({ stdout: "", stderr: 'Defaulted container "pi" out of: pi, sidecar\n', status: 0 });
  });

  it("waits --pod-running-timeout for a workload's first pod", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=0");
    const before = ws.now();
    expect(await kubectlLine(ws, "logs deploy/web --pod-running-timeout=5s")).toEqual({ stdout: "", stderr: "error: timed out waiting for the condition\n", status: 1 });
    expect(ws.now() - before).toBe(5000);
  });

  it.each([
    ["logs nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["logs deploy/nope", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ["logs foo/bar", 'error: the server doesn\'t have a resource type "foo"\n'],
    ["logs cm/kube-root-ca.crt", "error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n"],
    ["logs svc/kubernetes -n default", "error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("says when a selector matches nothing", async () => {
    expect(await kubectlLine(testWorkspace(), "logs -l app=nope")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", status: 0 });
  });

  it("reads every pod a selector matches", async () => {
    const ws = testWorkspace();
    for (const n of ["a", "b"]) await createPod(ws, podManifest(n, ["app", "side"]).replace(`"app":"${n}"`, '"app":"x"'));
    expect(await kubectlLine(ws, "logs -l app=x")).toEqual({ stdout: "", stderr: 'Defaulted container "app" out of: app, side\nDefaulted container "app" out of: app, side\n', status: 0 });
  });
});

describe("kubectl logs: usage and flags", () => {
  it.each([
    ["logs", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs a b c", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs web -l app=web", "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs web --since=1h --since-time=2026-01-27T09:00:00Z", "error: at most one of `sinceTime` or `sinceSeconds` may be specified\n"],
    ["logs web --since=-1h", "error: --since must be greater than 0\n"],
    ["logs web --tail=-2", "error: --tail must be greater than or equal to -1\n"],
    ["logs web --limit-bytes=-1", "error: --limit-bytes must be greater than 0\n"],
    ["logs web --since=yesterday", `error: invalid argument "yesterday" for "--since" flag: time: invalid duration "yesterday"\nSee 'kubectl logs --help' for usage.\n`],
    ["logs web --since-time=yesterday", `error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n`],
    ["logs web --pod-running-timeout=0s", "error: --pod-running-timeout must be higher than zero\n"],
    // the object is fetched (Complete) before the flags are checked (Validate)
    ["logs nope --tail=-2", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", async (line, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlLine(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl logs -f", () => {
  it("returns at once, headless, when nothing more can happen", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    const before = ws.now();
    expect(await kubectlLine(ws, "logs -f web")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(ws.now() - before).toBeLessThanOrEqual(1000);
  });

  it("follows a terminating pod until its container stops", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    await kubectlLine(ws, "delete pod web --wait=false");
    const before = ws.now();
    expect(await kubectlLine(ws, "logs -f web")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(ws.now() - before).toBeGreaterThanOrEqual(1000);
    expect((await kubectlLine(ws, "get pod web")).status).toBe(1);
  });

  it("refuses to follow more streams than --max-log-requests", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b", "c"]));
    expect(await kubectlLine(ws, "logs -f web --all-containers --max-log-requests=2")).toEqual({
      stdout: "",
      stderr: "error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n",
      status: 1,
    });
  });
});
