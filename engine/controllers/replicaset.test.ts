import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/object";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";
import { deletionOrder } from "./pod-control";

const NOW = Date.UTC(2026, 0, 27, 10, 0, 0);
const at = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");

function pod(name: string, o: { node?: string; phase?: string; readySince?: number; restarts?: number; createdAgo?: number; cost?: string }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, uid: name, creationTimestamp: at(o.createdAgo ?? 100), ...(o.cost ? { annotations: { "controller.kubernetes.io/pod-deletion-cost": o.cost } } : {}) },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? "Running",
      conditions: o.readySince === undefined ? [] : [{ type: "Ready", status: "True", lastTransitionTime: at(o.readySince) }],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  };
}

describe("the order pods are deleted in (controller_utils.go ActivePodsWithRanks)", () => {
  it.each<[string, KubeObject, KubeObject]>([
    ["unscheduled before scheduled", pod("a", { phase: "Pending" }), pod("b", { node: "n1", phase: "Pending" })],
    ["pending before running", pod("a", { node: "n1", phase: "Pending" }), pod("b", { node: "n1", readySince: 50 })],
    ["not ready before ready", pod("a", { node: "n1" }), pod("b", { node: "n1", readySince: 50 })],
    ["lower deletion cost first", pod("a", { node: "n1", readySince: 50, cost: "-5" }), pod("b", { node: "n1", readySince: 50 })],
    ["ready for less time first (log scale)", pod("a", { node: "n1", readySince: 10 }), pod("b", { node: "n1", readySince: 3000 })],
    ["more restarts first", pod("a", { node: "n1", readySince: 50, restarts: 3 }), pod("b", { node: "n1", readySince: 50 })],
    ["newer before older", pod("a", { node: "n1", readySince: 50, createdAgo: 60 }), pod("b", { node: "n1", readySince: 50, createdAgo: 6000 })],
  ])("%s", (_name, first, second) => {
    const order = deletionOrder(NOW);
    expect([second, first].sort(order).map((p) => p.metadata.name)).toEqual(["a", "b"]);
  });

  it("prefers pods sharing a node with more of their siblings", () => {
    const order = deletionOrder(NOW, (p) => (p.spec as { nodeName: string }).nodeName === "crowded" ? 3 : 1);
    expect([pod("b", { node: "alone", readySince: 50 }), pod("a", { node: "crowded", readySince: 50 })].sort(order).map((p) => p.metadata.name)).toEqual(["a", "b"]);
  });
});

const RS_YAML = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend}
spec:
  replicas: 3
  selector: {matchLabels: {tier: frontend}}
  template:
    metadata: {labels: {tier: frontend}}
    spec:
      containers: [{name: php, image: "nginx:1.14.2"}]
EOF`;

async function names(ws: Workspace): Promise<string[]> {
  return (await kubectlArgs(ws, ["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"])).stdout.split(" ").filter(Boolean);
}

describe("the ReplicaSet controller", () => {
  it("creates pods <replicaset>-<5 chars> with a controller reference and reports its counts", async () => {
    const ws = testWorkspace();
    await shell(ws, RS_YAML);
    ws.advance(20_000);
    const pods = await names(ws);
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const ref = await kubectlArgs(ws, ["get", "pod", pods[0], "-o", "jsonpath={.metadata.ownerReferences[0]}"]);
    expect(JSON.parse(ref.stdout)).toMatchObject({ apiVersion: "apps/v1", kind: "ReplicaSet", name: "frontend", controller: true, blockOwnerDeletion: true });
    const status = await kubectlArgs(ws, ["get", "rs", "frontend", "-o", "jsonpath={.status.replicas} {.status.fullyLabeledReplicas} {.status.readyReplicas} {.status.availableReplicas} {.status.terminatingReplicas} {.status.observedGeneration}"]);
    expect(status.stdout).toBe("3 3 3 3 0 1");
    expect((await kubectlLine(ws, "get rs frontend")).stdout).toBe("NAME       DESIRED   CURRENT   READY   AGE\nfrontend   3         3         3       20s\n");
  });

  it("adopts a matching orphan pod instead of creating one", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run orphan --image=nginx --labels=tier=frontend");
    await shell(ws, RS_YAML);
    ws.advance(5_000);
    const pods = await names(ws);
    expect(pods).toContain("orphan");
    expect(pods).toHaveLength(3);
    expect((await kubectlArgs(ws, ["get", "pod", "orphan", "-o", "jsonpath={.metadata.ownerReferences[0].name}"])).stdout).toBe("frontend");
  });

  it("replaces a deleted pod and deletes surplus pods when scaled down", async () => {
    const ws = testWorkspace();
    await shell(ws, RS_YAML);
    ws.advance(5_000);
    const [first] = await names(ws);
    await kubectlLine(ws, `delete pod ${first}`);
    ws.advance(5_000);
    expect(await names(ws)).toHaveLength(3);
    expect(await names(ws)).not.toContain(first);
    await kubectlLine(ws, "scale rs frontend --replicas=1");
    ws.advance(40_000);
    expect(await names(ws)).toHaveLength(1);
    const events = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.source.component=="replicaset-controller")]}{.reason}{"\\n"}{end}']);
    expect(events.stdout.split("\n").filter(Boolean).sort()).toEqual(["SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulDelete", "SuccessfulDelete"]);
  });

  it("reports a pod creation the API server refuses as ReplicaFailure, FailedCreate", async () => {
    const ws = testWorkspace();
    await shell(ws, RS_YAML.replace("containers:", "serviceAccountName: missing\n      containers:"));
    ws.advance(1_000);
    expect(await names(ws)).toEqual([]);
    const status = await kubectlArgs(ws, ["get", "rs", "frontend", "-o", 'jsonpath={.status.conditions[0].type} {.status.conditions[0].reason}']);
    expect(status.stdout).toBe("ReplicaFailure FailedCreate");
    const event = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={.items[0].reason}: {.items[0].message}']);
    expect(event.stdout).toMatch(/^FailedCreate: Error creating: pods "frontend-.*" is forbidden: error looking up service account default\/missing: serviceaccount "missing" not found$/);
  });
});
