import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

const WARNING = "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

/** Two web pods pinned to node01 and node02 (the second never ready) and a Service in front. */
const SETUP = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web-a, labels: {app: web}}
spec:
  nodeName: node01
  containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 80}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-b, labels: {app: web}}
spec:
  nodeName: node02
  containers:
  - name: web
    image: nginx
    ports: [{name: http, containerPort: 80}]
    readinessProbe: {httpGet: {path: /missing, port: 80}}
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {tier: front}}
spec:
  selector: {app: web}
  ports: [{port: 8080, targetPort: http}]
EOF
sleep 10`;

async function run(ws: Workspace, line: string): Promise<{ stdout: string; stderr: string }> {
  const r = await shell(ws, line);
  return { stdout: r.stdout, stderr: r.stderr };
}

describe("Endpoints", () => {
  it("list the ready pods of each Service, with the API server's deprecation warning", async () => {
    const ws = testWorkspace();
    await shell(ws, SETUP);
    expect(await run(ws, "kubectl get ep")).toEqual({
      stdout: "NAME         ENDPOINTS         AGE\nkubernetes   172.30.1.2:6443   7d\nweb          10.244.1.3:80     10s\n",
      stderr: WARNING,
    });
    expect(await run(ws, "kubectl get endpoints -n kube-system")).toEqual({
      stdout: "NAME       ENDPOINTS                                               AGE\nkube-dns   10.244.0.2:53,10.244.1.2:53,10.244.0.2:53 + 3 more...   7d\n",
      stderr: WARNING,
    });
  });

  it("are described with their ready and not-ready addresses", async () => {
    const ws = testWorkspace();
    await shell(ws, SETUP);
    const r = await run(ws, "kubectl describe ep web");
    expect(r.stderr).toBe(WARNING);
    expect(r.stdout).toBe(
      [
        "Name:         web",
        "Namespace:    default",
        "Labels:       tier=front",
        "Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-27T10:00:00Z",
        "Subsets:",
        "  Addresses:          10.244.1.3",
        "  NotReadyAddresses:  10.244.2.2",
        "  Ports:",
        "    Name     Port  Protocol",
        "    ----     ----  --------",
        "    <unset>  80    TCP",
        "",
        "Events:  <none>",
        "",
      ].join("\n"),
    );
  });

  it("go with their Service; Endpoints written for a Service that does not exist stay", async () => {
    const ws = testWorkspace();
    await shell(ws, SETUP);
    await shell(ws, "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Endpoints\nmetadata: {name: external}\nsubsets: [{addresses: [{ip: 192.168.0.10}], ports: [{port: 5432}]}]\nEOF");
    await shell(ws, "kubectl delete svc web");
    expect((await run(ws, "kubectl get ep,endpointslices -o name")).stdout).toBe("endpoints/external\nendpoints/kubernetes\nendpointslice.discovery.k8s.io/kubernetes\n");
  });
});

describe("EndpointSlices", () => {
  it("hold every selected pod with its conditions, in a slice named after the Service", async () => {
    const ws = testWorkspace();
    await shell(ws, SETUP);
    const r = await run(ws, "kubectl get endpointslices");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^NAME {9}ADDRESSTYPE {3}PORTS {3}ENDPOINTS {15}AGE\nkubernetes {3}IPv4 {10}6443 {4}172\.30\.1\.2 {14}7d\nweb-[a-z0-9]{5} {4}IPv4 {10}80 {6}10\.244\.1\.3,10\.244\.2\.2 {3}10s\n$/);
    const described = (await run(ws, "kubectl describe endpointslices -l kubernetes.io/service-name=web")).stdout;
    expect(described.replace(/web-[a-z0-9]{5}/, "web-xxxxx")).toBe(
      [
        "Name:         web-xxxxx",
        "Namespace:    default",
        "Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io",
        "              kubernetes.io/service-name=web",
        "              tier=front",
        "Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-27T10:00:00Z",
        "AddressType:  IPv4",
        "Ports:",
        "  Name     Port  Protocol",
        "  ----     ----  --------",
        "  <unset>  80    TCP",
        "Endpoints:",
        "  - Addresses:  10.244.1.3",
        "    Conditions:",
        "      Ready:    true",
        "    Hostname:   <unset>",
        "    TargetRef:  Pod/web-a",
        "    NodeName:   node01",
        "    Zone:       <unset>",
        "  - Addresses:  10.244.2.2",
        "    Conditions:",
        "      Ready:    false",
        "    Hostname:   <unset>",
        "    TargetRef:  Pod/web-b",
        "    NodeName:   node02",
        "    Zone:       <unset>",
        "Events:         <none>",
        "",
      ].join("\n"),
    );
    const refs = "{.items[0].metadata.ownerReferences[0].kind}/{.items[0].metadata.ownerReferences[0].name} {.items[0].endpoints[1].conditions}";
    expect((await run(ws, `kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='${refs}'`)).stdout).toBe('Service/web {"ready":false,"serving":false,"terminating":false}');
  });

  it("keep one empty placeholder for a Service that selects no pod", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Service\nmetadata: {name: lonely}\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\nEOF");
    expect((await run(ws, "kubectl get endpointslices -l kubernetes.io/service-name=lonely --no-headers")).stdout).toMatch(/^lonely-[a-z0-9]{5} {3}IPv4 {3}<unset> {3}<unset> {3}0s\n$/);
    expect((await run(ws, "kubectl get ep lonely --no-headers")).stdout).toBe("lonely   <none>   0s\n");
  });
});
