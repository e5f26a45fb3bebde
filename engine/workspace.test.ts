/**
 * End-to-end through the learner's shell: what a learner types and exactly what kubectl
 * prints for it.
 */
import { describe, expect, it } from "vitest";
import { shell, TEST_START, testWorkspace } from "./testing";
import { Workspace } from "./workspace";

describe("the learner's first commands", () => {
  it("runs a pod and reads its image back with jsonpath", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, `kubectl run nginx --image=nginx:1.14.2 && kubectl get pod nginx -o jsonpath="{.spec.containers[0].image}"`);
    expect(r).toEqual({ stdout: "pod/nginx created\nnginx:1.14.2", stderr: "", status: 0 });
  });

  it("prints the dry-run manifest kubectl 1.35 prints", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "kubectl run nginx --image=nginx --dry-run=client -o yaml");
    expect(r.stdout).toBe(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n",
    );
    expect(r.status).toBe(0);
  });

  it("k is an alias of kubectl, as on a CKA node", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "k get nodes -o name");
    expect(r.stdout).toBe("node/controlplane\nnode/node01\nnode/node02\n");
  });
});

describe("snapshots", () => {
  it("restore gives back the same pods, files and time", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl run web --image=nginx && echo hello > /root/note.txt && sleep 30");
    const copy = Workspace.restore(JSON.parse(JSON.stringify(ws.snapshot())));
    expect(copy.now()).toBe(ws.now());
    expect((await shell(copy, "cat /root/note.txt")).stdout).toBe("hello\n");
    expect((await shell(copy, "kubectl get pods")).stdout).toBe((await shell(ws, "kubectl get pods")).stdout);
  });

  it("a view serialises as a copy does, and shares the live values a copy copies", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl run web --image=nginx && cd /tmp && echo hello > note.txt && sleep 30");
    expect(JSON.stringify(ws.snapshot({ view: true }))).toBe(JSON.stringify(ws.snapshot()));
    expect(ws.snapshot({ view: true }).shell).toBe(ws.snapshot({ view: true }).shell);
    expect(ws.snapshot().shell).not.toBe(ws.snapshot().shell);
  });

  it("is deterministic: the same script and seed give the same bytes", async () => {
    const script = "kubectl run a --image=nginx\nkubectl create deployment d --image=nginx\nsleep 5\nkubectl get pods -o yaml";
    const one = testWorkspace(42);
    const two = testWorkspace(42);
    expect((await shell(one, script)).stdout).toBe((await shell(two, script)).stdout);
    expect(JSON.stringify(one.snapshot())).toBe(JSON.stringify(two.snapshot()));
  });
});

describe("node names", () => {
  it("takes any valid node name, even one an Object has a method of", async () => {
    const node = (name: string, controlPlane: boolean, ip: string) => ({ name, controlPlane, ip, cpu: "2", memory: "2Gi", pods: 110 });
    const ws = Workspace.create({ startTime: TEST_START, seed: 1, clusters: [{ name: "k", version: "v1.34.1", nodes: [node("cp", true, "10.0.0.2"), node("constructor", false, "10.0.0.3")] }] });
    await shell(ws, "kubectl run web --image=nginx:1.27 && sleep 30");
    expect((await shell(ws, "kubectl get pod web -o jsonpath='{.spec.nodeName} {.status.phase}'")).stdout).toBe("constructor Running");
    const copy = Workspace.restore(JSON.parse(JSON.stringify(ws.snapshot())));
    expect((await shell(copy, "kubectl get pod web -o jsonpath='{.status.phase}'")).stdout).toBe("Running");
  });
});
