import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const golden = (name: string) => readFileSync(new URL(`./testdata/rollout/${name}`, import.meta.url), "utf8");

async function deployment(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx:1.14.2", "--replicas=3"]);
  ws.advance(30_000);
  return ws;
}

async function newReplicaSet(ws: Workspace): Promise<string> {
  const r = await kubectlArgs(ws, ["get", "rs", "-o", 'jsonpath={range .items[?(@.spec.replicas>0)]}{.metadata.name}{end}']);
  return r.stdout;
}

async function image(ws: Workspace): Promise<string> {
  return (await kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])).stdout;
}

describe("kubectl rollout (issue scenario 10)", () => {
  it("watches a rollout to the end, lists its history, and undoes it", async () => {
    const ws = await deployment();
    expect(await kubectlLine(ws, "rollout status deployment/web")).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: "", status: 0 });
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    const status = await kubectlLine(ws, "rollout status deployment/web");
    expect(status.status).toBe(0);
    expect(status.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    for (const line of status.stdout.split("\n").slice(0, -2)) {
      expect(line).toMatch(/^Waiting for deployment "web" rollout to finish: (\d+ out of 3 new replicas have been updated|\d+ old replicas are pending termination|\d+ of 3 updated replicas are available)\.\.\.$/);
    }
    expect((await kubectlLine(ws, "rollout history deployment/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    expect(await kubectlLine(ws, "rollout undo deployment/web")).toEqual({ stdout: "deployment.apps/web rolled back\n", stderr: "", status: 0 });
    ws.advance(60_000);
    expect(await image(ws)).toBe("nginx:1.14.2");
    expect((await kubectlLine(ws, "rollout history deploy/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n");
    expect((await kubectlArgs(ws, ["get", "rs", await newReplicaSet(ws), "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.metadata.annotations.deployment\\.kubernetes\\.io/revision-history}"])).stdout).toBe("3 1");
    expect(await kubectlLine(ws, "rollout undo deployment/web --to-revision=2")).toEqual({ stdout: "deployment.apps/web rolled back\n", stderr: "", status: 0 });
    ws.advance(60_000);
    expect(await image(ws)).toBe("nginx:1.16.1");
  });

  it("shows one revision's pod template, with its change-cause", async () => {
    const ws = await deployment();
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    await kubectlArgs(ws, ["annotate", "deployment/web", "kubernetes.io/change-cause=kubectl set image deployment/web nginx=nginx:1.16.1"]);
    ws.advance(60_000);
    const hash = (await newReplicaSet(ws)).slice("web-".length);
    expect((await kubectlLine(ws, "rollout history deployment/web --revision=2")).stdout).toBe(golden("history-revision-2.txt").replace("HASH", hash));
    expect((await kubectlLine(ws, "rollout history deployment/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.16.1\n\n");
  });

  it("prints the waiting line of a paused rollout, once with --watch=false", async () => {
    const ws = await deployment();
    await kubectlLine(ws, "rollout pause deployment/web");
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    ws.advance(5_000);
    expect(await kubectlLine(ws, "rollout status deployment/web --watch=false")).toEqual({ stdout: 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n', stderr: "", status: 0 });
    expect(await kubectlLine(ws, "rollout status deployment/web --timeout=10s")).toEqual({
      stdout: 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n',
      stderr: "error: timed out waiting for the condition\n",
      status: 1,
    });
  });

  it.each<[string, string, string]>([
    ["pause", "deployment.apps/web paused\n", ""],
    ["resume", "", 'error: deployments.apps "web" is not paused\n'],
    ["restart", "deployment.apps/web restarted\n", ""],
  ])("rollout %s on a running Deployment", async (verb, stdout, stderr) => {
    const ws = await deployment();
    expect(await kubectlLine(ws, `rollout ${verb} deployment/web`)).toEqual({ stdout, stderr, status: stderr ? 1 : 0 });
  });

  it("pauses once, refuses to restart or undo while paused, and resumes", async () => {
    const ws = await deployment();
    await kubectlLine(ws, "rollout pause deployment/web");
    expect((await kubectlLine(ws, "rollout pause deployment/web")).stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect((await kubectlLine(ws, "rollout restart deployment/web")).stderr).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`);
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    expect((await kubectlLine(ws, "rollout undo deployment/web --to-revision=1")).stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n");
    expect((await kubectlLine(ws, "rollout resume deployment/web")).stdout).toBe("deployment.apps/web resumed\n");
    expect((await kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.paused}"])).stdout).toBe("");
  });

  it("restarts by stamping the pod template, which rolls out new pods", async () => {
    const ws = await deployment();
    const before = await newReplicaSet(ws);
    await kubectlLine(ws, "rollout restart deployment/web");
    expect((await kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"])).stdout).toBe("2026-01-27T10:00:30Z");
    ws.advance(60_000);
    expect(await newReplicaSet(ws)).not.toBe(before);
  });

  it.each<[string, string]>([
    ["rollout undo deployment/web", 'error: no rollout history found for deployment "web"\n'],
    ["rollout undo deployment/web --to-revision=7", "error: unable to find specified revision 7 in history\n"],
    ["rollout undo deployment/web --to-revision=1", ""],
    ["rollout history deployment/web --revision=5", "error: unable to find the specified revision\n"],
    ["rollout history deployment/web --revision=-1", "error: revision must be a positive integer: -1\n"],
    ["rollout status", "error: required resource not specified\n"],
    ["rollout history", "error: required resource not specified\n"],
    ["rollout status deployment/nope", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])("%s", async (line, stderr) => {
    const ws = await deployment();
    const r = await kubectlLine(ws, line);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(stderr ? 1 : 0);
  });

  it("watches every Deployment a bare type names, which must be exactly one", async () => {
    const ws = await deployment();
    expect((await kubectlLine(ws, "rollout status deployment")).stdout).toBe('deployment "web" successfully rolled out\n');
    await kubectlLine(ws, "create deployment api --image=nginx");
    expect((await kubectlLine(ws, "rollout status deployment")).stderr).toBe("error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n");
    expect((await kubectlLine(ws, "rollout restart deployment")).stdout).toBe("deployment.apps/api restarted\ndeployment.apps/web restarted\n");
  });

  it("skips an undo to the revision already running", async () => {
    const ws = await deployment();
    expect((await kubectlLine(ws, "rollout undo deployment/web --to-revision=1")).stdout).toBe("deployment.apps/web skipped rollback (current template already matches revision 1)\n");
  });

  it("knows which kinds it can watch", async () => {
    const ws = await deployment();
    await kubectlLine(ws, "run nginx --image=nginx");
    expect((await kubectlLine(ws, "rollout status pod/nginx")).stderr).toBe("error: no status viewer has been implemented for Pod\n");
    expect((await kubectlLine(ws, "rollout status daemonset/kube-proxy -n kube-system")).stdout).toBe('daemon set "kube-proxy" successfully rolled out\n');
    expect((await kubectlLine(ws, "rollout pause pod/nginx")).stderr).toBe('error: pods "nginx" pausing is not supported\n');
  });

  it("lists its subcommands in its help", async () => {
    const ws = testWorkspace();
    const help = (await kubectlLine(ws, "rollout --help")).stdout;
    expect(help).toContain("Available Commands:\n  history              View rollout history\n  pause                Mark the provided resource as paused\n  restart              Restart a resource\n  resume               Resume a paused resource\n  status               Show the status of the rollout\n  undo                 Undo a previous rollout\n");
    expect((await kubectlLine(ws, "--help")).stdout).toContain("Deploy Commands:\n  rollout         Manage the rollout of a resource\n  scale           Set a new size for a deployment, replica set, or replication controller\n");
  });
});
