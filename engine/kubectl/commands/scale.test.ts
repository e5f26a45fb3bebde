import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

async function deployment(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx", "--replicas=2"]);
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  return ws;
}

const replicas = (ws: Workspace) => kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"]).then((r) => r.stdout);

describe("kubectl scale", () => {
  it.each<[string, string[], string, string]>([
    ["TYPE/NAME", ["--replicas=5", "deployment/web"], "deployment.apps/web scaled\n", "5"],
    ["TYPE NAME with a matching --current-replicas", ["--replicas=3", "deploy", "web", "--current-replicas=2"], "deployment.apps/web scaled\n", "3"],
    ["to zero", ["--replicas=0", "deploy/web"], "deployment.apps/web scaled\n", "0"],
    ["-l", ["--replicas=4", "deploy", "-l", "app=web"], "deployment.apps/web scaled\n", "4"],
    ["--all", ["--replicas=4", "deploy", "--all"], "deployment.apps/web scaled\n", "4"],
    ["-o name", ["--replicas=4", "deploy/web", "-o", "name"], "deployment.apps/web\n", "4"],
    ["a client dry run", ["--replicas=9", "deploy/web", "--dry-run=client"], "deployment.apps/web scaled (dry run)\n", "2"],
    ["a server dry run", ["--replicas=9", "deploy/web", "--dry-run=server"], "deployment.apps/web scaled (server dry run)\n", "2"],
  ])("scales by %s", async (_name, args, stdout, after) => {
    const ws = await deployment();
    expect(await kubectlArgs(ws, ["scale", ...args])).toEqual({ stdout, stderr: "", status: 0 });
    expect(await replicas(ws)).toBe(after);
  });

  it.each<[string, string[], string]>([
    ["no --replicas (cobra MarkFlagRequired)", ["deploy/web"], 'error: required flag(s) "replicas" not set\n'],
    ["a negative count", ["--replicas=-1", "deploy/web"], "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"],
    ["a wrong --current-replicas (pkg/scale PreconditionError)", ["--replicas=3", "deploy/web", "--current-replicas=7"], "error: Expected replicas to be 7, was 2\n"],
    ["a wrong --resource-version", ["--replicas=3", "deploy/web", "--resource-version=1"], "error: Expected resource version to be 1, was "],
    ["a kind without a scale subresource", ["--replicas=3", "pod/nginx"], "Error from server (NotFound): the server could not find the requested resource\n"],
    ["a missing object", ["--replicas=3", "deploy/nope"], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ["nothing named", ["--replicas=3"], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    const ws = await deployment();
    const r = await kubectlArgs(ws, ["scale", ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(stderr)).toBe(true);
    expect(await replicas(ws)).toBe("2");
  });
});
