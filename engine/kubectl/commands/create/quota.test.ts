import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";

// Expected objects and errors follow create_quota.go (createQuota, populateResourceListV1, parseScopes).
describe("kubectl create quota", () => {
  it("builds hard limits from --hard, canonical as kubectl marshals them, and scopes as given", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "quota", "my-quota", "--hard=cpu=0.5,memory=1024Mi,pods=2", "--scopes=NotBestEffort", "--dry-run=client", "-o", "yaml"]);
    expect(r).toEqual({
      stdout: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: my-quota\nspec:\n  hard:\n    cpu: 500m\n    memory: 1Gi\n    pods: "2"\n  scopes:\n  - NotBestEffort\nstatus: {}\n',
      stderr: "",
      status: 0,
    });
  });

  it("creates resourcequota/NAME, also as `create resourcequota`", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["create", "quota", "q", "--hard=pods=2"])).toEqual({ stdout: "resourcequota/q created\n", stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["create", "resourcequota", "empty"])).toEqual({ stdout: "resourcequota/empty created\n", stderr: "", status: 0 });
  });

  it.each<[string, string[], string]>([
    ["a pair without =", ["q", "--hard=pods"], "error: Invalid argument syntax pods, expected <resource>=<value>\n"],
    ["a bad quantity", ["q", "--hard=memory=1GB"], "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
    ["an unknown suffix", ["q", "--hard=memory=1mi"], "error: unable to parse quantity's suffix\n"],
    ["an empty scope", ["q", "--hard=pods=1", "--scopes=BestEffort,"], 'error: invalid resource quota scope ""\n'],
    ["no name", ["--hard=pods=1"], "error: exactly one NAME is required, got 0\nSee 'kubectl create quota -h' for help and examples\n"],
    [
      "a scope the server does not know",
      ["q", "--hard=pods=1", "--scopes=BestEfort"],
      'error: failed to create quota: ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEfort"}: unsupported scope\n',
    ],
  ])("refuses %s", async (_name, args, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "quota", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("wraps the server's errors", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "quota", "q"]);
    expect(await kubectlArgs(ws, ["create", "quota", "q"])).toEqual({ stdout: "", stderr: 'error: failed to create quota: resourcequotas "q" already exists\n', status: 1 });
  });
});
