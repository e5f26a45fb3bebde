import { describe, expect, it } from "vitest";
import { kubectlLine, shell, testWorkspace } from "../../testing";
import { Workspace } from "../../workspace";

const SCRIPT = `cat <<'MANIFEST' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers: [{name: app, image: "busybox:1.36", command: [sh, -c, "echo starting; sleep 3; exit 1"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: probed}
spec:
  initContainers: [{name: init, image: "busybox:1.36", command: [sh, -c, "sleep 2"]}]
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}
    livenessProbe: {exec: {command: [cat, /missing]}, initialDelaySeconds: 10, periodSeconds: 5}
MANIFEST
sleep 45
kubectl get pods
kubectl delete pod probed --wait=false
sleep 2
kubectl get pods -o wide
kubectl describe pod crash`;

async function transcript(ws: Workspace): Promise<string> {
  const r = await shell(ws, SCRIPT);
  return r.stdout + r.stderr;
}

describe("determinism", () => {
  it("the same script twice prints the same bytes and leaves the same cluster", async () => {
    const a = testWorkspace();
    const b = testWorkspace();
    const first = await transcript(a);
    expect(first).toContain("CrashLoopBackOff");
    expect(await transcript(b)).toBe(first);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });

  it("a restored snapshot goes on exactly as the original (back-off, probes and pulls are remembered)", async () => {
    const a = testWorkspace();
    await transcript(a);
    const b = Workspace.restore(structuredClone(a.snapshot()));
    a.advance(90_000);
    b.advance(90_000);
    const view = async (ws: Workspace) => (await kubectlLine(ws, "get pods -o wide")).stdout + (await kubectlLine(ws, "describe pod crash")).stdout;
    expect(await view(b)).toBe(await view(a));
  });
});
