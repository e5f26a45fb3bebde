import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const taints = (ws: Workspace, node: string) => kubectlLine(ws, `get node ${node} -o jsonpath={.spec.taints}`).then((r) => r.stdout);

describe("kubectl taint", () => {
  // taint/utils.go reorganizeTaints: tainted, untainted, modified (added and removed, or --overwrite).
  it("reports what happened to the taints, one command after the other", async () => {
    const ws = testWorkspace();
    const steps: [string, string, string, number][] = [
      ["taint node node01 app=blue:NoSchedule", "node/node01 tainted\n", "", 0],
      ["taint node node01 app=green:NoSchedule", "", "error: node node01 already has app taint(s) with same effect(s) and --overwrite is false\n", 1],
      ["taint node node01 app=green:NoSchedule --overwrite", "node/node01 modified\n", "", 0],
      ["taint nodes node01 app:NoExecute", "node/node01 tainted\n", "", 0],
      ["taint node node01 app:NoSchedule-", "node/node01 untainted\n", "", 0],
      ["taint node node01 app:NoSchedule-", "", 'error: taint "app:NoSchedule" not found\n', 1],
      ["taint node node01 gpu=yes:PreferNoSchedule app-", "node/node01 modified\n", "", 0],
      ["taint node node01 gpu-", "node/node01 untainted\n", "", 0],
    ];
    for (const [line, stdout, stderr, status] of steps) expect(await kubectlLine(ws, line)).toEqual({ stdout, stderr, status });
    expect(await taints(ws, "node01")).toBe("");
  });

  it("puts new taints before the node's others, and removes by key every effect", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "taint node controlplane a=1:NoSchedule b:NoExecute");
    expect(await taints(ws, "controlplane")).toBe('[{"effect":"NoSchedule","key":"a","value":"1"},{"effect":"NoExecute","key":"b"},{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]');
    await kubectlLine(ws, "taint node controlplane a:NoExecute");
    expect(await kubectlLine(ws, "taint node controlplane a-")).toEqual({ stdout: "node/controlplane untainted\n", stderr: "", status: 0 });
    expect(await taints(ws, "controlplane")).toBe('[{"effect":"NoExecute","key":"b"},{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]');
  });

  it("works on all nodes, or those a selector picks", async () => {
    const ws = testWorkspace();
    expect((await kubectlLine(ws, "taint nodes --all x=y:PreferNoSchedule")).stdout).toBe("node/controlplane tainted\nnode/node01 tainted\nnode/node02 tainted\n");
    await kubectlLine(ws, "label node node02 pool=gpu");
    expect((await kubectlLine(ws, "taint nodes -l pool=gpu x:PreferNoSchedule-")).stdout).toBe("node/node02 untainted\n");
  });

  it("prints the node as -o asks", async () => {
    const ws = testWorkspace();
    expect((await kubectlLine(ws, "taint node node01 a=b:NoSchedule -o name")).stdout).toBe("node/node01\n");
    expect((await kubectlLine(ws, "taint node node01 c=d:NoSchedule -o jsonpath={.spec.taints[0].key}")).stdout).toBe("c");
  });

  it.each([
    ["client", "node/node01 tainted (dry run)\n"],
    ["server", "node/node01 tainted (server dry run)\n"],
  ])("changes nothing with --dry-run=%s", async (mode, stdout) => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, `taint node node01 a=b:NoSchedule --dry-run=${mode}`)).toEqual({ stdout, stderr: "", status: 0 });
    expect(await taints(ws, "node01")).toBe("");
  });

  it("reports each taint it could not remove", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "taint node node01 a:NoSchedule- b-")).toEqual({ stdout: "", stderr: 'taint "a:NoSchedule" not found\ntaint "b" not found\n', status: 1 });
  });

  const see = "\nSee 'kubectl taint -h' for help and examples\n";
  it.each([
    ["node node01 app=blue:NoRun", `error: invalid taint effect: NoRun, unsupported taint effect${see}`],
    [
      "node node01 app=blue",
      `error: invalid taint spec: app=blue, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')${see}`,
    ],
    ["node node01 app:", `error: invalid taint effect: , unsupported taint effect${see}`],
    ["node node01 a=b=c:NoSchedule", `error: invalid taint spec: a=b=c:NoSchedule${see}`],
    ["node node01 a:b:NoSchedule", `error: invalid taint spec: a:b:NoSchedule${see}`],
    ["node node01 a=1:NoSchedule a=2:NoSchedule", `error: duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}${see}`],
    [
      "node node01 a_=b:NoSchedule",
      `error: invalid taint spec: a_=b:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')${see}`,
    ],
    ["node node01 app=blue:NoSchedule app:NoSchedule-", 'error: can not both modify and remove the following taint(s) in the same command: {"app":"NoSchedule"}\n'],
    ["pods web app=blue:NoSchedule", 'error: invalid resource type pods, only ["node" "nodes"] are supported\n'],
    ["node node01", "error: at least one taint update is required\n"],
    ["app=blue:NoSchedule", "error: one or more resources must be specified as <resource> <name>\n"],
    ["node app=blue:NoSchedule", "error: at least one resource name must be specified since 'all' parameter is not set\n"],
    ["node node01 app=blue:NoSchedule node02", "error: all resources must be specified before taint changes: node02\n"],
    ["node --all -l a=b x=y:NoSchedule", "error: setting 'all' parameter with a non empty selector is prohibited\n"],
    ["node nosuch app=blue:NoSchedule", 'Error from server (NotFound): nodes "nosuch" not found\n'],
  ])("refuses `kubectl taint %s`", async (args, stderr) => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, `taint ${args}`)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
