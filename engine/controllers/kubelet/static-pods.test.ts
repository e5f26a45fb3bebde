import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import { KubeletScenario } from "./testing/scenario";
import { shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const MANIFEST = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels: {role: myrole}
spec:
  containers:
  - name: web
    image: ${image}
    ports: [{name: web, containerPort: 80, protocol: TCP}]
`;

function scenario(): { s: KubeletScenario; runtime: FakeRuntime } {
  const runtime = new FakeRuntime();
  runtime.preload("node01", "nginx:1.27");
  runtime.preload("node01", "nginx:1.28");
  const s = new KubeletScenario(runtime);
  runtime.calls.length = 0;
  return { s, runtime };
}

const write = (s: KubeletScenario, node: string, file: string, text: string) => s.hosts.get(node)?.writeFile(`/etc/kubernetes/manifests/${file}`, text);
const remove = (s: KubeletScenario, node: string, file: string) => s.hosts.get(node)?.remove(`/etc/kubernetes/manifests/${file}`);

describe("static pods from /etc/kubernetes/manifests", () => {
  it("run as a mirror pod named <name>-<node>, owned by the node", async () => {
    const { s } = scenario();
    write(s, "node01", "static-web.yaml", MANIFEST("nginx:1.27"));
    s.advance(2000);
    expect(await s.row("static-web-node01")).toBe("static-web-node01   1/1     Running   0          2s");
    const meta = s.pod("static-web-node01")?.metadata as { annotations: Record<string, string>; ownerReferences: unknown[]; labels: Record<string, string> };
    expect(meta.annotations["kubernetes.io/config.source"]).toBe("file");
    expect(meta.annotations["kubernetes.io/config.hash"]).toMatch(/^[0-9a-f]{32}$/);
    expect(meta.annotations["kubernetes.io/config.mirror"]).toBe(meta.annotations["kubernetes.io/config.hash"]);
    expect(meta.annotations["kubernetes.io/config.seen"]).toBe("2026-01-27T10:00:00Z");
    expect(meta.labels).toEqual({ role: "myrole" });
    const node = s.api.store.get("nodes", undefined, "node01");
    expect(meta.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Node", name: "node01", uid: node?.metadata.uid, controller: true }]);
    expect(await s.jsonpath("static-web-node01", "{.spec.nodeName} {.spec.tolerations[*].effect}")).toMatch(/^node01 .*NoExecute/);
  });

  it("come back at once when the mirror pod is deleted, with the same running container", async () => {
    const { s, runtime } = scenario();
    write(s, "node01", "static-web.yaml", MANIFEST("nginx:1.27"));
    s.advance(60_000);
    const before = s.pod("static-web-node01")?.metadata as { uid: string };
    const containerID = await s.jsonpath("static-web-node01", "{.status.containerStatuses[0].containerID}");
    expect((await s.kubectl("delete pod static-web-node01")).stdout).toBe('pod "static-web-node01" deleted from default namespace\n');
    const after = s.pod("static-web-node01")?.metadata as { uid: string };
    expect(after.uid).not.toBe(before.uid);
    expect(await s.row("static-web-node01")).toBe("static-web-node01   1/1     Running   0          1s");
    expect(await s.jsonpath("static-web-node01", "{.status.containerStatuses[0].containerID}")).toBe(containerID);
    expect(runtime.calls.filter((c) => /^(start|TERM|KILL)/.test(c))).toEqual(["start web"]);
  });

  it("are replaced when their file changes, and stopped when it goes", async () => {
    const { s, runtime } = scenario();
    write(s, "node01", "static-web.yaml", MANIFEST("nginx:1.27"));
    s.advance(5000);
    const firstHash = (s.pod("static-web-node01")?.metadata as { annotations: Record<string, string> }).annotations["kubernetes.io/config.hash"];
    write(s, "node01", "static-web.yaml", MANIFEST("nginx:1.28"));
    s.advance(3000);
    const meta = s.pod("static-web-node01")?.metadata as { annotations: Record<string, string> };
    expect(meta.annotations["kubernetes.io/config.hash"]).not.toBe(firstHash);
    expect(await s.jsonpath("static-web-node01", "{.spec.containers[0].image} {.status.phase}")).toBe("nginx:1.28 Running");
    remove(s, "node01", "static-web.yaml");
    s.advance(1000);
    expect(s.pod("static-web-node01")).toBeUndefined();
    expect(runtime.calls.filter((c) => /^(start|TERM)/.test(c))).toEqual(["start web", "TERM web", "start web", "TERM web"]);
  });

  it("ignore hidden files and files that are not a Pod, and name the pod after its own node", async () => {
    const { s } = scenario();
    write(s, "node01", ".static-web.yaml.swp", MANIFEST("nginx:1.27"));
    write(s, "node01", "broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n");
    write(s, "node01", "service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: svc}\n");
    write(s, "node02", "static-web.json", JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "static-web", namespace: "kube-system" }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } }));
    s.advance(3000);
    const mirrors = s.api.store.list("pods").filter((p) => p.metadata.annotations?.["kubernetes.io/config.mirror"]);
    expect(mirrors.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(["kube-system/static-web-node02"]);
  });

  it("leave the cluster's own control-plane pods alone while no file speaks for them", async () => {
    const { s } = scenario();
    s.advance(5000);
    expect(await s.row("kube-apiserver-controlplane", "kube-system")).toBe("kube-apiserver-controlplane   1/1     Running   0          24h");
  });
});

describe("the control-plane static pods' probes", () => {
  const probesOf = async (ws: Workspace, pod: string) => (await shell(ws, `kubectl describe pod -n kube-system ${pod} | grep -E '^ +(Liveness|Readiness|Startup):'`)).stdout;

  it("are kubeadm's, shown by describe, and answered so every pod stays Ready", async () => {
    const ws = testWorkspace();
    expect(await probesOf(ws, "kube-apiserver-controlplane")).toBe(
      "    Liveness:     http-get https://172.30.1.2:6443/livez delay=10s timeout=15s period=10s #success=1 #failure=8\n" +
        "    Readiness:    http-get https://172.30.1.2:6443/readyz delay=0s timeout=15s period=1s #success=1 #failure=3\n" +
        "    Startup:      http-get https://172.30.1.2:6443/livez delay=10s timeout=15s period=10s #success=1 #failure=24\n",
    );
    expect(await probesOf(ws, "etcd-controlplane")).toBe(
      "    Liveness:     http-get http://127.0.0.1:2381/livez delay=10s timeout=15s period=10s #success=1 #failure=8\n" +
        "    Readiness:    http-get http://127.0.0.1:2381/readyz delay=0s timeout=15s period=1s #success=1 #failure=3\n" +
        "    Startup:      http-get http://127.0.0.1:2381/readyz delay=10s timeout=15s period=10s #success=1 #failure=24\n",
    );
    expect(await probesOf(ws, "kube-controller-manager-controlplane")).toBe(
      "    Liveness:     http-get https://127.0.0.1:10257/healthz delay=10s timeout=15s period=10s #success=1 #failure=8\n" +
        "    Startup:      http-get https://127.0.0.1:10257/healthz delay=10s timeout=15s period=10s #success=1 #failure=24\n",
    );
    expect(await probesOf(ws, "kube-scheduler-controlplane")).toBe(
      "    Liveness:     http-get https://127.0.0.1:10259/healthz delay=10s timeout=15s period=10s #success=1 #failure=8\n" +
        "    Startup:      http-get https://127.0.0.1:10259/healthz delay=10s timeout=15s period=10s #success=1 #failure=24\n",
    );
    await shell(ws, "sleep 3600");
    expect((await shell(ws, "kubectl get pods -n kube-system -l tier=control-plane --no-headers -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready,RESTARTS:.status.containerStatuses[0].restartCount")).stdout).toBe(
      "etcd-controlplane                      true   0\n" +
        "kube-apiserver-controlplane            true   0\n" +
        "kube-controller-manager-controlplane   true   0\n" +
        "kube-scheduler-controlplane            true   0\n",
    );
  });

  it("are written into the manifests as kubeadm writes them", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "grep -A 8 readinessProbe /etc/kubernetes/manifests/kube-apiserver.yaml");
    expect(r.stdout).toBe("    readinessProbe:\n      failureThreshold: 3\n      httpGet:\n        host: 172.30.1.2\n        path: /readyz\n        port: 6443\n        scheme: HTTPS\n      periodSeconds: 1\n      timeoutSeconds: 15\n");
  });

  it("fail, and restart the component, when the manifest points a probe at the wrong port", async () => {
    const ws = testWorkspace();
    await shell(ws, "sed -i 's/port: 10259/port: 10258/' /etc/kubernetes/manifests/kube-scheduler.yaml; sleep 120");
    const events = await shell(ws, "kubectl get events -n kube-system --field-selector reason=Unhealthy -o custom-columns=MESSAGE:.message --no-headers | sort -u");
    expect(events.stdout).toBe('Startup probe failed: Get "https://127.0.0.1:10258/healthz": dial tcp 127.0.0.1:10258: connect: connection refused\n');
  });
});
