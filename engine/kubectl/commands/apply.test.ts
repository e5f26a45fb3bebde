import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlArgs } from "../../testing";
import { workspaceWithFiles } from "../../testing";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "apply", name), "utf8");

const POD = golden("pod.yaml");
const NGINX = golden("nginx.yaml");
const DEPLOY = golden("deploy.yaml");

/** Fidelity reference 1.2: the annotation a real `kubectl apply` of pod.yaml stores. */
const ANNOTATION =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"snowdeer-app"},"name":"snowdeer-app","namespace":"default"},"spec":{"containers":[{"image":"blux2/hello-server:1.0","name":"hello-server","ports":[{"containerPort":8080}]}]}}\n';

const FORBIDDEN_HEAD =
  'The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

const jsonpath = (ws: ReturnType<typeof workspaceWithFiles>, what: string, path: string) => kubectlArgs(ws, ["get", ...what.split(" "), "-o", `jsonpath=${path}`]).then((r) => r.stdout);

describe("kubectl apply", () => {
  it("creates, then leaves unchanged, then configures (apply.go operations)", async () => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD, "/root/v2.yaml": POD.replace("hello-server:1.0", "hello-server:2.0") });
    expect(await kubectlArgs(ws, ["apply", "-f", "pod.yaml"])).toEqual({ stdout: "pod/snowdeer-app created\n", stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["apply", "-f", "pod.yaml"])).toEqual({ stdout: "pod/snowdeer-app unchanged\n", stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["apply", "-f", "v2.yaml"])).toEqual({ stdout: "pod/snowdeer-app configured\n", stderr: "", status: 0 });
    expect(await jsonpath(ws, "pod snowdeer-app", "{.spec.containers[0].image}")).toBe("blux2/hello-server:2.0");
  });

  it("stores the last-applied-configuration exactly as kubectl does (fidelity 1.2)", async () => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD });
    await kubectlArgs(ws, ["apply", "-f", "pod.yaml"]);
    expect(await jsonpath(ws, "pod snowdeer-app", "{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}")).toBe(ANNOTATION);
  });

  it("removes what was removed from the file and keeps what others added (three-way merge)", async () => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD.replace("app: snowdeer-app", "app: snowdeer-app\n    tier: web"), "/root/less.yaml": POD });
    await kubectlArgs(ws, ["apply", "-f", "pod.yaml"]);
    await kubectlArgs(ws, ["label", "pod", "snowdeer-app", "owner=ops"]);
    expect((await kubectlArgs(ws, ["apply", "-f", "less.yaml"])).stdout).toBe("pod/snowdeer-app configured\n");
    expect(await jsonpath(ws, "pod snowdeer-app", "{.metadata.labels}")).toBe('{"app":"snowdeer-app","owner":"ops"}');
  });

  it("drops a removed env var and keeps the order of the rest (deployment)", async () => {
    const ws = workspaceWithFiles({ "/root/d.yaml": DEPLOY, "/root/d2.yaml": DEPLOY.replace('        - name: A\n          value: "1"\n', "").replace("replicas: 2", "replicas: 3") });
    expect((await kubectlArgs(ws, ["apply", "-f", "d.yaml"])).stdout).toBe("deployment.apps/web created\n");
    expect((await kubectlArgs(ws, ["apply", "-f", "d2.yaml"])).stdout).toBe("deployment.apps/web configured\n");
    expect(await jsonpath(ws, "deploy web", "{.spec.replicas} {.spec.template.spec.containers[0].env}")).toBe('3 [{"name":"B","value":"2"}]');
  });

  it("warns about the missing annotation on an object made by run, then configures it (fidelity 2.4)", async () => {
    const ws = workspaceWithFiles({ "/root/nginx.yaml": NGINX });
    await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
    expect(await kubectlArgs(ws, ["apply", "-f", "nginx.yaml"])).toEqual({ stdout: "pod/nginx configured\n", stderr: golden("missing-annotation.txt"), status: 0 });
    expect(await kubectlArgs(ws, ["apply", "-f", "nginx.yaml"])).toEqual({ stdout: "pod/nginx unchanged\n", stderr: "", status: 0 });
  });

  it("prints the warning, then the API server's Forbidden error for a forbidden pod change (fidelity 2.4)", async () => {
    const ws = workspaceWithFiles({ "/root/nginx.yaml": NGINX.replace("image: nginx:1.25", "image: nginx\n    ports:\n    - containerPort: 80") });
    await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
    const r = await kubectlArgs(ws, ["apply", "-f", "nginx.yaml"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(golden("missing-annotation.txt") + FORBIDDEN_HEAD)).toBe(true);
  });

  it("deletes and re-creates an object the server refuses with --force (patcher.deleteAndCreate)", async () => {
    const ws = workspaceWithFiles({ "/root/nginx.yaml": NGINX.replace("image: nginx:1.25", "image: nginx\n    ports:\n    - containerPort: 80") });
    await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
    const r = await kubectlArgs(ws, ["apply", "-f", "nginx.yaml", "--force"]);
    expect(r.stdout).toBe("pod/nginx configured\n");
    expect(await jsonpath(ws, "pod nginx", "{.spec.containers[0].ports[0].containerPort}")).toBe("80");
  });

  it.each<[string, string[], string]>([
    ["client dry run of a new object", ["--dry-run=client"], "pod/snowdeer-app created (dry run)\n"],
    ["server dry run of a new object", ["--dry-run=server"], "pod/snowdeer-app created (server dry run)\n"],
    ["-o name", ["-o", "name"], "pod/snowdeer-app\n"],
    ["-o jsonpath, printed once all are applied", ["-o", "jsonpath={.kind}/{.metadata.name}"], "Pod/snowdeer-app"],
    ["--server-side", ["--server-side"], "pod/snowdeer-app serverside-applied\n"],
  ])("%s", async (_name, flags, stdout) => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD });
    expect(await kubectlArgs(ws, ["apply", "-f", "pod.yaml", ...flags])).toEqual({ stdout, stderr: "", status: 0 });
    const exists = (await kubectlArgs(ws, ["get", "pod", "snowdeer-app", "-o", "name"])).status === 0;
    expect(exists).toBe(!flags[0].startsWith("--dry-run"));
  });

  it("reads stdin with -f - and applies every document of a file", async () => {
    const ws = workspaceWithFiles({});
    const r = await kubectlArgs(ws, ["apply", "-f", "-"], `${POD}---\n${DEPLOY}`);
    expect(r).toEqual({ stdout: "pod/snowdeer-app created\ndeployment.apps/web created\n", stderr: "", status: 0 });
  });

  it("applies the other objects and reports a failing one at the end", async () => {
    const ws = workspaceWithFiles({ "/root/all.yaml": `${POD.replace("containers:", "containrs:")}---\n${DEPLOY}` });
    expect(await kubectlArgs(ws, ["apply", "-f", "all.yaml"])).toEqual({
      stdout: "deployment.apps/web created\n",
      stderr: 'Error from server (BadRequest): error when creating "all.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containrs"\n',
      status: 1,
    });
  });

  it.each<[string, string[], string]>([
    ["no file", ["apply"], "error: must specify one of -f and -k\n"],
    ["arguments", ["apply", "-f", "pod.yaml", "pod"], "error: Unexpected args: [pod]\nSee 'kubectl apply -h' for help and examples\n"],
    ["a missing file", ["apply", "-f", "nosuch.yaml"], 'error: the path "nosuch.yaml" does not exist\n'],
    ["a bad --dry-run", ["apply", "-f", "pod.yaml", "--dry-run=maybe"], 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    ["--force-conflicts without --server-side", ["apply", "-f", "pod.yaml", "--force-conflicts"], "error: --force-conflicts only works with --server-side\n"],
    ["client dry run with --server-side", ["apply", "-f", "pod.yaml", "--server-side", "--dry-run=client"], "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n"],
    [
      "another namespace than -n",
      ["apply", "-f", "pod.yaml", "-n", "kube-system"],
      `error: the namespace from the provided object "default" does not match the namespace "kube-system". You must pass '--namespace=default' to perform this operation.\n`,
    ],
  ])("refuses %s", async (_name, argv, stderr) => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD.replace("  name: snowdeer-app\n", "  name: snowdeer-app\n  namespace: default\n") });
    expect(await kubectlArgs(ws, argv)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
