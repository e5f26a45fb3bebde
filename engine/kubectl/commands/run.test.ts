import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../../testing";
import { kubectlArgs, kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "run", name), "utf8");

describe("kubectl run", () => {
  it("prints exactly the dry-run manifest of fidelity section 5.2", async () => {
    expect(await kubectlArgs(testWorkspace(), ["run", "nginx", "--image=nginx", "--dry-run=client", "-o", "yaml"])).toEqual({ stdout: golden("nginx.yaml"), stderr: "", status: 0 });
  });

  it("includes the namespace only when -n is given (fidelity 5.1)", async () => {
    const r = await kubectlArgs(testWorkspace(), ["run", "nginx", "--image=nginx", "-n", "kube-public", "--dry-run=client", "-o", "yaml"]);
    expect(r.stdout).toBe(golden("nginx.yaml").replace("  name: nginx\n", "  name: nginx\n  namespace: kube-public\n"));
  });

  it("maps every generator flag onto the pod (run-pod/v1 BasicPod)", async () => {
    const args = ["run", "pp", "--image=busybox", "--env=A=1", "--env=B=", "--annotations=team=x", "--labels=app=pp,tier=db", "--port=8080", "--command", "--restart=Never", "--image-pull-policy=IfNotPresent", "--privileged", "--dry-run=client", "-o", "yaml", "--", "sleep", "3600"];
    expect((await kubectlArgs(testWorkspace(), args)).stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  annotations:
    team: x
  labels:
    app: pp
    tier: db
  name: pp
spec:
  containers:
  - command:
    - sleep
    - "3600"
    env:
    - name: A
      value: "1"
    - name: B
    image: busybox
    imagePullPolicy: IfNotPresent
    name: pp
    ports:
    - containerPort: 8080
    resources: {}
    securityContext:
      privileged: true
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  it("puts the words after -- in args unless --command is given", async () => {
    const r = await kubectlArgs(testWorkspace(), ["run", "bb", "--image=busybox", "--dry-run=client", "-o", "jsonpath={.spec.containers[0].args}", "--", "sh", "-c", "echo hi"]);
    expect(r.stdout).toBe('["sh","-c","echo hi"]');
  });

  it("creates the pod: pod/NAME created, labelled run=NAME, running a few seconds later", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["run", "nginx", "--image=nginx"])).toEqual({ stdout: "pod/nginx created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "pods", "--show-labels"])).stdout).toBe(
      "NAME    READY   STATUS              RESTARTS   AGE   LABELS\nnginx   0/1     ContainerCreating   0          0s    run=nginx\n",
    );
    ws.advance(5000);
    expect((await kubectlArgs(ws, ["get", "pods", "--show-labels"])).stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE   LABELS\nnginx   1/1     Running   0          5s    run=nginx\n");
    expect(await kubectlArgs(ws, ["run", "nginx", "--image=nginx"])).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): pods "nginx" already exists\n', status: 1 });
  });

  it.each<[string, string]>([
    ["merge", '{"spec":{"nodeName":"node01","containers":[{"name":"x","image":"redis"}]}}'],
    ["strategic", '{"spec":{"nodeName":"node01","containers":[{"name":"x","image":"redis"}]}}'],
  ])("applies --overrides as a %s patch", async (type, overrides) => {
    const r = await kubectlArgs(testWorkspace(), ["run", "pp", "--image=nginx", `--override-type=${type}`, `--overrides=${overrides}`, "--dry-run=client", "-o", "jsonpath={.spec.nodeName} {.spec.containers[*].name}"]);
    // strategic: containers merge by name, and a new one goes first (normalizeElementOrder)
    expect(r.stdout).toBe(type === "merge" ? "node01 x" : "node01 x pp");
  });

  it.each<[string, string, string]>([
    ["json", '[{"op":"add","path":"/spec/nodeName","value":"node01"},{"op":"replace","path":"/spec/containers/0/image","value":"redis"}]', "node01 redis"],
    ["json", '[{"op":"remove","path":"/spec/nope"}]', ""],
    ["sideways", "{}", ""],
  ])("--override-type=%s %s", async (type, overrides, out) => {
    const r = await kubectlArgs(testWorkspace(), ["run", "pp", "--image=nginx", `--override-type=${type}`, `--overrides=${overrides}`, "--dry-run=client", "-o", "jsonpath={.spec.nodeName} {.spec.containers[0].image}"]);
    if (out) expect(r).toEqual({ stdout: out, stderr: "", status: 0 });
    else if (type === "sideways") expect(r).toEqual({ stdout: "", stderr: "error: invalid override type: sideways\n", status: 1 });
    // json-patch's own wording of a failed operation is not pinned down here, only that it fails
    else expect([r.stdout, r.stderr.startsWith("error: "), r.status]).toEqual(["", true, 1]);
  });

  it("creates a ClusterIP service first with --expose (run.go generateService)", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["run", "web", "--image=nginx", "--port=80", "--expose"])).toEqual({ stdout: "service/web created\npod/web created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "svc", "web", "-o", "jsonpath={.spec.type} {.spec.selector} {.spec.ports[0].port}/{.spec.ports[0].targetPort}"])).stdout).toBe('ClusterIP {"run":"web"} 80/80');
  });

  it.each<[string[], string]>([
    [["nginx"], 'error: required flag(s) "image" not set\n'],
    [["--image=nginx"], "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    [["--image=nginx", "--", "sleep"], "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=Nginx"], 'error: Invalid image name "Nginx": invalid reference format\n'],
    [["x", "--image="], "error: --image is required\n"],
    [["x", "--image=nginx", "--restart=Sometimes"], "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "-t"], "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "--rm"], "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "--expose"], "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "-i", "--dry-run=client"], "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "--image-pull-policy=Sometimes"], "error: invalid image pull policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    [["x", "--image=nginx", "--dry-run=maybe"], 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    [["x", "--image=nginx", "--env=NOEQUALS"], "error: invalid env: NOEQUALS\n"],
    [["x", "--image=nginx", "--env=1A=b"], "error: invalid env: 1A=b\n"],
    [["x", "--image=nginx", "--labels=app"], "error: unexpected label spec: app\n"],
    [["x", "--image=nginx", "--annotations=note"], "error: invalid annotations format: note\n"],
    [["x", "--image=nginx", "--port=http"], 'error: strconv.Atoi: parsing "http": invalid syntax\n'],
    [["x", "--image=nginx", "--overrides={"], "error: Invalid JSON Patch\n"],
    [["x", "--image=nginx", "--pod-running-timeout=0s"], "error: --pod-running-timeout must be higher than zero\nSee 'kubectl run -h' for help and examples\n"],
  ])("kubectl run %j", async (args, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["run", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });
});

const DELETED = (name: string) => `pod "${name}" deleted from default namespace\n`;
const RECORDED = "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n";
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** A workspace with nginx 1.27 behind a Service named web. */
async function webService(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlLine(ws, "run web --image=nginx:1.27.4 --port=80 --expose");
  ws.advance(5000);
  return ws;
}

async function gone(ws: Workspace, pod: string): Promise<boolean> {
  ws.advance(60_000);
  return (await kubectlLine(ws, `get pod ${pod}`)).status === 1;
}

describe("kubectl run -i / --attach", () => {
  it("prints what a short-lived container printed, then deletes it with --rm (the CKA wget check)", async () => {
    const ws = await webService();
    const r = await kubectlArgs(ws, ["run", "tmp", "--image=busybox", "--rm", "-it", "--restart=Never", "--", "wget", "-qO-", "http://web"]);
    expect(r).toEqual({ stdout: golden("nginx-1.27-welcome.html") + DELETED("tmp"), stderr: "", status: 0 });
    expect(await gone(ws, "tmp")).toBe(true);
  });

  it("prints a DNS lookup of a Service as busybox nslookup does inside the cluster", async () => {
    const ws = await webService();
    await kubectlArgs(ws, ["run", "bb", "--image=busybox", "--", "sleep", "3600"]);
    ws.advance(5000);
    const lookup = await kubectlLine(ws, "exec bb -- nslookup web");
    const ip = (await kubectlArgs(ws, ["get", "svc", "web", "-o", "jsonpath={.spec.clusterIP}"])).stdout;
    expect(lookup.stdout).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(await kubectlArgs(ws, ["run", "tmp", "--image=busybox", "--rm", "-i", "--restart=Never", "--", "nslookup", "web"])).toEqual({ stdout: lookup.stdout + DELETED("tmp"), stderr: "", status: 0 });
  });

  it("returns the container's exit code under --restart=Never, after deleting the pod", async () => {
    const ws = testWorkspace();
    const r = await kubectlArgs(ws, ["run", "tmp", "--image=busybox", "--rm", "-i", "--restart=Never", "--", "sh", "-c", "echo bad; exit 3"]);
    expect(r).toEqual({ stdout: "bad\n" + DELETED("tmp"), stderr: "pod default/tmp terminated (Error)\n", status: 3 });
  });

  it("keeps the finished pod without --rm", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["run", "once", "--image=busybox", "-i", "--restart=Never", "--", "echo", "hi"])).toEqual({ stdout: "hi\n", stderr: "", status: 0 });
    expect((await kubectlLine(ws, "get pod once")).stdout).toContain("once   0/1     Completed   0");
  });

  it("attaches to a container that runs a while: earlier output first, the session notice, then the rest as it comes", async () => {
    const ws = testWorkspace();
    const start = ws.now();
    const r = await kubectlArgs(ws, ["run", "slow", "--image=busybox", "--rm", "-i", "--restart=Never", "--", "sh", "-c", "echo start; sleep 5; echo done; ls /nope"]);
    expect(r).toEqual({ stdout: "start\ndone\n" + DELETED("slow"), stderr: RECORDED + PROMPT + "ls: /nope: No such file or directory\npod default/slow terminated (Error)\n", status: 1 });
    expect(ws.now() - start).toBeGreaterThanOrEqual(5000);
  });

  it("with -it at the terminal: one output stream, and how to attach again once the session ends", async () => {
    const r = await kubectlArgs(testWorkspace(), ["run", "slow", "--image=busybox", "--rm", "-it", "--restart=Never", "--", "sh", "-c", "echo start; sleep 5; ls /nope"]);
    expect(r).toEqual({
      stdout: "start\nls: /nope: No such file or directory\nSession ended, resume using 'kubectl attach slow -c slow -n default -i -t' command\n" + DELETED("slow"),
      stderr: RECORDED + PROMPT + "pod default/slow terminated (Error)\n",
      status: 1,
    });
  });

  it("with -it and piped stdin: no TTY, and kubectl says so", async () => {
    const r = await kubectlArgs(testWorkspace(), ["run", "slow", "--image=busybox", "--rm", "-it", "--restart=Never", "--", "sh", "-c", "sleep 5; echo done"], "ignored\n");
    expect(r).toEqual({ stdout: "done\n" + DELETED("slow"), stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\n" + RECORDED + PROMPT, status: 0 });
  });

  it("says nothing of its own with -q", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["run", "bb", "--image=busybox", "-i", "-q", "--rm", "--restart=Never", "--", "sh", "-c", "sleep 3; echo hi"])).toEqual({ stdout: "hi\n", stderr: "", status: 0 });
    expect(await gone(ws, "bb")).toBe(true);
  });

  it("gives up after --pod-running-timeout when the pod never runs, and still deletes it", async () => {
    const ws = testWorkspace();
    const start = ws.now();
    const r: Transcript = await kubectlArgs(ws, ["run", "bad", "--image=busybox:nope", "--rm", "-i", "--restart=Never", "--pod-running-timeout=10s"]);
    expect(r).toEqual({ stdout: DELETED("bad"), stderr: "error: timed out waiting for the condition\n", status: 1 });
    expect(ws.now() - start).toBe(10_000);
  });

  it("under --restart=OnFailure waits for success only, so a failing container times out", async () => {
    const ws = testWorkspace();
    const r = await kubectlArgs(ws, ["run", "flaky", "--image=busybox", "-i", "--restart=OnFailure", "--pod-running-timeout=20s", "--", "sh", "-c", "sleep 3; exit 1"]);
    expect(r).toEqual({ stdout: "", stderr: RECORDED + PROMPT + "error: timed out waiting for the condition\n", status: 1 });
    // the kubelet restarted it meanwhile; kubectl leaves the pod as it is
    expect((await kubectlArgs(ws, ["get", "pod", "flaky", "-o", "jsonpath={.spec.restartPolicy} {.status.containerStatuses[0].restartCount}"])).stdout).toMatch(/^OnFailure [1-9]\d*$/);
  });
});
