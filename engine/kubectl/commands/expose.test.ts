import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Workspace } from "../../workspace";
import { kubectlArgs, testWorkspace } from "../../testing";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "expose", name), "utf8");

const bare = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: c
    image: nginx
`;

const twoPorts = `apiVersion: v1
kind: Pod
metadata:
  name: dns
  labels:
    app: dns
spec:
  containers:
  - name: c
    image: coredns/coredns
    ports:
    - containerPort: 53
      protocol: UDP
    - containerPort: 9153
`;

async function withNginx(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  return ws;
}

describe("kubectl expose", () => {
  it("builds the service of a pod (the well-known dry-run output, without creationTimestamp since 1.34)", async () => {
    const ws = await withNginx();
    expect(await kubectlArgs(ws, ["expose", "pod", "nginx", "--port=80", "--dry-run=client", "-o", "yaml"])).toEqual({ stdout: golden("pod-nginx-80.yaml"), stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["expose", "pod", "nginx", "--port=80", "--dry-run=client"])).toEqual({ stdout: "service/nginx exposed (dry run)\n", stderr: "", status: 0 });
  });

  it("exposes a deployment on its container port with its selector and labels", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx", "--port=8080"]);
    expect(await kubectlArgs(ws, ["expose", "deployment", "web", "--type=NodePort", "--target-port=http"])).toEqual({ stdout: "service/web exposed\n", stderr: "", status: 0 });
    const svc = await kubectlArgs(ws, ["get", "svc", "web", "-o", "jsonpath={.metadata.labels} {.spec.selector} {.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort}"]);
    expect(svc.stdout).toBe('{"app":"web"} {"app":"web"} NodePort 8080 http');
  });

  it("names each port of an object with several, keeping their protocols", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "-f", "-"], twoPorts);
    const r = await kubectlArgs(ws, ["expose", "pod/dns", "--name=dns-svc", "--dry-run=client", "-o", "jsonpath={range .spec.ports[*]}{.name}:{.port}/{.protocol} {end}"]);
    expect(r.stdout).toBe("port-1:53/UDP port-2:9153/TCP ");
  });

  it("exposes a service as another service", async () => {
    const ws = await withNginx();
    await kubectlArgs(ws, ["expose", "pod", "nginx", "--port=80"]);
    expect(await kubectlArgs(ws, ["expose", "svc", "nginx", "--port=443", "--target-port=8443", "--name=nginx-https"])).toEqual({ stdout: "service/nginx-https exposed\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "svc", "nginx-https", "-o", "jsonpath={.spec.selector}"])).stdout).toBe('{"run":"nginx"}');
  });

  it.each<[string, string[], string]>([
    ["a pod without labels", ["pod", "bare", "--port=80"], "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
    ["a pod without ports", ["pod", "nginx"], "error: couldn't find port via --port flag or introspection\n"],
    ["a kind that has no pods", ["configmap", "kube-root-ca.crt"], "error: cannot expose a ConfigMap\n"],
    ["a missing object", ["pod", "nope", "--port=80"], 'Error from server (NotFound): pods "nope" not found\n'],
    ["no arguments", [], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ["a type without a name", ["pods"], "error: resource(s) were provided, but no name was specified\n"],
    ["a bad session affinity", ["pod", "nginx", "--port=80", "--session-affinity=Sticky"], "error: unknown session affinity: Sticky\n"],
    ["a bad --selector", ["pod", "nginx", "--port=80", "--selector=app"], "error: unexpected label spec: app\n"],
  ])("refuses %s", async (_, args, stderr) => {
    const ws = await withNginx();
    await kubectlArgs(ws, ["create", "-f", "-"], bare);
    expect(await kubectlArgs(ws, ["expose", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("passes the server's error on", async () => {
    const ws = await withNginx();
    await kubectlArgs(ws, ["expose", "pod", "nginx", "--port=80"]);
    expect((await kubectlArgs(ws, ["expose", "pod", "nginx", "--port=80"])).stderr).toBe('Error from server (AlreadyExists): services "nginx" already exists\n');
  });
});
