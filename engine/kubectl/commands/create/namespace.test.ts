import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";

describe("kubectl create namespace", () => {
  it("prints the generated object (create_namespace.go: an empty spec and status)", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "ns", "dev", "--dry-run=client", "-o", "yaml"])).toEqual({
      stdout: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nspec: {}\nstatus: {}\n",
      stderr: "",
      status: 0,
    });
  });

  it("creates it, and passes the server's errors on unwrapped", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["create", "namespace", "dev"])).toEqual({ stdout: "namespace/dev created\n", stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["create", "namespace", "dev"])).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): namespaces "dev" already exists\n', status: 1 });
    expect((await kubectlArgs(ws, ["create", "namespace", "Dev"])).stderr).toMatch(/^The Namespace "Dev" is invalid: metadata\.name: Invalid value: "Dev": a lowercase RFC 1123 label must consist of/);
  });
});
