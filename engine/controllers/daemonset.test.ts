import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

function daemonSet(extraSpec = "", image = "busybox:1.36"): string {
  return `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${extraSpec}      containers: [{name: agent, image: "${image}", command: ["sleep", "3600"]}]
EOF`;
}

const CONTROL_PLANE_TOLERATION = "      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n";

/** The node each agent pod is pinned to by its required node affinity. */
async function pinnedNodes(ws: Workspace): Promise<string[]> {
  const out = await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", 'jsonpath={range .items[*]}{.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]}{"\\n"}{end}']);
  return out.stdout.split("\n").filter(Boolean).sort();
}

describe("the DaemonSet controller", () => {
  it("creates one pod per schedulable worker, pinned by node affinity and left to the scheduler", async () => {
    const ws = testWorkspace();
    await shell(ws, daemonSet());
    ws.advance(20_000);
    expect(await pinnedNodes(ws)).toEqual(["node01", "node02"]);
    const pod = (await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[0].metadata.name}"])).stdout;
    expect(pod).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const meta = await kubectlArgs(ws, ["get", "pod", pod, "-o", "jsonpath={.metadata.ownerReferences[0].kind} {.metadata.labels.pod-template-generation} {.metadata.labels.controller-revision-hash}"]);
    expect(meta.stdout).toMatch(/^DaemonSet 1 [4-9bcdf]{1,10}$/);
    const tolerations = await kubectlArgs(ws, ["get", "pod", pod, "-o", 'jsonpath={range .spec.tolerations[*]}{.key}:{.effect} {end}']);
    expect(tolerations.stdout).toBe(
      "node.kubernetes.io/not-ready:NoExecute node.kubernetes.io/unreachable:NoExecute node.kubernetes.io/disk-pressure:NoSchedule node.kubernetes.io/memory-pressure:NoSchedule node.kubernetes.io/pid-pressure:NoSchedule node.kubernetes.io/unschedulable:NoSchedule ",
    );
    expect((await kubectlLine(ws, "get ds agent")).stdout).toBe(
      "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nagent   2         2         2       2            2           <none>          20s\n",
    );
  });

  it("includes the control-plane node when its taint is tolerated", async () => {
    const ws = testWorkspace();
    await shell(ws, daemonSet(CONTROL_PLANE_TOLERATION));
    ws.advance(20_000);
    expect(await pinnedNodes(ws)).toEqual(["controlplane", "node01", "node02"]);
    expect((await kubectlArgs(ws, ["get", "ds", "agent", "-o", "jsonpath={.status.desiredNumberScheduled} {.status.currentNumberScheduled} {.status.numberMisscheduled}"])).stdout).toBe("3 3 0");
  });

  it("follows the nodeSelector and node labels", async () => {
    const ws = testWorkspace();
    await shell(ws, daemonSet("      nodeSelector: {disk: ssd}\n"));
    ws.advance(5_000);
    expect(await pinnedNodes(ws)).toEqual([]);
    await kubectlLine(ws, "label node node02 disk=ssd");
    ws.advance(5_000);
    expect(await pinnedNodes(ws)).toEqual(["node02"]);
    await kubectlLine(ws, "label node node02 disk-");
    ws.advance(40_000);
    expect(await pinnedNodes(ws)).toEqual([]);
  });

  it("keeps its pods on a cordoned node (the unschedulable toleration)", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "patch node node01 -p {\"spec\":{\"unschedulable\":true}}");
    await shell(ws, daemonSet());
    ws.advance(5_000);
    expect(await pinnedNodes(ws)).toEqual(["node01", "node02"]);
  });

  it("rolls out a new template one node at a time (maxUnavailable 1)", async () => {
    const ws = testWorkspace();
    await shell(ws, daemonSet());
    ws.advance(20_000);
    const before = (await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[*].metadata.name}"])).stdout.split(" ");
    await kubectlLine(ws, "set image ds/agent agent=busybox:1.37");
    ws.advance(120_000);
    const after = (await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[*].spec.containers[0].image}"])).stdout;
    expect(after).toBe("busybox:1.37 busybox:1.37");
    const names = (await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[*].metadata.name}"])).stdout.split(" ");
    expect(names.filter((n) => before.includes(n))).toEqual([]);
    expect((await kubectlArgs(ws, ["get", "ds", "agent", "-o", "jsonpath={.status.updatedNumberScheduled} {.status.numberAvailable} {.status.observedGeneration}"])).stdout).toBe("2 2 2");
    const events = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.source.component=="daemonset-controller")]}{.reason}{"\\n"}{end}']);
    expect(events.stdout.split("\n").filter(Boolean).sort()).toEqual(["SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulDelete", "SuccessfulDelete"]);
  });

  it("leaves the bootstrap kube-proxy pods in place", async () => {
    const ws = testWorkspace();
    ws.advance(60_000);
    expect((await kubectlLine(ws, "get ds -n kube-system")).stdout).toContain("kube-proxy   3         3         3       3            3           kubernetes.io/os=linux");
    expect((await kubectlArgs(ws, ["get", "events", "-n", "kube-system", "-o", "jsonpath={.items[*].reason}"])).stdout).toBe("");
  });
});

describe("the DaemonSet controller with the scheduler honouring node affinity", () => {
  it("has each pod bound to the node it is pinned to", async () => {
    const ws = testWorkspace();
    await shell(ws, daemonSet(CONTROL_PLANE_TOLERATION));
    ws.advance(20_000);
    const out = await kubectlArgs(ws, ["get", "pods", "-l", "app=agent", "-o", 'jsonpath={range .items[*]}{.spec.nodeName}={.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]}{"\\n"}{end}']);
    for (const line of out.stdout.split("\n").filter(Boolean)) {
      const [bound, pinned] = line.split("=");
      expect(bound).toBe(pinned);
    }
  });
});

describe("the cluster's own DaemonSet pods", () => {
  it("carry the tolerations and node affinity the DaemonSet controller gives its pods", async () => {
    const ws = testWorkspace();
    const tolerations = await shell(ws, "kubectl get pod -n kube-system -l k8s-app=kube-proxy -o jsonpath='{.items[0].spec.tolerations}'");
    expect(tolerations.stdout).toBe(
      '[{"operator":"Exists"},' +
        '{"effect":"NoExecute","key":"node.kubernetes.io/not-ready","operator":"Exists"},' +
        '{"effect":"NoExecute","key":"node.kubernetes.io/unreachable","operator":"Exists"},' +
        '{"effect":"NoSchedule","key":"node.kubernetes.io/disk-pressure","operator":"Exists"},' +
        '{"effect":"NoSchedule","key":"node.kubernetes.io/memory-pressure","operator":"Exists"},' +
        '{"effect":"NoSchedule","key":"node.kubernetes.io/pid-pressure","operator":"Exists"},' +
        '{"effect":"NoSchedule","key":"node.kubernetes.io/unschedulable","operator":"Exists"},' +
        '{"effect":"NoSchedule","key":"node.kubernetes.io/network-unavailable","operator":"Exists"}]',
    );
    const pinned = await shell(ws, `kubectl get pod -n kube-system -l k8s-app=kube-proxy -o jsonpath='{range .items[*]}{.spec.nodeName}={.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]} {end}'`);
    expect(pinned.stdout).toBe("node02=node02 node01=node01 controlplane=controlplane ");
  });
});
