import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

async function out(ws: Workspace, line: string): Promise<string> {
  const r = await shell(ws, line);
  expect(r.stderr).toBe("");
  return r.stdout;
}

const boundTo = (name: string, node: string, finalizer = "") =>
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${finalizer ? `  finalizers:\n  - ${finalizer}\n` : ""}spec:\n  nodeName: ${node}\n  containers:\n  - name: app\n    image: nginx\nEOF`;

describe("PodGC", () => {
  // The workspace starts on a loop instant: the node goes into quarantine at once and is found gone 40 s later.
  it("force-deletes a pod bound to a node that does not exist once the node's quarantine is over", async () => {
    const ws = testWorkspace();
    await out(ws, boundTo("lost", "node09"));
    await shell(ws, "sleep 39");
    expect(await out(ws, "kubectl get pod lost --no-headers")).toBe("lost   0/1   Pending   0     39s\n");
    await shell(ws, "sleep 1");
    expect(await shell(ws, "kubectl get pod lost")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "lost" not found\n', status: 1 });
    expect((await shell(ws, "kubectl get events --field-selector involvedObject.name=lost -o name")).stdout).toBe("");
  });

  it("marks the pod Failed with a DisruptionTarget condition before the delete", async () => {
    const ws = testWorkspace();
    await out(ws, `${boundTo("kept", "node09", "example.com/keep")}\nsleep 40`);
    expect(await out(ws, "kubectl get pod kept --no-headers")).toBe("kept   0/1   Failed   0     40s\n");
    const disruption = `{.status.conditions[?(@.type=="DisruptionTarget")]}`;
    expect(await out(ws, `kubectl get pod kept -o jsonpath='${disruption}'`)).toBe(
      '{"lastProbeTime":null,"lastTransitionTime":"2026-01-27T10:00:40Z","message":"PodGC: node no longer exists","observedGeneration":1,"reason":"DeletionByPodGC","status":"True","type":"DisruptionTarget"}',
    );
    expect(await out(ws, "kubectl get pod kept -o jsonpath='{.metadata.deletionTimestamp} {.metadata.deletionGracePeriodSeconds}'")).toBe("2026-01-27T10:00:40Z 0");
  });

  it("waits for the next loop to quarantine a pod that came between two", async () => {
    const ws = testWorkspace();
    await out(ws, `sleep 5\n${boundTo("lost", "node09")}\nsleep 54`);
    expect(await out(ws, "kubectl get pod lost -o name")).toBe("pod/lost\n");
    await shell(ws, "sleep 1");
    expect((await shell(ws, "kubectl get pod lost")).status).toBe(1);
  });

  it("collects the pods of a node deleted from the cluster and leaves other nodes' pods alone", async () => {
    const ws = testWorkspace();
    await out(ws, `${boundTo("stays", "node01")}\n${boundTo("goes", "node02")}\nsleep 20`);
    await out(ws, "kubectl delete node node02; sleep 39");
    expect(await out(ws, "kubectl get pods -o name")).toBe("pod/goes\npod/stays\n");
    await shell(ws, "sleep 1");
    expect(await out(ws, "kubectl get pods --no-headers")).toBe("stays   1/1   Running   0     60s\n");
  });
});
