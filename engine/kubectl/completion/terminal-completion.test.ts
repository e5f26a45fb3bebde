/**
 * Tab in a workspace's terminal, end to end: bash with `source <(kubectl completion bash)`
 * and `complete -o default -F __start_kubectl k`, kubectl answering `__complete` from the
 * cluster. Descriptions are laid out as the real script's __kubectl_format_comp_descriptions
 * lays them out for 80 columns (it was run in bash on the same `__complete` answers).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

let ws: Workspace;

beforeAll(async () => {
  ws = testWorkspace();
  await shell(ws, "kubectl run web --image=nginx\nkubectl create deployment api --image=nginx\nmkdir -p manifests\ntouch pod.yaml notes.txt 'my deploy.yaml'\nsleep 10");
});

const tab = (line: string) => ws.complete(line, line.length);

describe("Tab on a kubectl line", () => {
  it.each([
    ["kubectl cre", { start: 8, candidates: ["create"] }],
    ["k cre", { start: 2, candidates: ["create"] }],
    ["k get po", { start: 6, candidates: ["pods"] }],
    ["k get dep", { start: 6, candidates: ["deployments.apps"] }],
    ["k get pods w", { start: 11, candidates: ["web"] }],
    ["k get pods -n kube-system et", { start: 26, candidates: ["etcd-controlplane"] }],
    ["k -n kube-system describe po kube-s", { start: 29, candidates: ["kube-scheduler-controlplane"] }],
    ["kubectl get pods -A w", { start: 20, candidates: ["web"] }],
    ["k get -n kube-p", { start: 9, candidates: ["kube-public"] }],
    ["k get --namespace=kube-p", { start: 18, candidates: ["kube-public"] }],
    ["k get deploy/", { start: 6, candidates: ["deploy/api"] }],
    ["k logs deploy/", { start: 7, candidates: ["deploy/api"] }],
    ["k logs web ", { start: 11, candidates: ["web"] }],
    ["k exec -it web -c ", { start: 18, candidates: ["web"] }],
    ["k logs dep", { start: 7, candidates: ["deployments/"], noSpace: true }],
    ["k get --output=j", { start: 15, candidates: ["json", "jsonpath", "jsonpath-as-json", "jsonpath-file"] }],
    ["k get pods -o ya", { start: 14, candidates: ["yaml"] }],
    ["k cordon node0", { start: 9, candidates: ["node01", "node02"] }],
    ["k taint no", { start: 8, candidates: ["node"] }],
    ["k config use-context ", { start: 21, candidates: ["kubernetes-admin@kubernetes"] }],
    ["k completion ", { start: 13, candidates: ["bash", "zsh", "fish", "powershell"] }],
    // a required flag is offered where an argument could go
    ["k run nginx ", { start: 12, candidates: ["--image"] }],
    ["k get --all-n", { start: 6, candidates: ["--all-namespaces"] }],
  ])("%j", (line, completion) => {
    expect(tab(line)).toEqual(completion);
  });

  it("lists subcommands with their descriptions, as the script formats them", () => {
    expect(tab("kubectl create ")).toEqual({
      start: 15,
      candidates: [
        "configmap       (Create a config map from a local file, directory or literal v…)",
        "cronjob         (Create a cron job with the specified name)",
        "deployment      (Create a deployment with the specified name)",
        "job             (Create a job with the specified name)",
        "namespace       (Create a namespace with the specified name)",
        "quota           (Create a quota with the specified name)",
        "secret          (Create a secret using a specified subcommand)",
        "serviceaccount  (Create a service account with the specified name)",
      ],
    });
  });

  it("offers TYPE/ without a space once an argument is TYPE/NAME", () => {
    const c = tab("k describe pod/web d");
    expect(c).toEqual({ start: 19, candidates: ["daemonsets.apps/", "deployments.apps/"], noSpace: true });
  });

  it.each([
    // FilterFileExt: manifests and directories
    ["k apply -f ", { start: 11, candidates: [".kube/", "manifests/", "my\\ deploy.yaml", "pod.yaml"], filenames: true }],
    ["k create -f p", { start: 12, candidates: ["pod.yaml"], filenames: true }],
    ["k apply --filename=m", { start: 19, candidates: ["manifests/", "my\\ deploy.yaml"], filenames: true }],
    // no manifest matches, so `-o default` takes any file
    ["k apply -f no", { start: 11, candidates: ["notes.txt"], filenames: true }],
    // nothing from kubectl and no NoFileComp: `-o default` lists file names
    ["k run x --image n", { start: 16, candidates: ["notes.txt"], filenames: true }],
    ["k logs web -c n", { start: 14, candidates: ["notes.txt"], filenames: true }],
    ["k explain p", { start: 10, candidates: ["pod.yaml"], filenames: true }],
  ])("%j completes file names", (line, completion) => {
    expect(tab(line)).toEqual(completion);
  });

  it.each(["k exec web -- ", "k get pods -n nowhere ", "k get nothing-here "])("%j offers nothing, not even files (NoFileComp)", (line) => {
    expect(tab(line)).toEqual({ start: line.length, candidates: [] });
  });

  it("finds no cluster on a node without a kubeconfig, as kubectl there would not", async () => {
    const node = testWorkspace();
    await shell(node, "ssh node01");
    expect(node.complete("k get po", 8)).toEqual({ start: 6, candidates: [] });
    expect(node.complete("k ro", 4)).toEqual({ start: 2, candidates: ["rollout"] });
  });

  it("changes nothing in the workspace", () => {
    const before = JSON.stringify(ws.snapshot());
    tab("k get pods ");
    tab("cat ");
    expect(JSON.stringify(ws.snapshot())).toBe(before);
  });
});
