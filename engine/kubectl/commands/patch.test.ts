import { describe, expect, it } from "vitest";
import { kubectlArgs } from "../../testing";
import type { Workspace } from "../../workspace";
import { workspaceWithFiles } from "../../testing";

async function withPod(files: Record<string, string> = {}): Promise<Workspace> {
  const ws = workspaceWithFiles(files);
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  return ws;
}

const get = (ws: Workspace, path: string) => kubectlArgs(ws, ["get", "pod", "nginx", "-o", `jsonpath=${path}`]).then((r) => r.stdout);

describe("kubectl patch", () => {
  it.each<[string, string[], string, string]>([
    ["a strategic merge patch of labels", ["-p", '{"metadata":{"labels":{"app":"web"}}}'], "{.metadata.labels}", '{"app":"web","run":"nginx"}'],
    ["a container's image by its merge key (patch.go example)", ["-p", '{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}'], "{.spec.containers[*].image}", "nginx:1.25"],
    ["a JSON patch with a positional path", ["--type=json", "-p", '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.26"}]'], "{.spec.containers[0].image}", "nginx:1.26"],
    ["a JSON merge patch deleting a label", ["--type", "merge", "-p", '{"metadata":{"labels":{"run":null}}}'], "{.metadata.labels}", ""],
    ["a patch written in YAML", ["-p", "metadata:\n  labels:\n    tier: fe"], "{.metadata.labels.tier}", "fe"],
    ["a toleration added (tolerations are replaced, the old ones must be sent too)", ["-p", '{"spec":{"tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"key":"dedicated","operator":"Exists"}]}}'], "{.spec.tolerations[*].key}", "node.kubernetes.io/not-ready node.kubernetes.io/unreachable dedicated"],
  ])("applies %s: pod/nginx patched", async (_name, flags, path, value) => {
    const ws = await withPod();
    expect(await kubectlArgs(ws, ["patch", "pod", "nginx", ...flags])).toEqual({ stdout: "pod/nginx patched\n", stderr: "", status: 0 });
    expect(await get(ws, path)).toBe(value);
  });

  it("says (no change) when the server returns the object as it was", async () => {
    const ws = await withPod();
    expect((await kubectlArgs(ws, ["patch", "pod/nginx", "-p", '{"metadata":{"labels":{"run":"nginx"}}}'])).stdout).toBe("pod/nginx patched (no change)\n");
  });

  it("reads the patch from --patch-file and takes the object from -f", async () => {
    const ws = await withPod({ "/root/p.yaml": "spec:\n  activeDeadlineSeconds: 600\n", "/root/pod.json": '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx"}}' });
    expect((await kubectlArgs(ws, ["patch", "-f", "pod.json", "--patch-file", "p.yaml"])).stdout).toBe("pod/nginx patched\n");
    expect(await get(ws, "{.spec.activeDeadlineSeconds}")).toBe("600");
  });

  it.each<[string, string, string]>([
    ["client", "pod/nginx patched (dry run)\n", ""],
    ["server", "pod/nginx patched (server dry run)\n", ""],
  ])("does not store the result with --dry-run=%s", async (mode, stdout, stderr) => {
    const ws = await withPod();
    expect(await kubectlArgs(ws, ["patch", "pod", "nginx", "-p", '{"metadata":{"labels":{"x":"y"}}}', `--dry-run=${mode}`])).toEqual({ stdout, stderr, status: 0 });
    expect(await get(ws, "{.metadata.labels.x}")).toBe("");
  });

  it("prints the patched object with -o", async () => {
    const ws = await withPod();
    const r = await kubectlArgs(ws, ["patch", "pod", "nginx", "-p", '{"metadata":{"labels":{"x":"y"}}}', "-o", "jsonpath={.metadata.labels.x}"]);
    expect(r).toEqual({ stdout: "y", stderr: "", status: 0 });
  });

  it("warns about an unknown field, which the server drops (field validation Warn)", async () => {
    const ws = await withPod();
    expect(await kubectlArgs(ws, ["patch", "pod", "nginx", "-p", '{"spec":{"foo":"bar"}}'])).toEqual({ stdout: "pod/nginx patched (no change)\n", stderr: 'Warning: unknown field "spec.foo"\n', status: 0 });
  });

  it.each<[string, string[], string]>([
    ["no patch", [], "error: must specify --patch or --patch-file containing the contents of the patch\n"],
    ["both -p and --patch-file", ["-p", "{}", "--patch-file", "x.yaml"], "error: cannot specify --patch and --patch-file together\n"],
    ["a bad --type", ["-p", "{}", "--type", "apply"], 'error: --type must be one of [json merge strategic], not "apply"\n'],
    ["a missing object", ["-p", "{}", "--", "nosuch"], 'Error from server (NotFound): pods "nosuch" not found\n'],
    ["JSON that is not JSON", ["-p", "{'metadata':{}}"], "Error from server (BadRequest): invalid character '\\'' looking for beginning of object key string\n"],
    ["a merge list element without its merge key", ["-p", '{"spec":{"containers":[{"image":"nginx:1.25"}]}}'], "Error from server: map: map[image:nginx:1.25] does not contain declared merge key: name\n"],
    ["a JSON patch that is an object", ["--type=json", "-p", '{"op":"add"}'], "Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n"],
    ["a JSON patch on a missing path", ["--type=json", "-p", '[{"op":"replace","path":"/spec/foo","value":1}]'], "The request is invalid: the server rejected our request due to an error in our request\n"],
    ["a missing patch file", ["--patch-file", "nosuch.json"], "error: unable to read patch file: open nosuch.json: no such file or directory\n"],
  ])("refuses %s", async (_name, flags, stderr) => {
    const ws = await withPod();
    const target = flags.includes("--") ? [] : ["nginx"];
    const argv = ["patch", "pod", ...target, ...flags.filter((f) => f !== "--")];
    expect(await kubectlArgs(ws, argv)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("passes the API server's Forbidden error through for a pod change it refuses", async () => {
    const ws = await withPod();
    const r = await kubectlArgs(ws, ["patch", "pod", "nginx", "-p", '{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80}]}]}}']);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(
      'The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it("rewords a local JSON patch on a missing field (patch.go getPatchedJSON)", async () => {
    const ws = await withPod();
    const r = await kubectlArgs(ws, ["patch", "pod", "nginx", "--type=json", "-p", '[{"op":"replace","path":"/spec/foo","value":1}]', "--dry-run=client"]);
    expect(r).toEqual({ stdout: "", stderr: "error: Object to be patched is missing field (/spec/foo: missing value)\n", status: 1 });
  });
});
