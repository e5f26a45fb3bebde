import { describe, expect, it } from "vitest";
import { kubectlArgs } from "../../testing";
import type { Workspace } from "../../workspace";
import { workspaceWithFiles } from "../../testing";

const CONFIGMAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: VALUE\n";
const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: IMAGE\n";

async function world(image = "nginx:1.25"): Promise<Workspace> {
  const ws = workspaceWithFiles({
    "/root/pod.yaml": POD.replace("IMAGE", image),
    "/root/ports.yaml": POD.replace("IMAGE", "nginx") + "    ports:\n    - containerPort: 80\n",
    "/root/cm.yaml": CONFIGMAP.replace("VALUE", "fast"),
  });
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  await kubectlArgs(ws, ["create", "configmap", "settings", "--from-literal=mode=slow"]);
  return ws;
}

const get = (ws: Workspace, path: string) => kubectlArgs(ws, ["get", "pod", "nginx", "-o", `jsonpath=${path}`]).then((r) => r.stdout);

describe("kubectl replace", () => {
  it("replaces the object, taking the server's resourceVersion when the file has none", async () => {
    const ws = await world();
    expect(await kubectlArgs(ws, ["replace", "-f", "cm.yaml"])).toEqual({ stdout: "configmap/settings replaced\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "cm", "settings", "-o", "jsonpath={.data.mode}"])).stdout).toBe("fast");
  });

  // The bare manifest lacks what the server filled in on create (nodeName, the
  // service-account volume, tolerations), and a pod's spec may not change: this is why
  // learners are taught `kubectl replace --force`.
  it("refuses to replace a running pod from its bare manifest, as a real server does", async () => {
    const r = await kubectlArgs(await world(), ["replace", "-f", "pod.yaml"]);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").slice(0, 3)).toEqual([
      'The Pod "nginx" is invalid: ',
      "* spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
      "* spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    ]);
  });

  it("replaces what `get -o yaml` printed, edited, through stdin", async () => {
    const ws = await world();
    const yaml = (await kubectlArgs(ws, ["get", "pod", "nginx", "-o", "yaml"])).stdout.replace("- image: nginx\n", "- image: nginx:1.26\n");
    expect((await kubectlArgs(ws, ["replace", "-f", "-"], yaml)).stdout).toBe("pod/nginx replaced\n");
    expect(await get(ws, "{.spec.containers[0].image}")).toBe("nginx:1.26");
    expect(await kubectlArgs(ws, ["replace", "-f", "-"], yaml)).toEqual({
      stdout: "",
      stderr: 'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on pods "nginx": the object has been modified; please apply your changes to the latest version and try again\n',
      status: 1,
    });
  });

  it("passes the API server's Forbidden error through", async () => {
    const ws = await world();
    const yaml = (await kubectlArgs(ws, ["get", "pod", "nginx", "-o", "yaml"])).stdout.replace("    name: nginx\n", "    name: nginx\n    ports:\n    - containerPort: 80\n");
    const r = await kubectlArgs(ws, ["replace", "-f", "-"], yaml);
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith('The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than')).toBe(true);
  });

  it("deletes and re-creates with --force, printing both steps (fidelity 4.1)", async () => {
    const ws = await world();
    expect(await kubectlArgs(ws, ["replace", "--force", "-f", "ports.yaml"])).toEqual({ stdout: 'pod "nginx" deleted from default namespace\npod/nginx replaced\n', stderr: "", status: 0 });
    expect(await get(ws, "{.spec.containers[0].ports[0].containerPort}")).toBe("80");
  });

  it("records the configuration with --save-config", async () => {
    const ws = await world();
    await kubectlArgs(ws, ["replace", "-f", "cm.yaml", "--save-config"]);
    expect((await kubectlArgs(ws, ["get", "cm", "settings", "-o", "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}"])).stdout).toBe(
      '{"apiVersion":"v1","data":{"mode":"fast"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
    );
  });

  it("changes nothing in a client dry run", async () => {
    const ws = await world();
    expect((await kubectlArgs(ws, ["replace", "-f", "pod.yaml", "--dry-run=client"])).stdout).toBe("pod/nginx replaced (dry run)\n");
    expect(await get(ws, "{.spec.containers[0].image}")).toBe("nginx");
  });

  it.each<[string, string[], string]>([
    ["no file", ["replace"], "error: must specify one of -f and -k\n"],
    ["--grace-period without --force", ["replace", "-f", "pod.yaml", "--grace-period=0"], "error: --grace-period must have --force specified\n"],
    ["--timeout without --force", ["replace", "-f", "pod.yaml", "--timeout=10s"], "error: --timeout must have --force specified\n"],
  ])("refuses %s", async (_name, argv, stderr) => {
    expect(await kubectlArgs(await world(), argv)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("reports an object that does not exist", async () => {
    const ws = workspaceWithFiles({ "/root/pod.yaml": POD.replace("IMAGE", "nginx") });
    expect(await kubectlArgs(ws, ["replace", "-f", "pod.yaml"])).toEqual({ stdout: "", stderr: 'Error from server (NotFound): error when replacing "pod.yaml": pods "nginx" not found\n', status: 1 });
  });
});
