import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../testing";
import { workspaceWithFiles } from "../../testing";

const pod = (name: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: nginx
${extra}`;

const CREATE_HELP_HEAD = "Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.\n";

describe("kubectl create -f", () => {
  it("creates every object of a multi-document stream and names each", async () => {
    const ws = testWorkspace();
    const r = await kubectlArgs(ws, ["create", "-f", "-"], `${pod("a")}---\n${pod("b")}`);
    expect(r).toEqual({ stdout: "pod/a created\npod/b created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "pods", "-o", "name"])).stdout).toBe("pod/a\npod/b\n");
  });

  it("reports a failed object and goes on with the rest (fidelity 2.2 texts)", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "-f", "-"], pod("a"));
    const stream = `${pod("a")}---\n${pod("b")}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containrs: []\n`;
    const r = await kubectlArgs(ws, ["create", "-f", "-"], stream);
    expect(r.stdout).toBe("pod/b created\n");
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": pods "a" already exists\n' +
        'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containrs"\n',
    );
    expect(r.status).toBe(1);
  });

  it.each<[string, string, string]>([
    ["an existing object", pod("a"), 'Error from server (AlreadyExists): error when creating "STDIN": pods "a" already exists\n'],
    [
      "an invalid object, printed without the file name",
      pod("My_Pod"),
      `The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    ],
  ])("prints a single failure as checkErr does: %s", async (_, manifest, stderr) => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "-f", "-"], pod("a"));
    expect(await kubectlArgs(ws, ["create", "-f", "-"], manifest)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("defaults the namespace into a client dry run and creates nothing", async () => {
    const ws = testWorkspace();
    const r = await kubectlArgs(ws, ["create", "-f", "-", "--dry-run=client", "-o", "yaml"], pod("a"));
    expect(r.stdout).toBe(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: default\nspec:\n  containers:\n  - image: nginx\n    name: c\n",
    );
    expect((await kubectlArgs(ws, ["get", "pods"])).stderr).toBe("No resources found in default namespace.\n");
  });

  it.each<[string[], string]>([
    [["--dry-run=client"], "pod/a created (dry run)\n"],
    [["--dry-run=server"], "pod/a created (server dry run)\n"],
    [["-o", "name"], "pod/a\n"],
  ])("%j prints %j", async (flags, stdout) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "-f", "-", ...flags], pod("a"))).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("records the last-applied configuration with --save-config, as apply would (fidelity 1.2)", async () => {
    const ws = testWorkspace();
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: snowdeer-app
  labels:
    app: snowdeer-app
spec:
  containers:
  - name: hello-server
    image: blux2/hello-server:1.0
    ports:
    - containerPort: 8080
`;
    expect((await kubectlArgs(ws, ["create", "-f", "-", "--save-config"], manifest)).stdout).toBe("pod/snowdeer-app created\n");
    const stored = ws.cluster("kubernetes")?.api.store.get("pods", "default", "snowdeer-app");
    expect(stored?.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"snowdeer-app"},"name":"snowdeer-app","namespace":"default"},"spec":{"containers":[{"image":"blux2/hello-server:1.0","name":"hello-server","ports":[{"containerPort":8080}]}]}}\n',
    );
  });

  it("reads a directory's manifests, and its subdirectories with -R", async () => {
    const files = { "/root/app/a.yaml": pod("a"), "/root/app/notes.txt": "not a manifest", "/root/app/more/b.yaml": pod("b") };
    expect((await kubectlArgs(workspaceWithFiles(files), ["create", "-f", "app"])).stdout).toBe("pod/a created\n");
    expect((await kubectlArgs(workspaceWithFiles(files), ["create", "-f", "app", "-R"])).stdout).toBe("pod/a created\npod/b created\n");
    expect(await kubectlArgs(workspaceWithFiles(files), ["create", "-f", "nope.yaml"])).toEqual({ stdout: "", stderr: 'error: the path "nope.yaml" does not exist\n', status: 1 });
  });

  it("filters the objects of the files with -l", async () => {
    const ws = testWorkspace();
    const labelled = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
    expect((await kubectlArgs(ws, ["create", "-f", "-", "-l", "app=web"], `${pod("a")}---\n${labelled}`)).stdout).toBe("pod/b created\n");
  });

  it.each<[string, string[], string, string]>([
    ["nothing in the stream", [], "", "error: no objects passed to create\n"],
    [
      "an object of another namespace than -n",
      ["-n", "kube-system"],
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n",
      `error: the namespace from the provided object "default" does not match the namespace "kube-system". You must pass '--namespace=default' to perform this operation.\n`,
    ],
    ["a bad --validate", ["--validate=maybe"], pod("a"), 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n'],
    ["a bad --dry-run", ["--dry-run=yes"], pod("a"), 'error: Invalid dry-run value (yes). Must be "none", "server", or "client".\n'],
    [
      "a table format",
      ["-o", "wide"],
      pod("a"),
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml\n',
    ],
    ["extra arguments", ["extra"], pod("a"), "error: Unexpected args: [extra]\nSee 'kubectl create -h' for help and examples\n"],
  ])("refuses %s", async (_, flags, stdin, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "-f", "-", ...flags], stdin)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl create without -f", () => {
  it("prints the error then its help to stderr (create.go Run + DefaultSubCommandRun)", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create"]);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(CREATE_HELP_HEAD)).toBe(true);
    expect(r.stderr).toContain("Available Commands:\n  configmap ");
    expect(r.stderr.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(r.status).toBe(1);
  });

  it("treats an argument as an unknown subcommand (real transcript of `kubectl create redis.yaml`)", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "redis.yaml"])).toEqual({
      stdout: "",
      stderr: "Error: must specify one of -f and -k\n\nerror: unknown command \"redis.yaml\"\nSee 'kubectl create -h' for help and examples\n",
      status: 1,
    });
  });

  it("names a real subcommand the simulator lacks instead of calling it unknown", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "role", "x"])).toEqual({
      stdout: "",
      stderr: 'error: "kubectl create role" is not available in this simulated cluster yet\n',
      status: 1,
    });
  });
});

describe("kubectl create dry-run manifests (fidelity 5.2)", () => {
  const golden = (name: string) => readFileSync(join(__dirname, "testdata", "create", name), "utf8");

  it.each<[string[], string]>([
    [["deployment", "nginx", "--image=nginx"], "deployment-nginx.yaml"],
    // 5.2 with --replicas=3 and the name web substituted (create_deployment.go: app=<name>)
    [["deployment", "web", "--image=nginx", "--replicas=3"], "deployment-web-replicas-3.yaml"],
    [["job", "pi", "--image=busybox"], "job-pi.yaml"],
    [["cronjob", "cj", "--image=busybox", "--schedule=*/1 * * * *"], "cronjob-cj.yaml"],
  ])("kubectl create %j --dry-run=client -o yaml", async (args, file) => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["create", ...args, "--dry-run=client", "-o", "yaml"])).toEqual({ stdout: golden(file), stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "deploy,jobs,cronjobs"])).stderr).toBe("No resources found in default namespace.\n");
  });
});
