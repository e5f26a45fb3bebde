/**
 * `kubectl version` and `kubectl cluster-info` against a fresh kubeadm-shaped cluster:
 * texts from pkg/cmd/version and pkg/cmd/clusterinfo, layouts from real captures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import { kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "version", name), "utf8");

/** What `kubeadm upgrade apply` leaves behind: the apiserver static pod on a new image. */
function setApiserverImage(ws: Workspace, image: string): void {
  const api = ws.cluster("kubernetes")?.api;
  const pods = resourceForKind("Pod");
  if (!api || !pods) throw new Error("no cluster");
  const pod = api.store.get("pods", "kube-system", "kube-apiserver-controlplane") as KubeObject;
  const spec = pod.spec as { containers: { image: string }[] };
  const r = api.update(pods, "kube-system", { ...pod, spec: { ...spec, containers: [{ ...spec.containers[0], image }] } });
  if (!r.ok) throw new Error(r.error.message);
}

describe("kubectl version", () => {
  it.each([
    ["version", "Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n"],
    ["version --client", "Client Version: v1.35.0\nKustomize Version: v5.7.1\n"],
    ["version -o short", "v1.35.0\nv1.35.0\n"],
    ["version -o yaml", golden("version.yaml")],
    ["version -o json", golden("version.json")],
    ["version --client -o yaml", golden("version.yaml").replace(/serverVersion:[\s\S]*$/, "\n")],
  ])("%s", async (line, stdout) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("reports the version of the control plane's apiserver", async () => {
    const ws = testWorkspace();
    setApiserverImage(ws, "registry.k8s.io/kube-apiserver:v1.34.3");
    expect((await kubectlLine(ws, "version")).stdout).toBe("Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.34.3\n");
  });

  it("warns when client and server are more than one minor version apart", async () => {
    const ws = testWorkspace();
    setApiserverImage(ws, "registry.k8s.io/kube-apiserver:v1.32.1");
    expect(await kubectlLine(ws, "version")).toEqual({
      stdout: "Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.32.1\n",
      stderr: "Warning: version difference between client (1.35) and server (1.32) exceeds the supported minor version skew of +/-1\n",
      status: 0,
    });
  });

  it.each([
    ["version -o xml", "error: --output must be 'yaml', 'json', or 'short'\n"],
    ["version now", "error: extra arguments: [now]\n"],
    ["version --short", "error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n"],
  ])("%s fails as kubectl does", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});

describe("kubectl cluster-info", () => {
  const tail = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";

  it("names the control plane from the kubeconfig and the cluster services of kube-system", async () => {
    expect(await kubectlLine(testWorkspace(), "cluster-info")).toEqual({
      stdout:
        "Kubernetes control plane is running at https://172.30.1.2:6443\n" +
        "CoreDNS is running at https://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n" +
        tail,
      stderr: "",
      status: 0,
    });
  });

  it("looks in the namespace -n names instead", async () => {
    expect((await kubectlLine(testWorkspace(), "cluster-info -n default")).stdout).toBe("Kubernetes control plane is running at https://172.30.1.2:6443\n" + tail);
  });

  it("guesses https from a port named https and uses the service name without a display label", async () => {
    const ws = testWorkspace();
    const services = resourceForKind("Service");
    const api = ws.cluster("kubernetes")?.api;
    if (!services || !api) throw new Error("no cluster");
    api.create(services, "kube-system", {
      metadata: { name: "metrics-server", labels: { "kubernetes.io/cluster-service": "true" } },
      spec: { ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 4443 }], selector: { k8s: "metrics-server" } },
    });
    expect((await kubectlLine(ws, "cluster-info")).stdout).toContain("metrics-server is running at https://172.30.1.2:6443/api/v1/namespaces/kube-system/services/https:metrics-server:https/proxy\n");
  });

  it("says dump is not available here yet", async () => {
    expect(await kubectlLine(testWorkspace(), "cluster-info dump")).toEqual({ stdout: "", stderr: 'error: "kubectl cluster-info dump" is not available in this simulated cluster yet\n', status: 1 });
  });
});
