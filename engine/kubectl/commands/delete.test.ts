import { describe, expect, it } from "vitest";
import type { Workspace } from "../../workspace";
import { kubectlArgs, testWorkspace } from "../../testing";

// Messages: fidelity section 4.2 and delete.go PrintObj (≥1.34 names the namespace);
// errors: cli-runtime's builder and delete.go's Complete/Validate.
async function withPods(...names: string[]): Promise<Workspace> {
  const ws = testWorkspace();
  for (const n of names) await kubectlArgs(ws, ["run", n, "--image=nginx", `--labels=app=${n === "db" ? "db" : "web"}`]);
  return ws;
}

const exists = async (ws: Workspace, args: string[]) => (await kubectlArgs(ws, ["get", ...args, "-o", "name", "--ignore-not-found"])).stdout !== "";

describe("kubectl delete", () => {
  it("deletes a running pod and waits until it is gone", async () => {
    const ws = await withPods("nginx");
    const start = ws.now();
    expect(await kubectlArgs(ws, ["delete", "pod", "nginx"])).toEqual({ stdout: 'pod "nginx" deleted from default namespace\n', stderr: "", status: 0 });
    expect(ws.now() - start).toBeGreaterThan(0);
    expect(ws.now() - start).toBeLessThanOrEqual(2000);
    expect(await exists(ws, ["pod", "nginx"])).toBe(false);
  });

  it("returns at once with --wait=false, the pod still terminating", async () => {
    const ws = await withPods("nginx");
    const start = ws.now();
    expect((await kubectlArgs(ws, ["delete", "pod/nginx", "--wait=false"])).stdout).toBe('pod "nginx" deleted from default namespace\n');
    expect(ws.now()).toBe(start);
    expect((await kubectlArgs(ws, ["get", "pod", "nginx", "--no-headers"])).stdout).toContain("Terminating");
  });

  it("force-deletes with a warning (fidelity 4.2)", async () => {
    const ws = await withPods("nginx");
    const start = ws.now();
    expect(await kubectlArgs(ws, ["delete", "pod", "nginx", "--force", "--grace-period=0"])).toEqual({
      stdout: 'pod "nginx" force deleted from default namespace\n',
      stderr: "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      status: 0,
    });
    expect(ws.now()).toBe(start);
    expect(await exists(ws, ["pod", "nginx"])).toBe(false);
  });

  it.each<[string[], string]>([
    [["--grace-period=0"], 'pod "nginx" deleted from default namespace\n'],
    [["--now"], 'pod "nginx" deleted from default namespace\n'],
    [["--dry-run=client"], 'pod "nginx" deleted from default namespace (dry run)\n'],
    [["--dry-run=server"], 'pod "nginx" deleted from default namespace (server dry run)\n'],
    [["-o", "name"], "pod/nginx\n"],
  ])("with %j prints %j", async (flags, stdout) => {
    const ws = await withPods("nginx");
    expect(await kubectlArgs(ws, ["delete", "pod", "nginx", ...flags])).toEqual({ stdout, stderr: "", status: 0 });
    expect(await exists(ws, ["pod", "nginx"])).toBe(flags[0].startsWith("--dry-run"));
  });

  it("names cluster-scoped objects without a namespace, and waits for a namespace's content to go", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "namespace", "team"]);
    await kubectlArgs(ws, ["run", "x", "--image=nginx", "-n", "team"]);
    expect(await kubectlArgs(ws, ["delete", "namespace", "team"])).toEqual({ stdout: 'namespace "team" deleted\n', stderr: "", status: 0 });
    expect(await exists(ws, ["ns", "team"])).toBe(false);
    expect(await exists(ws, ["pod", "x", "-n", "team"])).toBe(false);
  });

  it("qualifies the kind with its group", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx"]);
    expect((await kubectlArgs(ws, ["delete", "deploy", "web"])).stdout).toBe('deployment.apps "web" deleted from default namespace\n');
  });

  it("deletes by label, by --all, across namespaces, and several types at once", async () => {
    const ws = await withPods("a", "b", "db");
    expect((await kubectlArgs(ws, ["delete", "pods", "-l", "app=web"])).stdout).toBe('pod "a" deleted from default namespace\npod "b" deleted from default namespace\n');
    expect((await kubectlArgs(ws, ["delete", "pods", "-l", "app=web"])).stdout).toBe("No resources found\n");
    await kubectlArgs(ws, ["create", "cm", "c", "--from-literal=k=v"]);
    expect((await kubectlArgs(ws, ["delete", "pod,cm", "db", "c", "--wait=false", "--ignore-not-found"])).stdout).toBe(
      'pod "db" deleted from default namespace\nconfigmap "c" deleted from default namespace\n',
    );
    const all = await kubectlArgs(ws, ["delete", "pods", "--all", "-A", "--dry-run=client"]);
    expect(all.stdout).toContain('pod "etcd-controlplane" deleted from kube-system namespace (dry run)\n');
    expect((await kubectlArgs(ws, ["delete", "pods", "--field-selector=metadata.name=nope"])).stdout).toBe("No resources found\n");
  });

  it("deletes what a manifest names, and reports its source on failure", async () => {
    const ws = await withPods("a");
    const manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: gone\n";
    expect(await kubectlArgs(ws, ["delete", "-f", "-"], manifest)).toEqual({
      stdout: 'pod "a" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): error when deleting "STDIN": pods "gone" not found\n',
      status: 1,
    });
  });

  it.each<[string[], string]>([
    [["pods"], "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n"],
    [["pod/a"], "error: resource/name arguments cannot be provided when a path is specified\n"],
  ])("refuses arguments beside -f: %j", async (args, stderr) => {
    expect(await kubectlArgs(await withPods("a"), ["delete", "-f", "-", ...args], "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n")).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("gives up waiting at --timeout, as cmd/wait does, for an object a finalizer keeps", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n  finalizers:\n  - example.com/keep\n");
    const start = ws.now();
    expect(await kubectlArgs(ws, ["delete", "cm", "kept", "--timeout=5s"])).toEqual({
      stdout: 'configmap "kept" deleted from default namespace\n',
      stderr: "error: timed out waiting for the condition on configmaps/kept\n",
      status: 1,
    });
    expect(ws.now() - start).toBe(5000);
  });

  it("warns about cluster-scoped objects when a namespace was given", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "ns", "team"]);
    expect(await kubectlArgs(ws, ["delete", "ns", "team", "-n", "default"])).toEqual({
      stdout: 'namespace "team" deleted\n',
      stderr: "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n",
      status: 0,
    });
  });

  it.each<[string[], string]>([
    [[], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    [["pods"], "error: resource(s) were provided, but no name was specified\n"],
    [["pod", "nope"], 'Error from server (NotFound): pods "nope" not found\n'],
    [["pod", "nginx", "--all"], "error: name cannot be provided when a selector is specified\n"],
    [["pod/nginx", "--all"], "error: selectors and the all flag cannot be used when passing resource/name arguments\n"],
    [["--all"], "error: at least one resource must be specified to use a selector\n"],
    [["pods", "--all", "-l", "app=web"], "error: setting 'all' parameter but found a non empty selector. \n"],
    [["pod", "nginx", "-A"], "error: a resource cannot be retrieved by name across all namespaces\n"],
    [["pod", "nginx", "--force", "--grace-period=5"], "error: --force and --grace-period greater than 0 cannot be specified together\n"],
    [["pod", "nginx", "--now", "--grace-period=5"], "error: --now and --grace-period cannot be specified together\n"],
    [["pod", "nginx", "-o", "yaml"], "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
    [["pod", "nginx", "--cascade=sideways"], 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n'],
    [["pod", "nginx", "--dry-run=maybe"], 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    [["widget", "x"], 'error: the server doesn\'t have a resource type "widget"\n'],
    [["ns", "default"], 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n'],
    [["pod", "nginx", "--timeout=soon"], "error: invalid argument \"soon\" for \"--timeout\" flag: time: invalid duration \"soon\"\nSee 'kubectl delete --help' for usage.\n"],
  ])("kubectl delete %j", async (args, stderr) => {
    const ws = await withPods("nginx");
    expect(await kubectlArgs(ws, ["delete", ...args])).toEqual({ stdout: "", stderr, status: 1 });
    expect(await exists(ws, ["pod", "nginx"])).toBe(true);
  });

  it("accepts the deprecated boolean --cascade with its warning", async () => {
    const ws = await withPods("nginx");
    expect(await kubectlArgs(ws, ["delete", "pod", "nginx", "--cascade=true"])).toEqual({
      stdout: 'pod "nginx" deleted from default namespace\n',
      stderr: "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n",
      status: 0,
    });
  });

  it("is silent about a missing object with --ignore-not-found", async () => {
    expect(await kubectlArgs(testWorkspace(), ["delete", "pod", "nope", "--ignore-not-found"])).toEqual({ stdout: "", stderr: "", status: 0 });
  });
});
