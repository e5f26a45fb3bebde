import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

async function pod(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  return ws;
}

describe("kubectl annotate", () => {
  it("sets, refuses to overwrite, overwrites and removes (annotate.go)", async () => {
    const ws = await pod();
    const steps: [string[], string, string, number][] = [
      [["pod", "nginx", "description=my frontend"], "pod/nginx annotated\n", "", 0],
      [["pod", "nginx", "description=x"], "", "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n", 1],
      [["pod", "nginx", "description=my frontend running nginx", "--overwrite"], "pod/nginx annotated\n", "", 0],
      [["pod", "nginx", "kubernetes.io/change-cause=rollout"], "pod/nginx annotated\n", "", 0],
      [["pod", "nginx", "kubernetes.io/change-cause=again"], "pod/nginx annotated\n", "", 0],
      [["pod", "nginx", "description-"], "pod/nginx annotated\n", "", 0],
      [["pod", "nginx", "--list"], "kubernetes.io/change-cause=again\n", "", 0],
      [["pod", "nginx", "a=b", "--dry-run=client"], "pod/nginx annotated (dry run)\n", "", 0],
    ];
    for (const [args, stdout, stderr, status] of steps) expect(await kubectlArgs(ws, ["annotate", ...args])).toEqual({ stdout, stderr, status });
    expect((await kubectlArgs(ws, ["get", "pod", "nginx", "-o", "jsonpath={.metadata.annotations}"])).stdout).toBe('{"kubernetes.io/change-cause":"again"}');
  });

  it.each<[string, string[], string]>([
    ["no change", ["pod", "nginx"], "error: at least one annotation update is required\n"],
    ["a value without a key", ["pod", "nginx", "=x"], "error: at least one annotation update is required\n"],
    ["modify and remove together", ["pod", "nginx", "a=1", "a-"], "error: can not both modify and remove the following annotation(s) in the same command: a\n"],
    ["--all with a selector", ["pods", "--all", "-l", "a=b", "x=y"], "error: cannot set --all and --selector at the same time\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    expect(await kubectlArgs(await pod(), ["annotate", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  // annotate.go builds its printer once (Complete), and YAMLPrinter writes `---` before every document but the first.
  it("prints several objects with one printer, separated by ---", async () => {
    const ws = await pod();
    await kubectlArgs(ws, ["run", "other", "--image=nginx"]);
    const r = await kubectlArgs(ws, ["annotate", "pods", "--all", "a=b", "-o", "yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("apiVersion: v1\nkind: Pod\n")).toBe(true);
    expect(r.stdout.split("\n---\napiVersion: v1\nkind: Pod\n")).toHaveLength(2);
  });
});
