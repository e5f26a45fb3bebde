import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

async function twoPods(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["run", "a", "--image=nginx"]);
  await kubectlArgs(ws, ["run", "b", "--image=nginx"]);
  return ws;
}

const labels = (ws: Workspace, pod: string) => kubectlArgs(ws, ["get", "pod", pod, "-o", "jsonpath={.metadata.labels}"]).then((r) => r.stdout);

describe("kubectl label", () => {
  // label.go messages: labeled, unlabeled, modified (1.35: added and removed together), not labeled.
  it("reports what happened to each object's labels, one command after the other", async () => {
    const ws = await twoPods();
    const steps: [string[], string, string, number][] = [
      [["pod", "a", "app=web"], "pod/a labeled\n", "", 0],
      [["pod", "a", "app=db"], "", "error: 'app' already has a value (web), and --overwrite is false\n", 1],
      [["pod", "a", "app=db", "--overwrite"], "pod/a labeled\n", "", 0],
      [["pod", "a", "app=db", "--overwrite"], "pod/a not labeled\n", "", 0],
      [["pod", "a", "app-"], "pod/a unlabeled\n", "", 0],
      [["pod", "a", "app-"], 'label "app" not found.\npod/a not labeled\n', "", 0],
      [["pod", "a", "tier=fe", "run-"], "pod/a modified\n", "", 0],
      [["pods", "--all", "env=prod"], "pod/a labeled\npod/b labeled\n", "", 0],
      [["pod/a", "pod/b", "env-", "--dry-run=client"], "pod/a unlabeled (dry run)\npod/b unlabeled (dry run)\n", "", 0],
      [["pods", "-l", "run=b", "zone=z1", "-o", "name"], "pod/b\n", "", 0],
      [["pods", "--field-selector", "metadata.name=b", "env=dev", "--overwrite"], "pod/b labeled\n", "", 0],
      [["pods", "--field-selector", "metadata.name=b", "env=prod", "--overwrite"], "pod/b labeled\n", "", 0],
    ];
    for (const [args, stdout, stderr, status] of steps) expect(await kubectlArgs(ws, ["label", ...args])).toEqual({ stdout, stderr, status });
    expect(await labels(ws, "a")).toBe('{"env":"prod","tier":"fe"}');
    expect(await labels(ws, "b")).toBe('{"env":"prod","run":"b","zone":"z1"}');
  });

  it("lists labels with --list, with a heading per object when several are named", async () => {
    const ws = await twoPods();
    expect((await kubectlArgs(ws, ["label", "pod", "a", "--list"])).stdout).toBe("run=a\n");
    expect((await kubectlArgs(ws, ["label", "pods", "--all", "--list"])).stdout).toBe("Listing labels for Pod./a:\n run=a\nListing labels for Pod./b:\n run=b\n");
  });

  it("refuses a stale --resource-version with the server's Conflict", async () => {
    const ws = await twoPods();
    expect(await kubectlArgs(ws, ["label", "pod", "a", "x=y", "--resource-version=1"])).toEqual({
      stdout: "",
      stderr: 'Error from server (Conflict): Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again\n',
      status: 1,
    });
  });

  it("reports every object it could not label, one line each", async () => {
    const ws = await twoPods();
    await kubectlArgs(ws, ["label", "pods", "--all", "app=x"]);
    expect(await kubectlArgs(ws, ["label", "pods", "a", "b", "app=y"])).toEqual({
      stdout: "",
      stderr: "'app' already has a value (x), and --overwrite is false\n'app' already has a value (x), and --overwrite is false\n",
      status: 1,
    });
  });

  it.each<[string, string[], string]>([
    ["no change", ["pod", "a"], "error: at least one label update is required\n"],
    ["labels but no resource (the first pair is taken as one)", ["app=x"], "error: at least one label update is required\n"],
    ["a type without a name", ["pods", "app=x"], "error: resource(s) were provided, but no name was specified\n"],
    ["--all with a selector", ["pods", "--all", "-l", "a=b", "x=y"], "error: cannot set --all and --selector at the same time\n"],
    ["a resource after a label", ["pod", "a", "x=y", "b"], "error: all resources must be specified before label changes: b\n"],
    ["a bad value", ["pod", "a", "x=a b"], "error: invalid label value: \"x=a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n"],
    ["two '=' in one spec", ["pod", "a", "x=y=z"], "error: invalid label spec: x=y=z\n"],
    ["modify and remove together", ["pod", "a", "x=y", "x-"], "error: can not both modify and remove a label in the same command\n"],
    ["--list with -o", ["pod", "a", "--list", "-o", "yaml"], "error: --list and --output may not be specified together\n"],
    ["--resource-version for several", ["pods", "--all", "x=y", "--resource-version=3"], "error: --resource-version may only be used with a single resource\n"],
    ["a missing object", ["pod", "nosuch", "x=y"], 'Error from server (NotFound): pods "nosuch" not found\n'],
    ["a key the API server refuses", ["pod", "a", "x y=z"], "The Pod \"a\" is invalid: metadata.labels: Invalid value: \"x y\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    const ws = await twoPods();
    expect(await kubectlArgs(ws, ["label", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  // label.go asks for a new printer per object (RunLabel's ToPrinter(dataChangeMsg)), so no YAML document follows another with ---.
  it("prints each object with its own printer, without --- between them", async () => {
    const r = await kubectlArgs(await twoPods(), ["label", "pods", "--all", "x=y", "-o", "yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("---");
    expect(r.stdout.split("apiVersion: v1\nkind: Pod\n")).toHaveLength(3);
  });
});
