import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";

const unschedulable = (ws: ReturnType<typeof testWorkspace>, node: string) => kubectlLine(ws, `get node ${node} -o jsonpath={.spec.unschedulable}`).then((r) => r.stdout);

describe("kubectl cordon and uncordon", () => {
  // drain.go already()/changed(): the name printer with the operation.
  it("report what they did, and what was already so", async () => {
    const ws = testWorkspace();
    const steps: [string, string][] = [
      ["cordon node01", "node/node01 cordoned\n"],
      ["cordon node01", "node/node01 already cordoned\n"],
      ["uncordon node01", "node/node01 uncordoned\n"],
      ["uncordon node01", "node/node01 already uncordoned\n"],
      ["cordon node/node01 node02", "node/node01 cordoned\nnode/node02 cordoned\n"],
      ["uncordon -l kubernetes.io/os=linux", "node/controlplane already uncordoned\nnode/node01 uncordoned\nnode/node02 uncordoned\n"],
    ];
    for (const [line, stdout] of steps) expect(await kubectlLine(ws, line)).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("sets spec.unschedulable, and removes it again", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "cordon node01");
    expect(await unschedulable(ws, "node01")).toBe("true");
    expect((await kubectlLine(ws, "get nodes")).stdout).toBe(
      "NAME           STATUS                     ROLES           AGE   VERSION\ncontrolplane   Ready                      control-plane   7d    v1.35.0\nnode01         Ready,SchedulingDisabled   <none>          7d    v1.35.0\nnode02         Ready                      <none>          7d    v1.35.0\n",
    );
    await kubectlLine(ws, "uncordon node01");
    expect((await kubectlLine(ws, "get node node01 -o jsonpath={.spec}")).stdout).toBe('{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"]}');
  });

  it.each([
    ["client", "node/node01 cordoned (dry run)\n"],
    ["server", "node/node01 cordoned (server dry run)\n"],
  ])("changes nothing with --dry-run=%s", async (mode, stdout) => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, `cordon node01 --dry-run=${mode}`)).toEqual({ stdout, stderr: "", status: 0 });
    expect(await unschedulable(ws, "node01")).toBe("");
  });

  it.each([
    ["cordon", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"],
    ["uncordon", "error: USAGE: uncordon NODE [flags]\nSee 'kubectl uncordon -h' for help and examples\n"],
    ["cordon node01 -l a=b", "error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n"],
    ["cordon nosuch", 'Error from server (NotFound): nodes "nosuch" not found\n'],
    ["cordon pod/web", 'error: expected resource of type node, got "/v1, Resource=pods"\n'],
    ["cordon node01 --dry-run=maybe", 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
  ])("refuses `kubectl %s`", async (line, stderr) => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
