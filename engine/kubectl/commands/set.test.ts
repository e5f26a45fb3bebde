import { describe, expect, it } from "vitest";
import { expectGolden, kubectlArgs, shell, testWorkspace, workspaceWithFiles } from "../../testing";
import type { Workspace } from "../../workspace";

async function world(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx"]);
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  await kubectlArgs(ws, ["create", "configmap", "cfg", "--from-literal=log-level=debug", "--from-literal=mode=x"]);
  await kubectlArgs(ws, ["expose", "deployment", "web", "--port=80"]);
  return ws;
}

const get = (ws: Workspace, what: string, path: string) => kubectlArgs(ws, ["get", ...what.split(" "), "-o", `jsonpath=${path}`]).then((r) => r.stdout);

describe("kubectl set image", () => {
  it.each<[string, string[], string, string, string]>([
    ["a deployment's container", ["deployment/web", "nginx=nginx:1.25"], "deployment.apps/web image updated\n", "deploy web", "nginx:1.25"],
    ["every container with *", ["deploy", "web", "*=nginx:1.26"], "deployment.apps/web image updated\n", "deploy web", "nginx:1.26"],
    ["a pod", ["pod/nginx", "nginx=nginx:1.25"], "pod/nginx image updated\n", "pod nginx", "nginx:1.25"],
    ["nothing when the image is already right", ["deploy/web", "nginx=nginx"], "", "deploy web", "nginx"],
    ["a client dry run", ["deploy/web", "nginx=redis", "--dry-run=client"], "deployment.apps/web image updated (dry run)\n", "deploy web", "nginx"],
  ])("sets the image of %s", async (_name, args, stdout, what, image) => {
    const ws = await world();
    expect(await kubectlArgs(ws, ["set", "image", ...args])).toEqual({ stdout, stderr: "", status: 0 });
    const path = what.startsWith("pod") ? "{.spec.containers[0].image}" : "{.spec.template.spec.containers[0].image}";
    expect(await get(ws, what, path)).toBe(image);
  });

  it.each<[string, string[], string]>([
    ["an unknown container", ["deploy/web", "foo=nginx:1.25"], 'error: unable to find container named "foo"\n'],
    ["no image", ["deploy/web"], "error: at least one image update is required\n"],
    ["* with other pairs", ["deploy/web", "*=a", "nginx=b"], "error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n"],
    ["a kind without a pod template", ["node/node01", "a=b"], "error: nodes/node01 the object is not a pod or does not have a pod template: *v1.Node\n"],
    ["a resource after the pairs", ["deploy/web", "nginx=a", "pod/nginx"], "error: all resources must be specified before image changes: pod/nginx\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    expect(await kubectlArgs(await world(), ["set", "image", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl set env", () => {
  it("adds, lists, imports and removes variables", async () => {
    const ws = await world();
    expect((await kubectlArgs(ws, ["set", "env", "deploy/web", "A=1", "B=2"])).stdout).toBe("deployment.apps/web env updated\n");
    expect((await kubectlArgs(ws, ["set", "env", "deploy/web", "--list"])).stdout).toBe("# Deployment web, container nginx\nA=1\nB=2\n");
    expect((await kubectlArgs(ws, ["set", "env", "deploy/web", "A-"])).stdout).toBe("deployment.apps/web env updated\n");
    expect((await kubectlArgs(ws, ["set", "env", "deploy/web", "--from=configmap/cfg", "--keys=mode", "--prefix=APP_"])).stdout).toBe("deployment.apps/web env updated\n");
    expect((await kubectlArgs(ws, ["set", "env", "deploy/web", "--list"])).stdout).toBe("# Deployment web, container nginx\nB=2\n# APP_MODE from configmap cfg, key mode\n");
  });

  it.each<[string, string[], string]>([
    ["a bad name", ["deploy/web", "1A=x"], "error: \"1A\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n"],
    ["set and remove together", ["deploy/web", "A=1", "A-"], "error: can not both modify and remove the same environment variable in the same command\n"],
    ["--keys without --from", ["deploy/web", "--keys=a"], "error: when specifying --keys, a configmap or secret must be provided with --from\n"],
    ["no resource", ["A=1"], "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    expect(await kubectlArgs(await world(), ["set", "env", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  // set_env.go checks for variables only once the server took the patch, so a removal given with -e alone is stored and still fails.
  it("fails after sending a removal given only with -e", async () => {
    const ws = await world();
    await kubectlArgs(ws, ["set", "env", "deploy/web", "A=1", "B=2"]);
    expect(await kubectlArgs(ws, ["set", "env", "deploy/web", "-e", "A-"])).toEqual({ stdout: "", stderr: "error: at least one environment variable must be provided\n", status: 1 });
    expect(await get(ws, "deploy web", "{.spec.template.spec.containers[0].env[*].name}")).toBe("B");
  });
});

describe("kubectl set resources", () => {
  it("sets limits and requests in their canonical form", async () => {
    const ws = await world();
    expect((await kubectlArgs(ws, ["set", "resources", "deploy/web", "-c", "nginx", "--limits=cpu=0.5,memory=1024Mi", "--requests=cpu=100m"])).stdout).toBe("deployment.apps/web resource requirements updated\n");
    expect(await get(ws, "deploy web", "{.spec.template.spec.containers[0].resources}")).toBe('{"limits":{"cpu":"500m","memory":"1Gi"},"requests":{"cpu":"100m"}}');
  });

  it.each<[string, string[], string]>([
    ["no limits or requests", ["deploy/web"], "error: you must specify an update to requests or limits (in the form of --requests/--limits)\n"],
    ["no matching container", ["deploy/web", "-c", "x*", "--limits=cpu=1"], "error: unable to find container named x*\n"],
    ["a bad statement", ["deploy/web", "--limits=cpu"], "error: Invalid argument syntax cpu, expected <resource>=<value>\n"],
    ["a bad quantity", ["deploy/web", "--limits=cpu=lots"], "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    expect(await kubectlArgs(await world(), ["set", "resources", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl set selector", () => {
  it.each<[string, string, string, string]>([
    ["replaces a Service's selector", "kubectl set selector svc web app=shop", "service/web selector updated\n", '{"app":"shop"}'],
    ["takes several labels, with ==", "kubectl set selector service/web 'app=shop,tier==fe'", "service/web selector updated\n", '{"app":"shop","tier":"fe"}'],
    ["still reports an unchanged selector as updated", "kubectl set selector svc/web app=web", "service/web selector updated\n", '{"app":"web"}'],
    ["removes the selector when given none", "kubectl set selector svc/web ''", "service/web selector updated\n", ""],
    ["only prints in a client dry run", "kubectl set selector svc/web app=shop --dry-run=client", "service/web selector updated (dry run)\n", '{"app":"web"}'],
    ["does not store in a server dry run", "kubectl set selector svc/web app=shop --dry-run=server -o name", "service/web\n", '{"app":"web"}'],
  ])("%s", async (_name, line, stdout, selector) => {
    const ws = await world();
    expect(await shell(ws, line)).toEqual({ stdout, stderr: "", status: 0 });
    expect(await get(ws, "svc web", "{.spec.selector}")).toBe(selector);
  });

  it("sends the given resource version, which the server checks", async () => {
    const ws = await world();
    const rv = await get(ws, "svc web", "{.metadata.resourceVersion}");
    expect(await kubectlArgs(ws, ["set", "selector", "svc/web", "app=a", `--resource-version=${rv}`])).toEqual({ stdout: "service/web selector updated\n", stderr: "", status: 0 });
    expect(await kubectlArgs(ws, ["set", "selector", "svc/web", "app=b", `--resource-version=${rv}`])).toEqual({
      stdout: "",
      stderr: 'Error from server (Conflict): Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again\n',
      status: 1,
    });
  });

  it("changes the Services it finds and reports the rest", async () => {
    const ws = await world();
    expect(await kubectlArgs(ws, ["set", "selector", "svc/web", "svc/nope", "deploy/web", "app=z"])).toEqual({
      stdout: "service/web selector updated\n",
      stderr: 'Error from server (NotFound): services "nope" not found\nsetting a selector is only supported for Services\n',
      status: 1,
    });
    expect(await get(ws, "svc web", "{.spec.selector}")).toBe('{"app":"z"}');
  });

  it("sets the selector of a file's Service with --local, without the server", async () => {
    const ws = workspaceWithFiles({ "/root/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: my-svc\nspec:\n  selector:\n    app: old\n    tier: fe\n  ports:\n  - port: 80\n" });
    const line = "kubectl set selector --local -f /root/svc.yaml 'environment=qa' -o jsonpath='{.metadata.name} {.spec.selector}'";
    expect(await shell(ws, line)).toEqual({ stdout: 'my-svc {"environment":"qa"}', stderr: "", status: 0 });
  });

  it.each<[string, string, string]>([
    ["no arguments", "kubectl set selector", "error: one selector is required\n"],
    ["no resource", "kubectl set selector app=shop", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ["a kind other than Service", "kubectl set selector deploy/web app=shop", "error: setting a selector is only supported for Services\n"],
    ["set-based requirements", "kubectl set selector svc/web 'app in (b,a),x'", "error: match expression [{app In [a b]} {x Exists []}] not supported on this object\n"],
    ["!=", "kubectl set selector svc/web 'app!=shop'", 'error: "!=" is not a valid label selector operator\n'],
    ["a bad label value", "kubectl set selector svc/web 'app=a/b'", `error: couldn't parse the selector string "app=a/b": unable to parse requirement: values[0][app]: Invalid value: "a/b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`],
    ["a bad label key", "kubectl set selector svc/web 'app-=a'", `error: couldn't parse the selector string "app-=a": unable to parse requirement: key: Invalid value: "app-": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`],
    ["a resource with --local", "kubectl set selector svc/web app=shop --local", "error: you must specify resources by --filename when --local is set.\n"],
    ["a missing Service", "kubectl set selector svc/nope app=shop", 'Error from server (NotFound): services "nope" not found\n'],
  ])("refuses %s", async (_name, line, stderr) => {
    const ws = await world();
    expect(await shell(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
    expect(await get(ws, "svc web", "{.spec.selector}")).toBe('{"app":"web"}');
  });

  it("prints kubectl's help", async () => {
    await expectGolden("set/selector-help.txt", (await kubectlArgs(testWorkspace(), ["set", "selector", "--help"])).stdout);
  });
});

describe("kubectl set serviceaccount", () => {
  it.each<[string, string, string, string]>([
    ["a deployment's pod template", "kubectl set serviceaccount deployment web sa1", "deployment.apps/web serviceaccount updated\n", "sa1"],
    ["with the sa alias and TYPE/NAME", "kubectl set sa deploy/web sa1", "deployment.apps/web serviceaccount updated\n", "sa1"],
    ["nothing, still reported as updated", "kubectl set sa deploy/web ''", "deployment.apps/web serviceaccount updated\n", ""],
    ["nothing in a client dry run", "kubectl set sa deploy/web sa1 --dry-run=client", "deployment.apps/web serviceaccount updated (dry run)\n", ""],
    ["nothing in a server dry run", "kubectl set sa deploy/web sa1 --dry-run=server", "deployment.apps/web serviceaccount updated (server dry run)\n", ""],
  ])("sets %s", async (_name, line, stdout, account) => {
    const ws = await world();
    expect(await shell(ws, line)).toEqual({ stdout, stderr: "", status: 0 });
    expect(await get(ws, "deploy web", "{.spec.template.spec.serviceAccountName}")).toBe(account);
  });

  it("rolls the deployment out with the new pod template", async () => {
    const ws = await world();
    await kubectlArgs(ws, ["create", "serviceaccount", "sa1"]);
    await kubectlArgs(ws, ["set", "sa", "deploy/web", "sa1"]);
    ws.advance(60_000);
    expect(await get(ws, "pods -l app=web", "{.items[*].spec.serviceAccountName}")).toBe("sa1");
  });

  it("prints a file's object with --local, ignoring resource arguments", async () => {
    const ws = workspaceWithFiles({ "/root/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\nspec:\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n" });
    const r = await shell(ws, "kubectl set sa -f /root/deploy.yaml serviceaccount1 --local -o jsonpath='{.spec.template.spec.serviceAccountName}'");
    expect(r).toEqual({ stdout: "serviceaccount1", stderr: "", status: 0 });
  });

  // the server's Forbidden error (with its diff of the pod specs) is wrapped, not printed as an API error
  it("is refused by a running pod", async () => {
    const ws = await world();
    const r = await kubectlArgs(ws, ["set", "sa", "pod/nginx", "sa1"]);
    expect([r.stdout, r.status]).toEqual(["", 1]);
    expect(r.stderr).toMatch(/^error: failed to patch ServiceAccountName Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
    expect(await get(ws, "pod nginx", "{.spec.serviceAccountName}")).toBe("default");
  });

  it.each<[string, string, string]>([
    ["no arguments", "kubectl set sa", "error: serviceaccount is required\n"],
    ["no resource", "kubectl set sa sa1", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ["a kind without a pod template", "kubectl set sa svc/web sa1", "error: services/web the object is not a pod or does not have a pod template: *v1.Service\n"],
    ["a missing object, before changing any", "kubectl set sa deploy/web deploy/nope sa1", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ["--local with a server dry run", "kubectl set sa deploy/web sa1 --local --dry-run=server", "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n"],
  ])("refuses %s", async (_name, line, stderr) => {
    const ws = await world();
    expect(await shell(ws, line)).toEqual({ stdout: "", stderr, status: 1 });
    expect(await get(ws, "deploy web", "{.spec.template.spec.serviceAccountName}")).toBe("");
  });

  it("prints kubectl's help", async () => {
    await expectGolden("set/serviceaccount-help.txt", (await kubectlArgs(testWorkspace(), ["set", "serviceaccount", "--help"])).stdout);
  });
});

describe("kubectl set", () => {
  it("prints its help to stderr and fails without a subcommand", async () => {
    const r = await kubectlArgs(testWorkspace(), ["set"]);
    expect([r.stdout, r.status]).toEqual(["", 1]);
    expect(r.stderr).toContain("Available Commands:\n  env ");
    expect(r.stderr).toContain("\n  selector             Set the selector on a resource\n  serviceaccount       Update the service account of a resource\n");
  });

  it("refuses an unknown subcommand", async () => {
    expect(await kubectlArgs(testWorkspace(), ["set", "foo"])).toEqual({ stdout: "", stderr: "error: unknown command \"foo\"\nSee 'kubectl set -h' for help and examples\n", status: 1 });
  });
});
