/**
 * The day-one state of a kubeadm cluster as a CKA environment shows it: three nodes,
 * the four system namespaces, the control-plane static pods, kube-proxy on every node,
 * CoreDNS, and the `kubernetes` and `kube-dns` services.
 */
import type { ApiServer } from "./api/server";
import { timestamp } from "./api/object";
import { resourceForKind } from "./api/resources";
import { daemonPodSpec } from "./controllers/daemonset-nodes";
import { toYaml } from "./kubectl/printers/yaml";
import type { Vfs } from "./shell/vfs";
import { installNodeServices } from "./systemd/install";

export interface NodeShape {
  readonly name: string;
  readonly controlPlane: boolean;
  readonly ip: string;
  readonly cpu: string;
  readonly memory: string;
  readonly pods: number;
}

export interface ClusterShape {
  /** the kubeconfig cluster name */
  readonly name: string;
  /** the kubeconfig context name (default `kubernetes-admin@<name>`, as kubeadm writes it) */
  readonly context?: string;
  readonly version: string;
  readonly nodes: readonly NodeShape[];
}

export const DEFAULT_CLUSTER: ClusterShape = {
  name: "kubernetes",
  version: "v1.35.0",
  nodes: [
    { name: "controlplane", controlPlane: true, ip: "172.30.1.2", cpu: "2", memory: "4Gi", pods: 110 },
    { name: "node01", controlPlane: false, ip: "172.30.2.2", cpu: "2", memory: "4Gi", pods: 110 },
    { name: "node02", controlPlane: false, ip: "172.30.2.3", cpu: "2", memory: "4Gi", pods: 110 },
  ],
};

/** Gi → Ki as the kubelet reports capacity, and allocatable less the 100Mi eviction threshold. */
function memoryKi(memory: string): number {
  const m = /^(\d+)(Gi|Mi)$/.exec(memory);
  if (!m) return 4194304;
  return Number(m[1]) * (m[2] === "Gi" ? 1024 * 1024 : 1024);
}

function nodeObject(n: NodeShape, index: number, version: string, since: string) {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": n.name,
    "kubernetes.io/os": "linux",
    ...(n.controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
  };
  const ki = memoryKi(n.memory);
  const pressure = (type: string, reason: string, message: string) => ({ type, status: "False", reason, message, lastHeartbeatTime: since, lastTransitionTime: since });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: n.name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(n.controlPlane ? { taints: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] } : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: "InternalIP" },
        { address: n.name, type: "Hostname" },
      ],
      allocatable: { cpu: n.cpu, "ephemeral-storage": "19586931083", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${ki - 102400}Ki`, pods: String(n.pods) },
      capacity: { cpu: n.cpu, "ephemeral-storage": "20134592Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${ki}Ki`, pods: String(n.pods) },
      conditions: [
        pressure("MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        pressure("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        pressure("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: since, lastTransitionTime: since },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: `b00710d${index}-0000-4000-8000-00000000000${index}`,
        containerRuntimeVersion: "containerd://2.1.4",
        kernelVersion: "6.8.0-1036-gcp",
        kubeProxyVersion: version,
        kubeletVersion: version,
        machineID: `0c5a1ab${index}00000000000000000000000${index}`.slice(0, 32),
        operatingSystem: "linux",
        osImage: "Ubuntu 24.04.3 LTS",
        systemUUID: `0c5a1ab${index}-0000-4000-8000-00000000000${index}`,
      },
    },
  };
}

type HttpProbe = ReturnType<typeof httpProbe>;

/** staticpodutil's createHTTPProbe: an httpGet probe with kubeadm's timings (an initial delay of 0 is left out, as Go's omitempty does). */
function httpProbe(host: string, path: string, port: number, scheme: "HTTP" | "HTTPS", initialDelaySeconds: number, timeoutSeconds: number, failureThreshold: number, periodSeconds: number) {
  return { failureThreshold, httpGet: { host, path, port, scheme }, ...(initialDelaySeconds ? { initialDelaySeconds } : {}), periodSeconds, timeoutSeconds };
}

/**
 * kubeadm's probes for a component: liveness every 10 s after 10 s, 8 failures; readiness
 * every second, 3 failures; startup every 10 s after 10 s, with enough failures (24) to
 * cover the 4 minutes kubeadm gives a component to come up.
 */
function probes(host: string, port: number, scheme: "HTTP" | "HTTPS", paths: { liveness: string; readiness?: string; startup: string }) {
  return {
    livenessProbe: httpProbe(host, paths.liveness, port, scheme, 10, 15, 8, 10),
    ...(paths.readiness ? { readinessProbe: httpProbe(host, paths.readiness, port, scheme, 0, 15, 3, 1) } : {}),
    startupProbe: httpProbe(host, paths.startup, port, scheme, 10, 15, 24, 10),
  };
}

/** A control-plane manifest as kubeadm writes it into /etc/kubernetes/manifests. */
function staticPod(name: string, image: string, command: string[], health: Record<string, HttpProbe>, cpu: string, memory?: string) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "kube-system",
      labels: { component: name, tier: "control-plane" },
    },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      automountServiceAccountToken: false,
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      tolerations: [{ effect: "NoExecute", operator: "Exists" }],
      containers: [{ name, image, command, ...health, resources: { requests: { cpu, ...(memory ? { memory } : {}) } } }],
    },
  };
}

/**
 * The KubeletConfiguration kubeadm writes on every node; `staticPodPath` is where a CKA
 * candidate looks to find the static pod folder.
 */
const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

/**
 * Writes the initial objects; controllers then start the pods. The control-plane static
 * pods are manifest files on the control-plane node (the kubelet turns them into mirror
 * pods), so `cat /etc/kubernetes/manifests/kube-apiserver.yaml` works as on a kubeadm node.
 */
export function bootstrap(api: ApiServer, shape: ClusterShape, nodeFs: (node: string) => Vfs | undefined = () => undefined): void {
  const t = (kind: string) => {
    const r = resourceForKind(kind);
    if (!r) throw new Error(`unknown kind ${kind}`);
    return r;
  };
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) api.create(t("Namespace"), undefined, { metadata: { name: ns } });
  shape.nodes.forEach((n, i) => api.create(t("Node"), undefined, nodeObject(n, i, shape.version, timestamp(api.now()))));
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) api.create(t("ServiceAccount"), ns, { metadata: { name: "default" } });
  api.create(t("ServiceAccount"), "kube-system", { metadata: { name: "kube-proxy" } });
  for (const n of shape.nodes) {
    const fs = nodeFs(n.name);
    if (!fs) continue;
    fs.mkdir("/var/lib/kubelet", { parents: true });
    fs.writeFile("/var/lib/kubelet/config.yaml", KUBELET_CONFIG);
    installNodeServices(fs, n.name, shape.version, api.now());
  }
  const cp = shape.nodes.find((n) => n.controlPlane);
  if (cp) {
    const v = shape.version;
    const pods = [
      staticPod(
        "etcd",
        "registry.k8s.io/etcd:3.6.5-0",
        ["etcd", `--advertise-client-urls=https://${cp.ip}:2379`, "--data-dir=/var/lib/etcd", `--listen-client-urls=https://127.0.0.1:2379,https://${cp.ip}:2379`, "--listen-metrics-urls=http://127.0.0.1:2381", `--name=${cp.name}`],
        probes("127.0.0.1", 2381, "HTTP", { liveness: "/livez", readiness: "/readyz", startup: "/readyz" }),
        "100m",
        "100Mi",
      ),
      staticPod(
        "kube-apiserver",
        `registry.k8s.io/kube-apiserver:${v}`,
        ["kube-apiserver", `--advertise-address=${cp.ip}`, "--allow-privileged=true", "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction", "--etcd-servers=https://127.0.0.1:2379", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12"],
        probes(cp.ip, 6443, "HTTPS", { liveness: "/livez", readiness: "/readyz", startup: "/livez" }),
        "250m",
      ),
      staticPod(
        "kube-controller-manager",
        `registry.k8s.io/kube-controller-manager:${v}`,
        ["kube-controller-manager", "--allocate-node-cidrs=true", "--bind-address=127.0.0.1", "--cluster-cidr=10.244.0.0/16", "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true", "--use-service-account-credentials=true"],
        probes("127.0.0.1", 10257, "HTTPS", { liveness: "/healthz", startup: "/healthz" }),
        "200m",
      ),
      staticPod(
        "kube-scheduler",
        `registry.k8s.io/kube-scheduler:${v}`,
        ["kube-scheduler", "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"],
        probes("127.0.0.1", 10259, "HTTPS", { liveness: "/healthz", startup: "/healthz" }),
        "100m",
      ),
    ];
    const fs = nodeFs(cp.name);
    fs?.mkdir("/etc/kubernetes/manifests", { parents: true });
    for (const p of pods) {
      if (fs) fs.writeFile(`/etc/kubernetes/manifests/${p.metadata.name}.yaml`, toYaml(p));
      else api.create(t("Pod"), "kube-system", { ...p, metadata: { ...p.metadata, name: `${p.metadata.name}-${cp.name}` }, spec: { ...p.spec, nodeName: cp.name } });
    }
  }
  const proxy = api.create(t("DaemonSet"), "kube-system", {
    metadata: { name: "kube-proxy", labels: { "k8s-app": "kube-proxy" } },
    spec: {
      selector: { matchLabels: { "k8s-app": "kube-proxy" } },
      template: {
        metadata: { labels: { "k8s-app": "kube-proxy" } },
        spec: {
          containers: [{ name: "kube-proxy", image: `registry.k8s.io/kube-proxy:${shape.version}`, command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"] }],
          hostNetwork: true,
          nodeSelector: { "kubernetes.io/os": "linux" },
          priorityClassName: "system-node-critical",
          serviceAccountName: "kube-proxy",
          tolerations: [{ operator: "Exists" }],
        },
      },
    },
  });
  if (proxy.ok) {
    const n = shape.nodes.length;
    api.updateStatus(t("DaemonSet"), {
      ...proxy.value.object,
      status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, observedGeneration: 1, updatedNumberScheduled: n },
    });
    const owner = { apiVersion: "apps/v1", kind: "DaemonSet", name: "kube-proxy", uid: proxy.value.object.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
    const template = (proxy.value.object.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    shape.nodes.forEach((n, i) => {
      api.create(t("Pod"), "kube-system", {
        metadata: { name: `kube-proxy-${["x7k2p", "m9q4d", "b5z8w", "r2c6n", "h4t9v"][i % 5]}`, labels: { "controller-revision-hash": "6b7c5d9f4", "k8s-app": "kube-proxy", "pod-template-generation": "1" }, ownerReferences: [owner] },
        // as the DaemonSet controller made them: its tolerations and the node affinity pinning each to its node
        spec: { ...structuredClone(template), ...daemonPodSpec(template, n.name), nodeName: n.name },
      });
    });
  }
  api.create(t("ServiceAccount"), "kube-system", { metadata: { name: "coredns" } });
  api.create(t("Deployment"), "kube-system", {
    metadata: { name: "coredns", labels: { "k8s-app": "kube-dns" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "k8s-app": "kube-dns" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } },
      template: {
        metadata: { labels: { "k8s-app": "kube-dns" } },
        spec: {
          containers: [
            {
              name: "coredns",
              image: "registry.k8s.io/coredns/coredns:v1.12.1",
              args: ["-conf", "/etc/coredns/Corefile"],
              ports: [
                { containerPort: 53, name: "dns", protocol: "UDP" },
                { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                { containerPort: 9153, name: "metrics", protocol: "TCP" },
              ],
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
            },
          ],
          dnsPolicy: "Default",
          nodeSelector: { "kubernetes.io/os": "linux" },
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          tolerations: [
            { key: "CriticalAddonsOnly", operator: "Exists" },
            { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" },
          ],
        },
      },
    },
  });
  api.create(t("Service"), "kube-system", {
    metadata: { name: "kube-dns", labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" } },
    spec: {
      clusterIP: "10.96.0.10",
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      selector: { "k8s-app": "kube-dns" },
    },
  });
}
