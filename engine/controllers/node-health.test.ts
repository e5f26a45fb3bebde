import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

async function out(ws: Workspace, line: string): Promise<string> {
  const r = await shell(ws, line);
  expect(r.stderr).toBe("");
  return r.stdout;
}

const ready = (ws: Workspace, node: string) => out(ws, `kubectl get node ${node} -o jsonpath='{.status.conditions[?(@.type=="Ready")].status} {.status.conditions[?(@.type=="Ready")].reason}'`);
const taints = (ws: Workspace, node: string) => out(ws, `kubectl get node ${node} -o jsonpath='{range .spec.taints[*]}{.key}:{.effect}@{.timeAdded} {end}'`);

describe("the node health monitor", () => {
  it.each([
    ["the kubelet runs", "", 600, "True KubeletReady"],
    ["it stopped less than the grace period ago", "ssh node01 systemctl stop kubelet", 49, "True KubeletReady"],
    ["it stopped the grace period ago", "ssh node01 systemctl stop kubelet", 50, "Unknown NodeStatusUnknown"],
    ["it fails to start for that long", "ssh node01 rm /var/lib/kubelet/config.yaml; ssh node01 systemctl restart kubelet", 50, "Unknown NodeStatusUnknown"],
    ["containerd stopped (the kubelet still posts)", "ssh node01 systemctl stop containerd", 600, "False KubeletNotReady"],
  ])("when %s, Ready reads as expected", async (_, setup, seconds, expected) => {
    const ws = testWorkspace();
    if (setup) await out(ws, setup);
    await out(ws, `sleep ${seconds}`);
    expect(await ready(ws, "node01")).toBe(expected);
    expect(await ready(ws, "node02")).toBe("True KubeletReady");
  });

  it("sets every kubelet condition Unknown, keeps the last heartbeat, and taints the node unreachable, NoExecute first", async () => {
    const ws = testWorkspace();
    await out(ws, "ssh node01 systemctl stop kubelet; sleep 50");
    expect(await out(ws, `kubectl get node node01 -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.lastHeartbeatTime} {.lastTransitionTime} {.message}{"\\n"}{end}'`)).toBe(
      [
        "MemoryPressure=Unknown 2026-01-27T10:00:00Z 2026-01-27T10:00:50Z Kubelet stopped posting node status.",
        "DiskPressure=Unknown 2026-01-27T10:00:00Z 2026-01-27T10:00:50Z Kubelet stopped posting node status.",
        "PIDPressure=Unknown 2026-01-27T10:00:00Z 2026-01-27T10:00:50Z Kubelet stopped posting node status.",
        "Ready=Unknown 2026-01-27T10:00:00Z 2026-01-27T10:00:50Z Kubelet stopped posting node status.",
        "",
      ].join("\n"),
    );
    expect(await taints(ws, "node01")).toBe("node.kubernetes.io/unreachable:NoExecute@2026-01-27T10:00:50Z node.kubernetes.io/unreachable:NoSchedule@2026-01-27T10:00:50Z ");
  });

  it("records NodeNotReady on the node and marks its pods not Ready with a warning", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl run web --image=nginx --overrides='{\"spec\":{\"nodeName\":\"node01\"}}'; sleep 5; ssh node01 systemctl stop kubelet; sleep 50");
    expect(await out(ws, "kubectl get events --field-selector reason=NodeNotReady -o custom-columns=TYPE:.type,OBJECT:.involvedObject.name,FROM:.source.component,MESSAGE:.message --sort-by=.involvedObject.name")).toBe(
      [
        "TYPE      OBJECT   FROM              MESSAGE",
        "Normal    node01   node-controller   Node node01 status is now: NodeNotReady",
        "Warning   web      node-controller   Node is not ready",
        "",
      ].join("\n"),
    );
    expect(await out(ws, `kubectl get pod web -o jsonpath='{.status.conditions[?(@.type=="Ready")].status} {.status.containerStatuses[0].ready}'`)).toBe("False true");
  });

  it("puts not-ready taints on a node whose kubelet reports its runtime down, and takes them off when it is back", async () => {
    const ws = testWorkspace();
    await out(ws, "ssh node01 systemctl stop containerd; sleep 30");
    expect(await taints(ws, "node01")).toBe("node.kubernetes.io/not-ready:NoExecute@2026-01-27T10:00:30Z node.kubernetes.io/not-ready:NoSchedule@2026-01-27T10:00:30Z ");
    await out(ws, "ssh node01 systemctl start containerd; sleep 9");
    expect(await ready(ws, "node01")).toBe("False KubeletNotReady");
    await out(ws, "sleep 1");
    expect(await ready(ws, "node01")).toBe("True KubeletReady");
    expect(await taints(ws, "node01")).toBe("");
  });
});

describe("a node whose kubelet is gone", () => {
  it("keeps its pods as they were, starts none, and catches up when the kubelet is back", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl run old --image=busybox --restart=Never --overrides='{\"spec\":{\"nodeName\":\"node01\"}}' -- sleep 20; sleep 5");
    await out(ws, "ssh node01 systemctl stop kubelet");
    await out(ws, "kubectl run new --image=nginx --overrides='{\"spec\":{\"nodeName\":\"node01\"}}'; sleep 30");
    const status = "kubectl get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,READY:.status.containerStatuses[0].ready --no-headers";
    // old's command ended 15s ago, but no kubelet noticed; new was never started
    expect(await out(ws, status)).toBe("new   Pending   <none>\nold   Running   true\n");
    await out(ws, "ssh node01 systemctl start kubelet; sleep 5");
    expect(await out(ws, status)).toBe("new   Running     true\nold   Succeeded   false\n");
  });

  it("leaves a deleted pod Terminating until the kubelet is back to stop it", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl run web --image=nginx --overrides='{\"spec\":{\"nodeName\":\"node01\"}}'; sleep 5; ssh node01 systemctl stop kubelet");
    await out(ws, "kubectl delete pod web --wait=false; sleep 60");
    expect(await out(ws, "kubectl get pod web --no-headers -o custom-columns=STATUS:.metadata.deletionTimestamp")).toBe("2026-01-27T10:00:35Z\n");
    await out(ws, "ssh node01 systemctl start kubelet; sleep 5");
    expect((await shell(ws, "kubectl get pod web")).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  });
});
