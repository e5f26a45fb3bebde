import { expectGolden } from "../../testing";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { fakeContext } from "./test-support";

const NOW = "2026-01-27T10:00:00Z";

function service(spec: object, status: object = {}): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name: "bar", namespace: "foo" }, spec, status };
}

function slice(name: string, endpoints: { ip: string; ready?: boolean }[], ports: { name: string; port: number; protocol: string }[]): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name, namespace: "foo", labels: { "kubernetes.io/service-name": "bar" } },
    addressType: "IPv4",
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], ...(e.ready === undefined ? {} : { conditions: { ready: e.ready } }) })),
    ports,
  };
}

const lbSpec = (targetPort: number | string, extra: object = {}) => ({
  type: "LoadBalancer",
  ports: [{ name: "port-tcp", port: 8080, protocol: "TCP", targetPort, nodePort: 31111 }],
  selector: { blah: "heh" },
  clusterIP: "1.2.3.4",
  ipFamilies: ["IPv4"],
  loadBalancerIP: "5.6.7.8",
  sessionAffinity: "None",
  externalTrafficPolicy: "Local",
  healthCheckNodePort: 32222,
  ...extra,
});

const header = (extra: string[]) =>
  ["Name:                     bar", "Namespace:                foo", "Labels:                   <none>", "Annotations:              <none>", "Selector:                 blah=heh", "Type:                     LoadBalancer", ...extra];

// kubectl's TestDescribeService cases, expected output verbatim.
describe("describe service (kubectl's own cases)", () => {
  it.each([
    {
      name: "test1",
      svc: service(lbSpec(9527, { internalTrafficPolicy: "Cluster", trafficDistribution: "PreferClose" }), { loadBalancer: { ingress: [{ ip: "5.6.7.8", ipMode: "VIP" }] } }),
      slices: [slice("bar-abcde", [{ ip: "10.244.0.1", ready: true }, { ip: "10.244.0.2", ready: true }, { ip: "10.244.0.3", ready: true }], [{ name: "port-tcp", port: 9527, protocol: "TCP" }])],
      lines: [
        "IP Families:              IPv4",
        "IP:                       1.2.3.4",
        "IPs:                      <none>",
        "Desired LoadBalancer IP:  5.6.7.8",
        "LoadBalancer Ingress:     5.6.7.8 (VIP)",
        "Port:                     port-tcp  8080/TCP",
        "TargetPort:               9527/TCP",
        "NodePort:                 port-tcp  31111/TCP",
        "Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527",
        "Session Affinity:         None",
        "External Traffic Policy:  Local",
        "Internal Traffic Policy:  Cluster",
        "HealthCheck NodePort:     32222",
        "Traffic Distribution:     PreferClose",
      ],
    },
    {
      name: "test2",
      svc: service(lbSpec("targetPort", { internalTrafficPolicy: "Local" }), { loadBalancer: { ingress: [{ ip: "5.6.7.8" }] } }),
      slices: [
        slice("bar-12345", [{ ip: "10.244.0.1", ready: true }, { ip: "10.244.0.2", ready: true }], [{ name: "port-tcp", port: 9527, protocol: "UDP" }]),
        slice("bar-54321", [{ ip: "10.244.0.3", ready: false }, { ip: "10.244.0.4", ready: true }, { ip: "10.244.0.5", ready: true }], [{ name: "port-tcp", port: 9527, protocol: "UDP" }]),
      ],
      lines: [
        "IP Families:              IPv4",
        "IP:                       1.2.3.4",
        "IPs:                      <none>",
        "Desired LoadBalancer IP:  5.6.7.8",
        "LoadBalancer Ingress:     5.6.7.8",
        "Port:                     port-tcp  8080/TCP",
        "TargetPort:               targetPort/TCP",
        "NodePort:                 port-tcp  31111/TCP",
        "Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...",
        "Session Affinity:         None",
        "External Traffic Policy:  Local",
        "Internal Traffic Policy:  Local",
        "HealthCheck NodePort:     32222",
      ],
    },
    {
      name: "test-ready-field-empty",
      svc: service(lbSpec(9527, { internalTrafficPolicy: "Cluster" })),
      slices: [slice("bar-abcdef", [{ ip: "10.244.0.1" }], [{ name: "port-tcp", port: 9527, protocol: "TCP" }])],
      lines: [
        "IP Families:              IPv4",
        "IP:                       1.2.3.4",
        "IPs:                      <none>",
        "Desired LoadBalancer IP:  5.6.7.8",
        "Port:                     port-tcp  8080/TCP",
        "TargetPort:               9527/TCP",
        "NodePort:                 port-tcp  31111/TCP",
        "Endpoints:                10.244.0.1:9527",
        "Session Affinity:         None",
        "External Traffic Policy:  Local",
        "Internal Traffic Policy:  Cluster",
        "HealthCheck NodePort:     32222",
      ],
    },
    {
      name: "test-ServiceIPFamilyPolicy+ClusterIPs",
      svc: service(lbSpec("targetPort", { ipFamilyPolicy: "SingleStack", clusterIPs: ["1.2.3.4"], selector: { blah: "heh" } })),
      slices: [],
      lines: [
        "IP Family Policy:         SingleStack",
        "IP Families:              IPv4",
        "IP:                       1.2.3.4",
        "IPs:                      1.2.3.4",
        "Desired LoadBalancer IP:  5.6.7.8",
        "Port:                     port-tcp  8080/TCP",
        "TargetPort:               targetPort/TCP",
        "NodePort:                 port-tcp  31111/TCP",
        // kubectl's fake client has no slices and the selected pods do not exist here either.
        "Endpoints:                ",
        "Session Affinity:         None",
        "External Traffic Policy:  Local",
        "HealthCheck NodePort:     32222",
      ],
    },
  ])("$name", ({ svc, slices, lines }) => {
    expect(describeObject(svc, fakeContext(NOW, slices))).toBe([...header(lines), "Events:                   <none>", ""].join("\n"));
  });
});

function nginxPod(name: string, ip: string, ready: boolean, labels = { app: "nginx" }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ name: "web", containerPort: 80, protocol: "TCP" }] }] },
    status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}

const exposed: KubeObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } },
  spec: {
    type: "ClusterIP",
    selector: { app: "nginx" },
    ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
    clusterIP: "10.99.40.242",
    clusterIPs: ["10.99.40.242"],
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    sessionAffinity: "None",
    internalTrafficPolicy: "Cluster",
  },
  status: { loadBalancer: {} },
};

describe("describe service (endpoints from the selected pods)", () => {
  it("prints `kubectl expose deployment nginx --port=80` with its one ready pod (real output)", async () => {
    const pods = [nginxPod("nginx-7854ff8877-abcde", "10.244.120.81", true), nginxPod("nginx-7854ff8877-fghij", "10.244.120.82", false), nginxPod("other", "10.244.120.83", true, { app: "other" } as { app: string })];
    await expectGolden("service.txt", describeObject(exposed, fakeContext(NOW, pods)));
  });

  it("resolves named target ports and leaves Endpoints empty when no pod is ready", () => {
    const named = { ...exposed, spec: { ...(exposed.spec as object), ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }] } };
    expect(describeObject(named, fakeContext(NOW, [nginxPod("a", "10.0.0.1", true)]))).toContain("Port:                     http  80/TCP\nTargetPort:               web/TCP\nEndpoints:                10.0.0.1:80\n");
    expect(describeObject(exposed, fakeContext(NOW, [nginxPod("a", "10.0.0.1", false)]))).toContain("Endpoints:                \n");
  });

  it("prints <none> for a service without a selector", () => {
    const manual = { ...exposed, spec: { ...(exposed.spec as object), selector: undefined } };
    const out = describeObject(manual, fakeContext(NOW, [nginxPod("a", "10.0.0.1", true)]));
    expect(out).toContain("Selector:                 <none>\n");
    expect(out).toContain("Endpoints:                <none>\n");
  });

  it("counts endpoints past the third, not-ready ones included once the list is full", () => {
    const pods = ["a", "b", "c", "d", "e"].map((n, i) => nginxPod(n, `10.0.0.${i + 1}`, n !== "e"));
    expect(describeObject(exposed, fakeContext(NOW, pods))).toContain("Endpoints:                10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...\n");
  });
});
