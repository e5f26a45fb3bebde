import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";
import { workspaceWithFiles } from "../../../testing";

// Objects as create_secret.go and create_secret_docker.go build them; values are base64.
describe("kubectl create secret generic", () => {
  it("encodes literals and files", async () => {
    const ws = workspaceWithFiles({ "/root/id_rsa": "KEY\n" });
    const r = await kubectlArgs(ws, ["create", "secret", "generic", "my-secret", "--from-literal=password=s3cr3t", "--from-file=ssh-privatekey=id_rsa", "--dry-run=client", "-o", "yaml"]);
    expect(r).toEqual({
      stdout: "apiVersion: v1\ndata:\n  password: czNjcjN0\n  ssh-privatekey: S0VZCg==\nkind: Secret\nmetadata:\n  name: my-secret\n",
      stderr: "",
      status: 0,
    });
  });

  it("sends --type as given and lets the server default it to Opaque", async () => {
    const ws = testWorkspace();
    expect((await kubectlArgs(ws, ["create", "secret", "generic", "t", "--type=example.com/token", "--dry-run=client", "-o", "yaml"])).stdout).toBe(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ntype: example.com/token\n",
    );
    expect(await kubectlArgs(ws, ["create", "secret", "generic", "s", "--from-literal=a=b"])).toEqual({ stdout: "secret/s created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "secret", "s", "-o", "jsonpath={.type}"])).stdout).toBe("Opaque");
    expect((await kubectlArgs(ws, ["create", "secret", "generic", "s", "--from-literal=a=b"])).stderr).toBe('error: failed to create secret: secrets "s" already exists\n');
  });

  it.each<[string[], string]>([
    [["--from-literal=a=1", "--from-literal=a=2"], "error: cannot add key a, another key by that name already exists\n"],
    [["--from-literal=a b=1"], `error: "a b" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`],
    [["--from-env-file=/root"], "error: env secret file cannot be a directory\n"],
  ])("refuses %j", async (flags, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "secret", "generic", "s", ...flags])).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl create secret docker-registry", () => {
  it("writes a .dockerconfigjson with the credentials and their auth", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "secret", "docker-registry", "reg", "--docker-username=u", "--docker-password=p", "--docker-email=e@x.io", "--dry-run=client", "-o", "jsonpath={.data.\\.dockerconfigjson}"]);
    expect(atob(r.stdout)).toBe('{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","email":"e@x.io","auth":"dTpw"}}}');
    const typed = await kubectlArgs(testWorkspace(), ["create", "secret", "docker-registry", "reg", "--docker-username=u", "--docker-password=p", "--dry-run=client", "-o", "jsonpath={.type}"]);
    expect(typed.stdout).toBe("kubernetes.io/dockerconfigjson");
  });

  it("needs credentials or a file", async () => {
    expect((await kubectlArgs(testWorkspace(), ["create", "secret", "docker-registry", "reg", "--docker-username=u"])).stderr).toBe(
      "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n",
    );
  });
});

describe("kubectl create secret", () => {
  it("without a subcommand prints its help to stderr and fails (DefaultSubCommandRun)", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "secret"]);
    expect(r.stderr.startsWith("Create a secret with specified type.\n")).toBe(true);
    expect(r.stderr).toContain("Usage:\n  kubectl create secret (docker-registry | generic | tls) [options]\n");
    expect(r.status).toBe(1);
  });

  it("calls an unknown word an unknown command", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "secret", "opaque", "x"])).toEqual({
      stdout: "",
      stderr: "error: unknown command \"opaque x\"\nSee 'kubectl create secret -h' for help and examples\n",
      status: 1,
    });
  });
});
