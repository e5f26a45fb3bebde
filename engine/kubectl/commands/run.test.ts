import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../testing";

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

  it("creates the pod: pod/NAME created, labelled run=NAME", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["run", "nginx", "--image=nginx"])).toEqual({ stdout: "pod/nginx created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "pods", "--show-labels"])).stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE   LABELS\nnginx   1/1     Running   0          0s    run=nginx\n");
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

  it("waits for an attached pod, shows nothing of it yet, and deletes it with --rm", async () => {
    const ws = testWorkspace();
    const start = ws.now();
    const r = await kubectlArgs(ws, ["run", "bb", "--image=busybox", "-it", "--rm", "--restart=Never", "--", "sh"]);
    expect(r).toEqual({ stdout: 'pod "bb" deleted from default namespace\n', stderr: "", status: 0 });
    expect(ws.now() - start).toBe(1000);
    expect((await kubectlArgs(ws, ["get", "pod", "bb", "-o", "jsonpath={.metadata.deletionTimestamp}"])).stdout).not.toBe("");
  });

  it("deletes quietly with -q", async () => {
    expect((await kubectlArgs(testWorkspace(), ["run", "bb", "--image=busybox", "-i", "-q", "--rm"])).stdout).toBe("");
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
