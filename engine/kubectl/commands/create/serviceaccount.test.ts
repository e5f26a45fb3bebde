import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";

describe("kubectl create serviceaccount", () => {
  it.each<[string[], string]>([
    [[], "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n"],
    [["-n", "kube-system"], "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n  namespace: kube-system\n"],
  ])("dry run with %j", async (flags, stdout) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "sa", "robot", ...flags, "--dry-run=client", "-o", "yaml"])).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("creates it in the namespace asked for", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["create", "serviceaccount", "robot", "-n", "kube-system"])).toEqual({ stdout: "serviceaccount/robot created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "sa", "robot", "-n", "kube-system", "-o", "name"])).stdout).toBe("serviceaccount/robot\n");
    expect((await kubectlArgs(ws, ["create", "sa", "robot", "-n", "nope"])).stderr).toBe('Error from server (NotFound): namespaces "nope" not found\n');
  });
});
