import { describe, expect, it } from "vitest";
import { kubectlLine, shell, testWorkspace } from "../../testing";
import { Workspace } from "../../workspace";

/** A pod manifest applied through the shell, `spec` given as YAML lines indented under `spec:`. */
async function applyPod(ws: Workspace, name: string, spec: string): Promise<void> {
  const r = await shell(ws, `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}EOF`);
  expect(r).toEqual({ stdout: `pod/${name} created\n`, stderr: "", status: 0 });
}

const container = (name: string, requests = "") => `  containers:\n  - name: ${name}\n    image: nginx\n${requests ? `    resources:\n      requests:\n${requests}` : ""}`;
const cpu = (amount: string) => `        cpu: ${amount}\n`;

async function out(ws: Workspace, line: string): Promise<string> {
  const r = await shell(ws, line);
  expect(r.stderr).toBe("");
  return r.stdout;
}

/** The rows under `Events:` in `kubectl describe pod`, trailing spaces and all. */
async function events(ws: Workspace, pod: string): Promise<string[]> {
  const text = await out(ws, `kubectl describe pod ${pod}`);
  return text.slice(text.indexOf("Events:")).split("\n").slice(3, -1);
}

const NODE_SELECTOR_MISMATCH =
  "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const INSUFFICIENT_CPU =
  "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";

describe("scenario 7: a pod no node will take", () => {
  it("stays Pending with the real FailedScheduling message, then runs once a node is labelled", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "web", `  nodeSelector:\n    disk: ssd\n${container("web")}`);
    expect(await out(ws, "kubectl get pod web")).toBe("NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\n");
    expect(await out(ws, "kubectl get pod web -o jsonpath='{.status.conditions[0].type} {.status.conditions[0].status} {.status.conditions[0].reason}: {.status.conditions[0].message}'")).toBe(
      `PodScheduled False Unschedulable: ${NODE_SELECTOR_MISMATCH}`,
    );
    expect(await events(ws, "web")).toEqual([`  Warning  FailedScheduling  0s    default-scheduler  ${NODE_SELECTOR_MISMATCH}`]);

    expect(await out(ws, "kubectl label node node02 disk=ssd")).toBe("node/node02 labeled\n");
    await shell(ws, "sleep 5");
    expect(await out(ws, "kubectl get pod web -o jsonpath='{.spec.nodeName} {.status.conditions[?(@.type==\"PodScheduled\")].status}'")).toBe("node02 True");
    const rows = await events(ws, "web");
    expect(rows.slice(0, 2)).toEqual([`  Warning  FailedScheduling  5s    default-scheduler  ${NODE_SELECTOR_MISMATCH}`, "  Normal   Scheduled         4s    default-scheduler  Successfully assigned default/web to node02"]);
  });

  it("stays Pending behind a taint until a toleration lets it in, and runs where the taint is lifted", async () => {
    const ws = testWorkspace();
    for (const n of ["node01", "node02"]) expect(await out(ws, `kubectl taint node ${n} app=blue:NoSchedule`)).toBe(`node/${n} tainted\n`);
    expect(await out(ws, "kubectl run plain --image=nginx")).toBe("pod/plain created\n");
    const tainted = "0/3 nodes are available: 3 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(await events(ws, "plain")).toEqual([`  Warning  FailedScheduling  0s    default-scheduler  ${tainted}`]);

    await applyPod(ws, "blue", `  tolerations:\n  - key: app\n    operator: Equal\n    value: blue\n    effect: NoSchedule\n${container("blue")}`);
    // node01 runs a CoreDNS replica, so the least-allocated score sends blue to node02.
    expect(await out(ws, "kubectl get pod blue -o jsonpath='{.spec.nodeName}'")).toBe("node02");

    expect(await out(ws, "kubectl taint node node02 app=blue:NoSchedule-")).toBe("node/node02 untainted\n");
    await shell(ws, "sleep 2");
    expect(await out(ws, "kubectl get pod plain -o jsonpath='{.spec.nodeName}'")).toBe("node02");
  });
});

describe("scenario 8: requests that fit on no node", () => {
  it("keeps the pod Pending on Insufficient cpu while describe node shows what the others asked for", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "a", container("a", cpu("1")));
    await applyPod(ws, "b", container("b", `${cpu("1")}        memory: 256Mi\n`));
    await applyPod(ws, "big", container("big", cpu("1500m")));
    expect(await out(ws, "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName")).toBe("NAME   NODE\na      node02\nb      node01\nbig    <none>\n");
    expect(await events(ws, "big")).toEqual([`  Warning  FailedScheduling  0s    default-scheduler  ${INSUFFICIENT_CPU}`]);

    const node = await out(ws, "kubectl describe node node01");
    expect(node.slice(node.indexOf("Non-terminated Pods:"), node.indexOf("Events:"))).toBe(
      [
        "Non-terminated Pods:          (3 in total)",
        "  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
        "  ---------                   ----                        ------------  ----------  ---------------  -------------  ---",
        "  default                     b                           1 (50%)       0 (0%)      256Mi (6%)       0 (0%)         0s",
        "  kube-system                 coredns-5dbbd86ddd-nk8mv    100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     7d",
        "  kube-system                 kube-proxy-m9q4d            0 (0%)        0 (0%)      0 (0%)           0 (0%)         7d",
        "Allocated resources:",
        "  (Total limits may be over 100 percent, i.e., overcommitted.)",
        "  Resource           Requests     Limits",
        "  --------           --------     ------",
        "  cpu                1100m (55%)  0 (0%)",
        "  memory             326Mi (8%)   170Mi (4%)",
        "  ephemeral-storage  0 (0%)       0 (0%)",
        "  hugepages-1Gi      0 (0%)       0 (0%)",
        "  hugepages-2Mi      0 (0%)       0 (0%)",
        "",
      ].join("\n"),
    );

    await shell(ws, "kubectl delete pod a; sleep 5");
    expect(await out(ws, "kubectl get pod big -o jsonpath='{.spec.nodeName}'")).toBe("node02");
  });
});

describe("retries", () => {
  it("repeats the event every 5 minutes while nothing changes", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "big", container("big", cpu("3")));
    await shell(ws, "sleep 600");
    const tooBig = "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(await events(ws, "big")).toEqual([`  Warning  FailedScheduling  0s (x3 over 10m)  default-scheduler  ${tooBig}`]);
  });

  it("tries again after its back-off when a node changes, and reports the new reasons", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "web", `  nodeSelector:\n    disk: ssd\n${container("web", cpu("3"))}`);
    await shell(ws, "kubectl label node node01 disk=ssd; sleep 3");
    const now = "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(await events(ws, "web")).toEqual([`  Warning  FailedScheduling  3s    default-scheduler  ${NODE_SELECTOR_MISMATCH}`, `  Warning  FailedScheduling  2s    default-scheduler  ${now}`]);
    expect(await out(ws, "kubectl get pod web -o jsonpath='{.status.conditions[0].message}'")).toBe(now);
  });

  it("does not place a pod again before its back-off is over", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "web", `  nodeSelector:\n    disk: ssd\n${container("web")}`);
    await kubectlLine(ws, "label node node01 disk=ssd");
    expect(await out(ws, "kubectl get pod web -o jsonpath='{.spec.nodeName}'")).toBe("");
    ws.advance(1000);
    expect(await out(ws, "kubectl get pod web -o jsonpath='{.spec.nodeName}'")).toBe("node01");
  });
});

describe("pod affinity", () => {
  it("waits for the pod it must run beside, then joins it on its node", async () => {
    const ws = testWorkspace();
    const affinity = "  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: db\n        topologyKey: kubernetes.io/hostname\n";
    await applyPod(ws, "web", `${affinity}${container("web")}`);
    expect(await events(ws, "web")).toEqual([
      "  Warning  FailedScheduling  0s    default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
    await shell(ws, "kubectl run other --image=nginx; kubectl run db --image=nginx -l app=db; sleep 2");
    expect(await out(ws, "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.metadata.name")).toBe("NAME    NODE\ndb      node01\nother   node02\nweb     node01\n");
  });
});

describe("pods the scheduler leaves alone", () => {
  it("does not schedule a pod that names its node, so it has no Scheduled event", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "pinned", `  nodeName: node02\n${container("pinned")}`);
    expect((await events(ws, "pinned")).filter((r) => r.includes("default-scheduler"))).toEqual([]);
    expect(await out(ws, "kubectl get pod pinned -o jsonpath='{.spec.nodeName}'")).toBe("node02");
  });

  it("leaves pods with scheduling gates and pods for another scheduler Pending, without events", async () => {
    const ws = testWorkspace();
    await applyPod(ws, "gated", `  schedulingGates:\n  - name: example.com/wait\n${container("gated")}`);
    await applyPod(ws, "other", `  schedulerName: my-scheduler\n${container("other")}`);
    expect(await out(ws, "kubectl get pods")).toBe("NAME    READY   STATUS            RESTARTS   AGE\ngated   0/1     SchedulingGated   0          0s\nother   0/1     Pending           0          0s\n");
    expect([...(await events(ws, "gated")), ...(await events(ws, "other"))]).toEqual([]);
  });
});

it("places pods on a cordoned cluster only where nodes are schedulable", async () => {
  const ws = testWorkspace();
  await shell(ws, "kubectl cordon node01; kubectl cordon node02; kubectl run web --image=nginx");
  const cordoned = "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
  expect(await events(ws, "web")).toEqual([`  Warning  FailedScheduling  0s    default-scheduler  ${cordoned}`]);
  await shell(ws, "kubectl uncordon node02; sleep 2");
  expect(await out(ws, "kubectl get pod web -o jsonpath='{.spec.nodeName}'")).toBe("node02");
});

it("gives the same cluster for the same script", async () => {
  const script = "for i in 1 2 3 4 5; do kubectl run p$i --image=nginx; done; kubectl get pods -o wide; kubectl describe node node01";
  const [first, second] = await Promise.all([shell(testWorkspace(), script), shell(testWorkspace(), script)]);
  expect(first.stdout).toContain("p5");
  expect(second).toEqual(first);
});

it("decides the same after the workspace is saved and restored", async () => {
  const before = `kubectl run web --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'; kubectl run a --image=nginx; sleep 200`;
  const after = "sleep 200; kubectl delete pod a; kubectl label node node02 disk=ssd; sleep 3; kubectl describe pod web; kubectl get pods -o wide";
  const straight = testWorkspace();
  await shell(straight, before);
  const restoredFrom = testWorkspace();
  await shell(restoredFrom, before);
  const restored = Workspace.restore(restoredFrom.snapshot());
  const [a, b] = [await shell(straight, after), await shell(restored, after)];
  expect(a.stdout).toContain("Successfully assigned default/web to node02");
  expect(b).toEqual(a);
});
