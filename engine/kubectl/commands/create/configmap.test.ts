import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";
import { workspaceWithFiles } from "../../../testing";

// The objects are those of create_configmap.go printed as kubectl ≥1.34 prints them (the
// familiar dry-run output without `creationTimestamp: null`); error texts are the Go ones.
const files = () =>
  workspaceWithFiles({
    "/root/conf/app.properties": "color=blue\nsize=2\n",
    "/root/conf/ui.txt": "dark\n",
    "/root/app.env": "# settings\nMODE=prod\n  LEVEL=debug=2\n\nEMPTY=\n",
    "/root/bad.env": "1X=1\n",
  });

describe("kubectl create configmap", () => {
  it.each<[string[], string]>([
    [["--from-literal=key1=config1", "--from-literal=key2=config2"], "data:\n  key1: config1\n  key2: config2\n"],
    [["--from-file=/root/conf/ui.txt"], "data:\n  ui.txt: |\n    dark\n"],
    [["--from-file=theme=conf/ui.txt"], "data:\n  theme: |\n    dark\n"],
    [["--from-file=conf"], "data:\n  app.properties: |\n    color=blue\n    size=2\n  ui.txt: |\n    dark\n"],
    [["--from-env-file=app.env"], 'data:\n  EMPTY: ""\n  LEVEL: debug=2\n  MODE: prod\n'],
  ])("%j", async (flags, data) => {
    const r = await kubectlArgs(files(), ["create", "configmap", "my-config", ...flags, "--dry-run=client", "-o", "yaml"]);
    expect(r).toEqual({ stdout: `apiVersion: v1\n${data}kind: ConfigMap\nmetadata:\n  name: my-config\n`, stderr: "", status: 0 });
  });

  it("creates configmap/NAME; a map without keys is left out", async () => {
    const ws = testWorkspace();
    expect((await kubectlArgs(ws, ["create", "cm", "empty", "--dry-run=client", "-o", "yaml"])).stdout).toBe("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n");
    expect(await kubectlArgs(ws, ["create", "cm", "c", "--from-literal=a=1"])).toEqual({ stdout: "configmap/c created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["create", "cm", "c", "--from-literal=a=1"])).stderr).toBe('error: failed to create configmap: configmaps "c" already exists\n');
  });

  it.each<[string[], string]>([
    [["--from-literal=abc"], "error: invalid literal source abc, expected key=value\n"],
    [["--from-literal==v"], "error: invalid literal source =v, expected key=value\n"],
    [
      ["--from-literal=a b=c"],
      `error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    ],
    [["--from-literal=a=1", "--from-literal=a=2"], 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n'],
    [["--from-file=nope.txt"], "error: error reading nope.txt: no such file or directory\n"],
    [["--from-file=k=conf"], "error: cannot give a key name for a directory path\n"],
    [["--from-file=a=b=c"], "error: key names or file paths cannot contain '='\n"],
    [["--from-file==conf/ui.txt"], "error: key name for file path conf/ui.txt missing\n"],
    [["--from-env-file=conf"], "error: env config file cannot be a directory\n"],
    [["--from-env-file=app.env", "--from-literal=a=b"], "error: from-env-file cannot be combined with from-file or from-literal\n"],
    [
      ["--from-env-file=bad.env"],
      `error: "1X" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
    ],
  ])("refuses %j", async (flags, stderr) => {
    expect(await kubectlArgs(files(), ["create", "configmap", "c", ...flags])).toEqual({ stdout: "", stderr, status: 1 });
  });
});
