import { describe, expect, it } from "vitest";
import { kubectlLine, shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

/** A bare pod pinned to node01. */
async function podOnNode01(ws: Workspace, name: string, o: { labels?: string } = {}): Promise<void> {
  const labels = o.labels ? `  labels:\n    ${o.labels}\n` : "";
  const r = await shell(ws, `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${labels}spec:\n  nodeName: node01\n  containers:\n  - name: app\n    image: nginx\nEOF`);
  expect(r).toEqual({ stdout: `pod/${name} created\n`, stderr: "", status: 0 });
}

/** A ReplicaSet of one pod kept on node01; returns the pod's name. */
async function replicaSetOnNode01(ws: Workspace, name: string, emptyDir = false): Promise<string> {
  const volume = emptyDir ? "      volumes:\n      - name: scratch\n        emptyDir: {}\n" : "";
  const manifest = `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      nodeSelector:\n        kubernetes.io/hostname: node01\n${volume}      containers:\n      - name: app\n        image: nginx\n`;
  expect((await shell(ws, `kubectl apply -f - <<'EOF'\n${manifest}EOF\nsleep 5`)).stdout).toBe(`replicaset.apps/${name} created\n`);
  return (await kubectlLine(ws, `get pods -l app=${name} -o jsonpath={.items[0].metadata.name}`)).stdout;
}

const PROXY = "kube-system/kube-proxy-m9q4d";
/** The CoreDNS replica the default cluster runs on node01: a ReplicaSet's pod, so drain evicts it. */
const DNS = "coredns-5dbbd86ddd-nk8mv";

const podsOn = (ws: Workspace, node: string) =>
  kubectlLine(ws, `get pods -A --field-selector spec.nodeName=${node} -o custom-columns=NAME:.metadata.name --no-headers`).then((r) => r.stdout);

describe("kubectl drain", () => {
  it("cordons the node, refuses what it may not delete, and says so again at the end", async () => {
    const ws = testWorkspace();
    await podOnNode01(ws, "web");
    expect(await kubectlLine(ws, "drain node01")).toEqual({
      stdout: "node/node01 cordoned\n",
      stderr: [
        `error: unable to drain node "node01" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${PROXY}, cannot delete Pods that declare no controller (use --force to override): default/web], continuing command...`,
        "There are pending nodes to be drained:",
        " node01",
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${PROXY}`,
        "cannot delete Pods that declare no controller (use --force to override): default/web",
        "",
      ].join("\n"),
      status: 1,
    });
    expect(await kubectlLine(ws, "drain node01 --ignore-daemonsets")).toEqual({
      stdout: "node/node01 already cordoned\n",
      stderr: [
        'error: unable to drain node "node01" due to error: cannot delete Pods that declare no controller (use --force to override): default/web, continuing command...',
        "There are pending nodes to be drained:",
        " node01",
        "cannot delete Pods that declare no controller (use --force to override): default/web",
        "",
      ].join("\n"),
      status: 1,
    });
    expect(await podsOn(ws, "node01")).toBe(`web\n${DNS}\nkube-proxy-m9q4d\n`);
  });

  it("evicts bare pods with --force, waits until they are gone, and leaves DaemonSet pods", async () => {
    const ws = testWorkspace();
    await podOnNode01(ws, "web");
    await podOnNode01(ws, "api");
    expect(await kubectlLine(ws, "drain node01 --ignore-daemonsets --force")).toEqual({
      stdout: `node/node01 cordoned\nevicting pod default/api\nevicting pod default/web\nevicting pod kube-system/${DNS}\npod/api evicted\npod/web evicted\npod/${DNS} evicted\nnode/node01 drained\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${PROXY}; deleting Pods that declare no controller: default/api, default/web\n`,
      status: 0,
    });
    expect(await podsOn(ws, "node01")).toBe("kube-proxy-m9q4d\n");
    expect((await kubectlLine(ws, "get node node01 -o jsonpath={.spec.unschedulable}")).stdout).toBe("true");
  });

  it("evicts pods that have a controller without --force", async () => {
    const ws = testWorkspace();
    const web = await replicaSetOnNode01(ws, "web");
    expect(await kubectlLine(ws, "drain node01 --ignore-daemonsets")).toEqual({
      stdout: `node/node01 cordoned\nevicting pod default/${web}\nevicting pod kube-system/${DNS}\npod/${web} evicted\npod/${DNS} evicted\nnode/node01 drained\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${PROXY}\n`,
      status: 0,
    });
  });

  it("needs --delete-emptydir-data for pods with local storage", async () => {
    const ws = testWorkspace();
    const cache = await replicaSetOnNode01(ws, "cache", true);
    expect((await kubectlLine(ws, "drain node01 --ignore-daemonsets")).stderr).toBe(
      [
        `error: unable to drain node "node01" due to error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${cache}, continuing command...`,
        "There are pending nodes to be drained:",
        " node01",
        `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${cache}`,
        "",
      ].join("\n"),
    );
    // The local-storage warning is replaced by the next filter's verdict, as in kubectl.
    expect(await kubectlLine(ws, "drain node01 --ignore-daemonsets --delete-emptydir-data")).toEqual({
      stdout: `node/node01 already cordoned\nevicting pod default/${cache}\nevicting pod kube-system/${DNS}\npod/${cache} evicted\npod/${DNS} evicted\nnode/node01 drained\n`,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${PROXY}\n`,
      status: 0,
    });
  });

  it("deletes instead of evicting with --disable-eviction", async () => {
    const ws = testWorkspace();
    await podOnNode01(ws, "web");
    expect((await kubectlLine(ws, "drain node01 --ignore-daemonsets --force --disable-eviction")).stdout).toBe(`node/node01 cordoned\npod/web deleted\npod/${DNS} deleted\nnode/node01 drained\n`);
  });

  it("only touches the pods --pod-selector picks", async () => {
    const ws = testWorkspace();
    await podOnNode01(ws, "web", { labels: "app: web" });
    await podOnNode01(ws, "db", { labels: "app: db" });
    expect((await kubectlLine(ws, "drain node01 --force --pod-selector=app=web")).stdout).toBe("node/node01 cordoned\nevicting pod default/web\npod/web evicted\nnode/node01 drained\n");
    expect(await podsOn(ws, "node01")).toBe(`db\n${DNS}\nkube-proxy-m9q4d\n`);
  });

  it.each([
    ["client", `node/node01 cordoned (dry run)\nevicting pod default/web (dry run)\nevicting pod kube-system/${DNS} (dry run)\nnode/node01 drained (dry run)\n`],
    ["server", `node/node01 cordoned (server dry run)\nevicting pod default/web (server dry run)\nevicting pod kube-system/${DNS} (server dry run)\nnode/node01 drained (server dry run)\n`],
  ])("changes nothing with --dry-run=%s", async (mode, stdout) => {
    const ws = testWorkspace();
    await podOnNode01(ws, "web");
    expect(await kubectlLine(ws, `drain node01 --ignore-daemonsets --force --dry-run=${mode}`)).toEqual({
      stdout,
      stderr: `Warning: ignoring DaemonSet-managed Pods: ${PROXY}; deleting Pods that declare no controller: default/web\n`,
      status: 0,
    });
    expect(await podsOn(ws, "node01")).toBe(`web\n${DNS}\nkube-proxy-m9q4d\n`);
    expect((await kubectlLine(ws, "get node node01 -o jsonpath={.spec.unschedulable}")).stdout).toBe("");
  });

  // Scenario 10: needs the Deployment and ReplicaSet controllers running in the cluster.
  it("moves a Deployment's pods to the other nodes", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=4");
    await shell(ws, "sleep 10");
    const nodesOfWeb = () => kubectlLine(ws, "get pods -l app=web -o custom-columns=NODE:.spec.nodeName --no-headers").then((r) => r.stdout.split("\n").filter(Boolean).sort().join(","));
    expect(await nodesOfWeb()).toBe("node01,node01,node02,node02");
    const drained = await kubectlLine(ws, "drain node01 --ignore-daemonsets");
    const evicted = drained.stdout.split("\n").filter((l) => l.startsWith("pod/"));
    expect([drained.status, evicted.length, evicted.includes(`pod/${DNS} evicted`), drained.stdout.endsWith("node/node01 drained\n")]).toEqual([0, 3, true, true]);
    await shell(ws, "sleep 10");
    expect(await nodesOfWeb()).toBe("node02,node02,node02,node02");
    expect((await kubectlLine(ws, "get deployment web -o jsonpath={.status.readyReplicas}")).stdout).toBe("4");
    expect((await kubectlLine(ws, "get deployment coredns -n kube-system -o jsonpath={.status.readyReplicas}")).stdout).toBe("2");
  });

  it("skips the control plane's static pods, which the API server cannot delete", async () => {
    const ws = testWorkspace();
    expect(await kubectlLine(ws, "drain controlplane --ignore-daemonsets")).toEqual({
      stdout: "node/controlplane cordoned\nevicting pod kube-system/coredns-5dbbd86ddd-6mlqm\npod/coredns-5dbbd86ddd-6mlqm evicted\nnode/controlplane drained\n",
      stderr: "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x7k2p\n",
      status: 0,
    });
    expect(await podsOn(ws, "controlplane")).toBe("etcd-controlplane\nkube-apiserver-controlplane\nkube-controller-manager-controlplane\nkube-proxy-x7k2p\nkube-scheduler-controlplane\n");
  });

  it("drains the nodes a selector picks, one after the other", async () => {
    const ws = testWorkspace();
    expect((await kubectlLine(ws, "drain -l kubernetes.io/hostname!=controlplane --ignore-daemonsets")).stdout).toBe(
      `node/node01 cordoned\nnode/node02 cordoned\nevicting pod kube-system/${DNS}\npod/${DNS} evicted\nnode/node01 drained\nnode/node02 drained\n`,
    );
  });

  it.each([
    ["drain", "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"],
    ["drain node01 -l a=b", "error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples\n"],
    ["drain node01 --pod-selector=a=(", "error: --pod-selector=<pod_selector> must be a valid label selector\n"],
    ["drain nosuch", 'Error from server (NotFound): nodes "nosuch" not found\n'],
    ["drain node01 --timeout=soon", `error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee 'kubectl drain --help' for usage.\n`],
  ])("refuses `kubectl %s`", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("warns about the deprecated --delete-local-data", async () => {
    const r = await kubectlLine(testWorkspace(), "drain node02 --ignore-daemonsets --delete-local-data");
    expect(r.stderr).toBe(`Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\nWarning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-b5z8w\n`);
  });
});
