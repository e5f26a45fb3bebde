/**
 * `kubectl __complete`: the answers that need no cluster are byte for byte those of a real
 * kubectl (`kubectl __complete rollout ''` and so on, against a kubeconfig whose server is
 * down); the ones that do are what `kubectl get` and `kubectl api-resources` of the same
 * cluster list, as kubectl's completion functions run those very requests.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { kubectlLine, shell, testWorkspace } from "../../testing";
import { Vfs } from "../../shell/vfs";
import type { Workspace } from "../../workspace";
import { completeRequest } from "./complete-request";
import type { CompletionHost } from "./completion-target";

let ws: Workspace;
let host: CompletionHost;

beforeAll(async () => {
  ws = testWorkspace();
  await shell(
    ws,
    [
      "kubectl run web --image=nginx",
      "kubectl create deployment api --image=nginx --image=busybox",
      "kubectl create namespace shop",
      "kubectl -n shop run cart --image=nginx",
      "kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=shop",
      "sleep 10",
    ].join("\n"),
  );
  host = { fs: new Vfs(ws.snapshot().hosts.controlplane), cwd: "/root", cluster: (name) => ws.cluster(name) };
});

const ask = (line: string) => completeRequest(line.split(" "), host);

describe("kubectl __complete without the cluster", () => {
  it.each([
    ["cre", "create\tCreate a resource from a file or from stdin\n:4\n"],
    [
      "rollout ",
      "history\tView rollout history\npause\tMark the provided resource as paused\nrestart\tRestart a resource\nresume\tResume a paused resource\nstatus\tShow the status of the rollout\nundo\tUndo a previous rollout\n:4\n",
    ],
    ["top ", "node\tDisplay resource (CPU/memory) usage of nodes\npod\tDisplay resource (CPU/memory) usage of pods\n:4\n"],
    ["help ro", "rollout\tManage the rollout of a resource\n:4\n"],
    ["get -w", "-w\tAfter listing/getting the requested object, watch for changes.\n:4\n"],
    ["get --wat", "--watch\tAfter listing/getting the requested object, watch for changes.\n--watch-only\tWatch for changes to the requested object(s), without listing/getting first.\n:4\n"],
    ["get --he", "--help\thelp for get\n:4\n"],
    ["get -n", "-n\tIf present, the namespace scope for this CLI request\n:4\n"],
    // required flags come first, even without a `-`
    ["run x ", "--image\tThe image for the container to run.\n:0\n"],
    ["run x --", "--image\tThe image for the container to run.\n:4\n"],
    ["create deployment x ", "--image\tImage names to run. A deployment can have multiple images set for multi-container pod.\n:0\n"],
    ["create cronjob x ", "--image\tImage name to run.\n--schedule\tA schedule in the Cron format the job should be run with.\n:0\n"],
    ["scale ", "--replicas\tThe new desired number of replicas. Required.\ndeployment\nreplicaset\nreplicationcontroller\nstatefulset\n:4\n"],
    ["scale --replicas=3 ", "deployment\nreplicaset\nreplicationcontroller\nstatefulset\n:4\n"],
    // ValidArgs and the types a verb works on
    ["completion ", "bash\nzsh\nfish\npowershell\n:4\n"],
    ["completion b", "bash\n:4\n"],
    ["completion bash ", ":0\n"],
    ["taint ", "node\n:4\n"],
    ["expose ", "pod\nservice\nreplicationcontroller\ndeployment\nreplicaset\n:4\n"],
    ["rollout pause ", "deployment\n:4\n"],
    ["set image ", "daemonsets\ndeployments\npods\ncronjobs\nreplicasets\nreplicationcontrollers\nstatefulsets\n:4\n"],
    // flag values
    ["get -o ", "json\nyaml\nkyaml\nname\ngo-template\ngo-template-file\ntemplate\ntemplatefile\njsonpath\njsonpath-as-json\njsonpath-file\ncustom-columns\ncustom-columns-file\nwide\n:4\n"],
    ["get --output=js", "json\njsonpath\njsonpath-as-json\njsonpath-file\n:4\n"],
    ["get -o=j", "json\njsonpath\njsonpath-as-json\njsonpath-file\n:4\n"],
    ["apply -f ", "json\nyaml\nyml\n:8\n"],
    ["create -f ", "json\nyaml\nyml\n:8\n"],
    ["delete -o ", ":0\n"],
    ["get pods -l ", ":0\n"],
    ["run x --image ", ":0\n"],
    // logs takes no completion on -c: the container is its second argument
    ["logs x -c ", ":0\n"],
    ["config set-context --cluster ", ":0\n"],
    // nothing more to say
    ["get -h ", ":4\n"],
    ["exec x -- ", ":4\n"],
    ["logs x y ", ":4\n"],
    ["config use-context dev ", ":4\n"],
    // no such command: cobra's Find fails
    ["foo ", ":0\n"],
    ["explain ", ":0\n"],
    ["wait ", ":0\n"],
  ])("%j", (line, out) => {
    expect(ask(line)).toBe(out);
  });

  it("lists every command of kubectl 1.35 with its Short, and help", () => {
    const names = ask("")
      .split("\n")
      .slice(0, -2)
      .map((l) => l.split("\t")[0])
      .sort();
    expect(names).toEqual(
      "annotate api-resources api-versions apply attach auth autoscale certificate cluster-info completion config cordon cp create debug delete describe diff drain edit events exec explain expose get help kustomize label logs options patch plugin port-forward proxy replace rollout run scale set taint top uncordon version wait".split(" "),
    );
    expect(ask("c")).toBe(
      "certificate\tModify certificate resources\ncluster-info\tDisplay cluster information\ncompletion\tOutput shell completion code for the specified shell (bash, zsh, fish, or powershell)\nconfig\tModify kubeconfig files\ncordon\tMark node as unschedulable\ncp\tCopy files and directories to and from containers\ncreate\tCreate a resource from a file or from stdin\n:4\n",
    );
  });

  it("lists the global flags before the verb's own, -h and --help among them", () => {
    const names = ask("cordon -")
      .split("\n")
      .map((l) => l.split("\t")[0]);
    expect(names[0]).toBe("--as");
    expect(names.indexOf("-n")).toBe(names.indexOf("--namespace") + 1);
    expect(names.slice(-7)).toEqual(["--dry-run", "--help", "-h", "--selector", "-l", ":4", ""]);
  });
});

describe("kubectl __complete against the cluster", () => {
  const lines = (out: string) => out.split("\n").filter(Boolean);

  it("offers the types `kubectl api-resources -o name --verbs=get` lists", async () => {
    const types = lines((await kubectlLine(ws, "api-resources -o name --verbs=get")).stdout);
    expect(ask("get ")).toBe([...types, ":4"].join("\n") + "\n");
    expect(ask("describe dep")).toBe("deployments.apps\n:4\n");
    expect(ask("get pods,se")).toBe("pods,secrets\npods,serviceaccounts\npods,services\n:4\n");
    // after a TYPE/NAME argument only TYPE/ forms, which want no space after them
    expect(ask("get pod/web ")).toBe([...types.map((t) => `${t}/`), ":6"].join("\n") + "\n");
  });

  it.each([
    // the names `kubectl get` lists in the namespace of the line (or the context)
    ["get pods ", "api-\nweb\n:4\n"],
    ["get pods web ", "api-\n:4\n"],
    ["get pods -n shop ", "cart\n:4\n"],
    ["--namespace=shop get po ", "cart\n:4\n"],
    ["get --context dev pods ", "cart\n:4\n"],
    // -A plays no part: completion runs a fresh get in the namespace
    ["get pods -A ", "api-\nweb\n:4\n"],
    ["get pod/", "pod/api-\npod/web\n:4\n"],
    ["get deploy/", "deploy/api\n:4\n"],
    ["describe deploy api ", ":4\n"],
    ["get -n ", "default\nkube-node-lease\nkube-public\nkube-system\nshop\n:4\n"],
    ["get -n kube-p", "kube-public\n:4\n"],
    ["cordon ", "controlplane\nnode01\nnode02\n:4\n"],
    ["drain node0", "node01\nnode02\n:4\n"],
    ["taint node ", "controlplane\nnode01\nnode02\n:4\n"],
    ["top pod w", "web\n:4\n"],
    ["config use-context ", "kubernetes-admin@kubernetes\ndev\n:4\n"],
    ["config delete-cluster ", "kubernetes\n:4\n"],
    ["get --user ", "kubernetes-admin\n:4\n"],
    // logs and exec: pods and the types that have pods, then containers
    ["logs w", "web\n:4\n"],
    ["logs -n shop ", "cart\ndaemonsets/\ndeployments/\npods/\njobs/\nreplicasets/\nreplicationcontrollers/\nservices/\nstatefulsets/\n:4\n"],
    ["logs -n kube-public ", "daemonsets/\ndeployments/\npods/\njobs/\nreplicasets/\nreplicationcontrollers/\nservices/\nstatefulsets/\n:6\n"],
    ["logs de", "deployments/\n:6\n"],
    ["logs deployments/", "deployments/api\n:4\n"],
    ["logs web ", "web\n:4\n"],
    ["logs deploy/api ", "nginx\nbusybox\n:4\n"],
    ["exec -it web -c ", "web\n:4\n"],
    ["exec deploy/api -c b", "busybox\n:4\n"],
  ])("%j", (line, out) => {
    // pod names of a deployment end in a hash: compare up to it
    expect(ask(line).replace(/^api-.*$/gm, "api-").replace(/^pod\/api-.*$/gm, "pod/api-")).toBe(out);
  });

  it("finds nothing once the kubeconfig names no reachable cluster", () => {
    expect(ask("--context nowhere get pods ")).toBe(":4\n");
    expect(ask("--kubeconfig /tmp/none get -n ")).toBe(":4\n");
  });
});
