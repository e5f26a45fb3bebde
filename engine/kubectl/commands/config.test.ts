/**
 * `kubectl config`: the subcommands against the kubeadm kubeconfig of a fresh workspace
 * and against a two-cluster exam kubeconfig. Texts are kubectl's (pkg/cmd/config/*.go).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";
import { workspaceWithFiles } from "../../testing";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "config", name), "utf8");
const twoClusters = () => workspaceWithFiles({ "/root/.kube/config": golden("two-clusters.kubeconfig") });

const HEADER = "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n";
const KUBEADM_ROW = "*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n";

describe("kubectl config", () => {
  it("without a subcommand prints its help on stderr and fails, as cobra's DefaultSubCommandRun does", async () => {
    const r = await kubectlLine(testWorkspace(), "config");
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("\nAvailable Commands:\n  current-context      Display the current-context\n");
    expect(r.status).toBe(1);
  });

  it("rejects an unknown subcommand", async () => {
    expect(await kubectlLine(testWorkspace(), "config foo x")).toEqual({ stdout: "", stderr: `error: unknown command "foo x"\nSee 'kubectl config -h' for help and examples\n`, status: 1 });
  });

  it("--help prints the help on stdout", async () => {
    expect((await kubectlLine(testWorkspace(), "config --help")).stdout.startsWith('Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n')).toBe(true);
  });
});

describe("kubectl config get-contexts", () => {
  it.each([
    ["config get-contexts", HEADER + KUBEADM_ROW],
    ["config get-contexts kubernetes-admin@kubernetes", HEADER + KUBEADM_ROW],
    // without the header row the tabwriter sizes columns from the data alone
    ["config get-contexts --no-headers", "*     kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n"],
    ["config get-contexts -o name", "kubernetes-admin@kubernetes\n"],
  ])("%s", async (line, stdout) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("sorts contexts by name and marks only the current one", async () => {
    expect(await kubectlLine(twoClusters(), "config get-contexts")).toEqual({
      stdout:
        "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n" +
        "          k8s-c2-admin                  k8s-c2       c2-admin           team-a\n" +
        "*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n",
      stderr: "",
      status: 0,
    });
  });

  it("reports contexts it cannot find after the table: one with error:, several bare", async () => {
    expect(await kubectlLine(testWorkspace(), "config get-contexts nope")).toEqual({ stdout: "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n", stderr: "error: context nope not found\n", status: 1 });
    expect((await kubectlLine(testWorkspace(), "config get-contexts a b")).stderr).toBe("context a not found\ncontext b not found\n");
  });

  it("resets formats it does not print, and refuses unknown ones", async () => {
    expect(await kubectlLine(testWorkspace(), "config get-contexts -o json")).toEqual({
      stdout: "--output json is not available in kubectl config get-contexts; resetting to default output format\n" + HEADER + KUBEADM_ROW,
      stderr: "",
      status: 0,
    });
    expect(await kubectlLine(testWorkspace(), "config get-contexts -o xml")).toEqual({ stdout: "", stderr: "error: output must be one of '' or 'name': xml\n", status: 1 });
  });
});

describe("kubectl config current-context / use-context", () => {
  it("prints and switches the current context, writing ~/.kube/config", async () => {
    const ws = twoClusters();
    expect(await kubectlLine(ws, "config current-context")).toEqual({ stdout: "kubernetes-admin@kubernetes\n", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "config use-context k8s-c2-admin")).toEqual({ stdout: 'Switched to context "k8s-c2-admin".\n', stderr: "", status: 0 });
    expect((await kubectlLine(ws, "config current-context")).stdout).toBe("k8s-c2-admin\n");
    expect((await kubectlLine(ws, "config get-contexts -o name --no-headers")).stdout).toBe("k8s-c2-admin\nkubernetes-admin@kubernetes\n");
  });

  it("use is an alias of use-context", async () => {
    expect((await kubectlLine(twoClusters(), "config use k8s-c2-admin")).stdout).toBe('Switched to context "k8s-c2-admin".\n');
  });

  it("refuses a context that does not exist and leaves the file alone", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "config use-context nope")).toEqual({ stdout: "", stderr: 'error: no context exists with the name: "nope"\n', status: 1 });
    expect((await kubectlLine(ws, "config current-context")).stdout).toBe("kubernetes-admin@kubernetes\n");
  });

  it("prints its help before the error when not given exactly one name", async () => {
    const r = await kubectlLine(testWorkspace(), "config use-context");
    expect(r.stdout.startsWith("Set the current-context in a kubeconfig file.\n")).toBe(true);
    expect(r.stderr).toBe("error: Unexpected args: []\n");
    expect(r.status).toBe(1);
  });

  it("says so when no current context is set", async () => {
    const ws = workspaceWithFiles({ "/root/.kube/config": golden("two-clusters.kubeconfig").replace("current-context: kubernetes-admin@kubernetes", 'current-context: ""') });
    expect(await kubectlLine(ws, "config current-context")).toEqual({ stdout: "", stderr: "error: current-context is not set\n", status: 1 });
    expect(await kubectlLine(ws, "config set-context --current --namespace=x")).toEqual({ stdout: "", stderr: "error: no current context is set\n", status: 1 });
  });
});

describe("kubectl config set-context", () => {
  it("--current --namespace switches the namespace every later command uses", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "config set-context --current --namespace=kube-public")).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" modified.\n', stderr: "", status: 0 });
    expect((await kubectlLine(ws, "config get-contexts")).stdout).toBe(HEADER + "*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-public\n");
    expect(await kubectlLine(ws, "get pods")).toEqual({ stdout: "", stderr: "No resources found in kube-public namespace.\n", status: 0 });
  });

  it("creates a context that does not exist yet", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev")).toEqual({ stdout: 'Context "dev" created.\n', stderr: "", status: 0 });
    expect((await kubectlLine(ws, "config get-contexts dev --no-headers")).stdout).toBe("      dev   kubernetes   kubernetes-admin   dev\n");
  });

  it.each([
    ["config set-context", "error: you must specify a non-empty context name or --current\n"],
    ["config set-context dev --current", "error: you cannot specify both a context name and --current\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl config view", () => {
  it("prints the kubeconfig with certificate and key data omitted", async () => {
    expect(await kubectlLine(testWorkspace(), "config view")).toEqual({ stdout: golden("view.yaml"), stderr: "", status: 0 });
  });

  it("prints -o json in the order of the Go structs", async () => {
    expect(await kubectlLine(testWorkspace(), "config view -o json")).toEqual({ stdout: golden("view.json"), stderr: "", status: 0 });
  });

  it("--raw shows the data as stored", async () => {
    const r = await kubectlLine(twoClusters(), "config view --raw");
    expect(r.stdout).toContain("    certificate-authority-data: Q0EtREFUQTI=\n");
    expect(r.stdout).toContain("    token: abc.def\n");
    expect(r.stdout).toContain("    client-key-data: S0VZ\n");
  });

  it("sorts entries by name and redacts tokens", async () => {
    expect(await kubectlLine(twoClusters(), "config view")).toEqual({ stdout: golden("two-clusters.view.yaml"), stderr: "", status: 0 });
  });

  it("--minify keeps only what the current (or --context) context uses", async () => {
    const r = await kubectlLine(twoClusters(), "config view --minify --context=k8s-c2-admin -o jsonpath={.contexts[*].name}{.clusters[*].cluster.server}{.users[*].name}");
    expect(r).toEqual({ stdout: "k8s-c2-adminhttps://192.168.100.21:6443c2-admin", stderr: "", status: 0 });
    expect((await kubectlLine(twoClusters(), "config view --minify -o jsonpath={.clusters[0].name}")).stdout).toBe("kubernetes");
  });

  it("answers jsonpath queries a CKA task asks", async () => {
    expect((await kubectlLine(twoClusters(), "config view -o jsonpath={.contexts[*].name}")).stdout).toBe("k8s-c2-admin kubernetes-admin@kubernetes");
  });

  it.each([
    ["config view extra", "error: unexpected arguments: [extra]\nSee 'kubectl config view -h' for help and examples\n"],
    ["config view -o xml", 'error: unable to match a printer suitable for the output format "xml", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml\n'],
    ["config view --merge=false", "error: if merge==false a precise file must to specified\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl config get-clusters / get-users / rename-context / delete-*", () => {
  it("lists cluster and user names", async () => {
    expect((await kubectlLine(twoClusters(), "config get-clusters")).stdout).toBe("NAME\nk8s-c2\nkubernetes\n");
    expect((await kubectlLine(twoClusters(), "config get-users")).stdout).toBe("NAME\nc2-admin\nkubernetes-admin\n");
  });

  it("renames a context and follows it as the current one", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "config rename-context kubernetes-admin@kubernetes admin")).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" renamed to "admin".\n', stderr: "", status: 0 });
    expect((await kubectlLine(ws, "config current-context")).stdout).toBe("admin\n");
    expect(await kubectlLine(ws, "config rename-context nope x")).toEqual({ stdout: "", stderr: `error: cannot rename the context "nope", it's not in /root/.kube/config\n`, status: 1 });
  });

  it("refuses to rename onto an existing context", async () => {
    expect((await kubectlLine(twoClusters(), "config rename-context k8s-c2-admin kubernetes-admin@kubernetes")).stderr).toBe(
      `error: cannot rename the context "k8s-c2-admin", the context "kubernetes-admin@kubernetes" already exists in /root/.kube/config\n`,
    );
  });

  it("deletes a context, warning when it was the active one", async () => {
    const ws = twoClusters();
    expect(await kubectlLine(ws, "config delete-context k8s-c2-admin")).toEqual({ stdout: "deleted context k8s-c2-admin from /root/.kube/config\n", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "config delete-context kubernetes-admin@kubernetes")).toEqual({
      stdout: "deleted context kubernetes-admin@kubernetes from /root/.kube/config\n",
      stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      status: 0,
    });
    expect(await kubectlLine(ws, "config delete-context nope")).toEqual({ stdout: "", stderr: "error: cannot delete context nope, not in /root/.kube/config\n", status: 1 });
  });

  it("deletes clusters and users", async () => {
    const ws = twoClusters();
    expect((await kubectlLine(ws, "config delete-cluster k8s-c2")).stdout).toBe("deleted cluster k8s-c2 from /root/.kube/config\n");
    expect((await kubectlLine(ws, "config delete-user c2-admin")).stdout).toBe("deleted user c2-admin from /root/.kube/config\n");
    expect((await kubectlLine(ws, "config get-clusters")).stdout).toBe("NAME\nkubernetes\n");
    expect(await kubectlLine(ws, "config delete-user")).toEqual({ stdout: "", stderr: "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n", status: 1 });
  });
});
