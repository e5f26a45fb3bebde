import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { shell, testWorkspace, expectGolden } from "../../testing";
import { describeObject } from "./describe-object";
import { fakeContext, kubeletEvent } from "./test-support";

const NODE = "tws-cluster-control-plane";
const capacity = { cpu: "8", "ephemeral-storage": "1055762868Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "16216284Ki", pods: "110" };
const condition = (type: string, status: string, reason: string, message: string, transition: string) => ({ type, status, reason, message, lastHeartbeatTime: "2026-03-16T14:11:19Z", lastTransitionTime: transition });

/** A kind v1.35.0 control-plane node; testdata/node-kind-control-plane.txt is its real describe (times in UTC). */
const kindNode: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: NODE,
    uid: "node-uid",
    creationTimestamp: "2026-03-15T17:39:49Z",
    labels: {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": NODE,
      "kubernetes.io/os": "linux",
      "node-role.kubernetes.io/control-plane": "",
      "node.kubernetes.io/exclude-from-external-load-balancers": "",
    },
    annotations: { "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" },
  },
  spec: { podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"], providerID: `kind://docker/tws-cluster/${NODE}`, taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] },
  status: {
    capacity,
    allocatable: capacity,
    conditions: [
      condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", "2026-03-15T17:39:47Z"),
      condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", "2026-03-15T17:39:47Z"),
      condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", "2026-03-15T17:39:47Z"),
      condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", "2026-03-15T17:40:26Z"),
    ],
    addresses: [
      { type: "InternalIP", address: "172.18.0.3" },
      { type: "Hostname", address: NODE },
    ],
    nodeInfo: {
      machineID: "266f3f9243dd4bcceea107ba69968",
      systemUUID: "266f3f9243dd4bcceea107ba69968",
      bootID: "7abd8ad2-f1f3-439b-98a8-014c76dd84cf",
      kernelVersion: "6.6.87.2-microsoft-standard-WSL2",
      osImage: "Debian GNU/Linux 12 (bookworm)",
      operatingSystem: "linux",
      architecture: "amd64",
      containerRuntimeVersion: "containerd://2.2.0",
      kubeletVersion: "v1.35.0",
      kubeProxyVersion: "",
    },
  },
};

function pod(namespace: string, name: string, resources: { requests?: Record<string, string>; limits?: Record<string, string> }, opts: { node?: string; phase?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, creationTimestamp: "2026-03-15T17:40:30Z" },
    spec: { nodeName: opts.node ?? NODE, containers: [{ name: "c", image: "img", resources }] },
    status: { phase: opts.phase ?? "Running" },
  };
}

const kindPods = [
  pod("kube-system", "kube-scheduler-tws-cluster-control-plane", { requests: { cpu: "100m" } }),
  pod("kube-system", "coredns-7d764666f9-2nw2x", { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } }),
  pod("kube-system", "coredns-7d764666f9-dgpgp", { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } }),
  pod("kube-system", "etcd-tws-cluster-control-plane", { requests: { cpu: "100m", memory: "100Mi" } }),
  pod("kube-system", "kindnet-m69sn", { requests: { cpu: "100m", memory: "50Mi" }, limits: { cpu: "100m", memory: "50Mi" } }),
  pod("kube-system", "kube-apiserver-tws-cluster-control-plane", { requests: { cpu: "250m" } }),
  pod("kube-system", "kube-controller-manager-tws-cluster-control-plane", { requests: { cpu: "200m" } }),
  pod("kube-system", "kube-proxy-vt5hl", {}),
  pod("local-path-storage", "local-path-provisioner-67b8995b4b-k6wjn", {}),
  pod("default", "finished-job-abcde", { requests: { cpu: "1" } }, { phase: "Succeeded" }),
  pod("default", "on-another-node", { requests: { cpu: "1" } }, { node: "tws-cluster-worker" }),
];

const lease: KubeObject = {
  apiVersion: "coordination.k8s.io/v1",
  kind: "Lease",
  metadata: { name: NODE, namespace: "kube-node-lease" },
  spec: { holderIdentity: NODE, leaseDurationSeconds: 40, renewTime: "2026-03-16T14:15:00.512000Z" },
};

describe("describe node", () => {
  it("prints a kubeadm (kind) control-plane node with its pods as kubectl 1.35 does", async () => {
    await expectGolden("node-kind-control-plane.txt", describeObject(kindNode, fakeContext("2026-03-16T14:15:05Z", [...kindPods, lease])));
  });

  it("shows the lease a live kubelet would hold when none is stored", () => {
    const out = describeObject(kindNode, fakeContext("2026-03-16T14:15:07Z", kindPods));
    expect(out).toContain("Lease:\n  HolderIdentity:  tws-cluster-control-plane\n  AcquireTime:     <unset>\n  RenewTime:       Mon, 16 Mar 2026 14:15:00 +0000\n");
  });

  it("freezes the synthesized lease at the last heartbeat once the node is NotReady", () => {
    const conditions = [{ type: "Ready", status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastHeartbeatTime: "2026-03-16T14:01:00Z", lastTransitionTime: "2026-03-16T14:02:00Z" }];
    const notReady = { ...kindNode, status: { ...(kindNode.status as object), conditions } };
    expect(describeObject(notReady, fakeContext("2026-03-16T14:15:07Z"))).toContain("  RenewTime:       Mon, 16 Mar 2026 14:01:00 +0000\n");
  });

  // kubectl's TestDescribeNode and TestDescribeNodeWithSidecar: hugepages rows and sidecar sums.
  const capacityNode = (podSpec: object): [KubeObject, KubeObject[]] => [
    {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "bar", uid: "uid" },
      spec: { unschedulable: true },
      status: {
        capacity: { "hugepages-2Mi": "4Gi", cpu: "8", memory: "24Gi", "hugepages-1Gi": "0" },
        allocatable: { "hugepages-2Mi": "2Gi", cpu: "4", memory: "12Gi", "hugepages-1Gi": "0" },
      },
    },
    [{ apiVersion: "v1", kind: "Pod", metadata: { name: "pod-with-resources", namespace: "foo" }, spec: { nodeName: "bar", ...podSpec }, status: { phase: "Running" } }],
  ];
  const containers = [
    { name: "cpu-mem", image: "image:latest", resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } } },
    { name: "hugepages", image: "image:latest", resources: { requests: { "hugepages-2Mi": "512Mi" }, limits: { "hugepages-2Mi": "512Mi" } } },
  ];
  it.each([
    {
      name: "plain containers",
      spec: { containers },
      block: ["  cpu                1 (25%)      2 (50%)", "  memory             1Gi (8%)     2Gi (16%)"],
    },
    {
      name: "a sidecar adds to the sum, a regular init container only raises the max",
      spec: {
        initContainers: [
          { name: "init-container-1", restartPolicy: "Always", resources: { requests: { cpu: "1", memory: "1Gi" } } },
          { name: "init-container-2", resources: { requests: { cpu: "1", memory: "1Gi" } } },
        ],
        containers,
      },
      block: ["  cpu                2 (50%)      2 (50%)", "  memory             2Gi (16%)    2Gi (16%)"],
    },
  ])("sums allocated resources: $name", ({ spec, block }) => {
    const [node, pods] = capacityNode(spec);
    const events = [
      { ...kubeletEvent("bar", undefined, "NodeHasNoDiskPressure", "Node bar status is now: NodeHasNoDiskPressure", "2014-01-15T00:00:00Z"), involvedObject: { kind: "Node", name: "bar", uid: "bar" } },
      { ...kubeletEvent("bar", undefined, "NodeReady", "Node bar status is now: NodeReady", "2014-01-15T00:00:00Z", { count: 2 }), involvedObject: { kind: "Node", name: "bar", uid: "uid" } },
    ];
    const out = describeObject(node, fakeContext("2026-01-01T00:00:00Z", pods, events));
    expect(out).toContain(
      [
        "Allocated resources:",
        "  (Total limits may be over 100 percent, i.e., overcommitted.)",
        "  Resource           Requests     Limits",
        "  --------           --------     ------",
        ...block,
        "  ephemeral-storage  0 (0%)       0 (0%)",
        "  hugepages-1Gi      0 (0%)       0 (0%)",
        "  hugepages-2Mi      512Mi (25%)  512Mi (25%)",
      ].join("\n"),
    );
    expect(out).toContain("Unschedulable:      true\n");
    expect(out).toContain("Node bar status is now: NodeHasNoDiskPressure");
    expect(out).toContain("Node bar status is now: NodeReady");
  });

  it("lists extended resources without percentages and leaves pods out of the table", () => {
    const node = { ...kindNode, status: { ...(kindNode.status as object), allocatable: { ...capacity, "nvidia.com/gpu": "2" } } };
    const gpuPod = pod("default", "trainer", { requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "1" } });
    const out = describeObject(node, fakeContext("2026-03-16T14:15:05Z", [gpuPod]));
    expect(out).toMatch(/\n {2}nvidia\.com\/gpu +1 +1\nEvents:/);
    expect(out).not.toMatch(/\n {2}pods +/);
  });

  it("prints <none> for a node without roles or taints", () => {
    const bare: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "node01", creationTimestamp: "2026-01-01T00:00:00Z" }, spec: {}, status: {} };
    const out = describeObject(bare, fakeContext("2026-01-01T00:00:00Z"));
    expect(out).toContain("Roles:              <none>\n");
    expect(out).toContain("Taints:             <none>\n");
  });
});

describe("describe node in the default cluster", () => {
  it("shows the kubelet's last status report as the heartbeat, and the week-old transition", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "sleep 420\nkubectl describe node node01 | grep -E '^  (Ready|MemoryPressure) '");
    expect(r.stdout).toBe(
      "  MemoryPressure   False   Tue, 27 Jan 2026 10:05:00 +0000   Tue, 20 Jan 2026 10:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available\n" +
        "  Ready            True    Tue, 27 Jan 2026 10:05:00 +0000   Tue, 20 Jan 2026 10:00:00 +0000   KubeletReady                 kubelet is posting ready status\n",
    );
  });
});
