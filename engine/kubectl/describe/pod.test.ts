import { expectGolden } from "../../testing";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { controllerEvent, fakeContext, kubeletEvent } from "./test-support";

const defaultTolerations = (seconds: number) => [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds },
];

const saVolume = (name: string) => ({
  name,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
    ],
  },
});

const saMount = (name: string) => ({ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name, readOnly: true });

const conditions = (t: string, overrides: Record<string, string> = {}) =>
  ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: overrides[type] ?? "True", lastProbeTime: null, lastTransitionTime: t }));

/** `kubectl run`-style pod from a real 1.35 kind cluster (testdata/pod-running.txt). */
const resourceDemo: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "resource-demo", namespace: "default", uid: "5b1c6a1e-0f7e-4c1e-9d8a-1f2e3d4c5b6a", creationTimestamp: "2026-06-04T04:36:22Z" },
  spec: {
    containers: [
      {
        name: "nginx",
        image: "nginx",
        imagePullPolicy: "Always",
        resources: { limits: { cpu: "250m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
        volumeMounts: [saMount("kube-api-access-xddjx")],
      },
    ],
    nodeName: "devops-cluster-control-plane",
    priority: 0,
    serviceAccountName: "default",
    tolerations: defaultTolerations(300),
    volumes: [saVolume("kube-api-access-xddjx")],
  },
  status: {
    phase: "Running",
    conditions: conditions("2026-06-04T04:36:37Z"),
    hostIP: "172.18.0.2",
    podIP: "10.244.0.9",
    podIPs: [{ ip: "10.244.0.9" }],
    startTime: "2026-06-04T04:36:22Z",
    qosClass: "Burstable",
    containerStatuses: [
      {
        name: "nginx",
        containerID: "containerd://b0bb52f31310dbd86017365ee07e14f3a0c2b0d10a371a101070c9744d86c48a",
        image: "docker.io/library/nginx:latest",
        imageID: "docker.io/library/nginx@sha256:5aca99593157f4ae539a5dec1092a0ad8762f8e2eb1789085a13a0f5622369f6",
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: "2026-06-04T04:36:35Z" } },
        lastState: {},
      },
    ],
  },
};

const resourceDemoEvents = [
  controllerEvent("resource-demo", "Pod", "default-scheduler", "Scheduled", "Successfully assigned default/resource-demo to devops-cluster-control-plane", "2026-06-04T04:36:21.904512Z"),
  kubeletEvent("resource-demo", "nginx", "Pulling", 'Pulling image "nginx"', "2026-06-04T04:36:28Z"),
  kubeletEvent("resource-demo", "nginx", "Pulled", 'Successfully pulled image "nginx" in 2.534s (2.534s including waiting). Image size: 63120520 bytes.', "2026-06-04T04:36:31Z"),
  kubeletEvent("resource-demo", "nginx", "Created", "Container created", "2026-06-04T04:36:32Z"),
  kubeletEvent("resource-demo", "nginx", "Started", "Container started", "2026-06-04T04:36:37Z"),
];

const WEB_UID = "7f3c2a10-5b7e-4c1d-9a8e-2f6b1c0d9e11";
const hex = (d: string) => d.repeat(64);

/** A Deployment pod with an init container, probes, every env source, several volumes and a restart. */
const webPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "web-5d8f7c9b4-x2x7q",
    namespace: "default",
    uid: WEB_UID,
    creationTimestamp: "2026-01-27T10:00:00Z",
    labels: { app: "web", "pod-template-hash": "5d8f7c9b4" },
    annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"Pod"}\n', team: "payments" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d8f7c9b4", uid: "rs-uid", controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    initContainers: [
      { name: "init-db", image: "busybox:1.36", command: ["sh", "-c", "until nslookup db; do sleep 2; done"], volumeMounts: [saMount("kube-api-access-9kq2z")] },
    ],
    containers: [
      {
        name: "app",
        image: "registry.example.com/web:2.1",
        args: ["--port=8080"],
        ports: [
          { name: "http", containerPort: 8080, protocol: "TCP" },
          { name: "metrics", containerPort: 9090, protocol: "TCP" },
        ],
        resources: { limits: { cpu: "0.5", memory: "256Mi" }, requests: { cpu: "250m", memory: "128Mi" } },
        livenessProbe: { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 10, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
        env: [
          { name: "LOG_LEVEL", value: "info" },
          { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db-secret", key: "password" } } },
          { name: "APP_MODE", valueFrom: { configMapKeyRef: { name: "app-config", key: "mode", optional: true } } },
          { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
          { name: "POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } },
        ],
        volumeMounts: [
          { name: "config", mountPath: "/etc/app", readOnly: true },
          { name: "cache", mountPath: "/cache" },
          saMount("kube-api-access-9kq2z"),
          { name: "secret-vol", mountPath: "/etc/secret", readOnly: true, subPath: "password" },
        ],
      },
    ],
    nodeName: "node01",
    priority: 0,
    serviceAccountName: "default",
    tolerations: defaultTolerations(300),
    volumes: [
      { name: "cache", emptyDir: {} },
      { name: "config", configMap: { name: "app-config", defaultMode: 420 } },
      { name: "secret-vol", secret: { secretName: "db-secret", defaultMode: 420 } },
      saVolume("kube-api-access-9kq2z"),
    ],
  },
  status: {
    phase: "Running",
    conditions: conditions("2026-01-27T10:02:12Z"),
    hostIP: "172.30.2.2",
    podIP: "10.244.1.7",
    podIPs: [{ ip: "10.244.1.7" }],
    startTime: "2026-01-27T10:00:00Z",
    qosClass: "Burstable",
    initContainerStatuses: [
      {
        name: "init-db",
        containerID: `containerd://${hex("1")}`,
        image: "docker.io/library/busybox:1.36",
        imageID: `docker.io/library/busybox@sha256:${hex("2")}`,
        ready: true,
        restartCount: 0,
        started: false,
        state: { terminated: { exitCode: 0, reason: "Completed", startedAt: "2026-01-27T10:00:02Z", finishedAt: "2026-01-27T10:00:04Z", containerID: `containerd://${hex("1")}` } },
        lastState: {},
      },
    ],
    containerStatuses: [
      {
        name: "app",
        containerID: `containerd://${hex("3")}`,
        image: "registry.example.com/web:2.1",
        imageID: `registry.example.com/web@sha256:${hex("4")}`,
        ready: true,
        restartCount: 1,
        started: true,
        state: { running: { startedAt: "2026-01-27T10:02:11Z" } },
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: "2026-01-27T10:00:05Z", finishedAt: "2026-01-27T10:02:10Z" } },
      },
    ],
  },
};

const initEvent = (reason: string, message: string, at: string): KubeObject => {
  const e = kubeletEvent("web-5d8f7c9b4-x2x7q", undefined, reason, message, at);
  return { ...e, involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-x2x7q", namespace: "default", fieldPath: "spec.initContainers{init-db}" } };
};

const webEvents = [
  controllerEvent("web-5d8f7c9b4-x2x7q", "Pod", "default-scheduler", "Scheduled", "Successfully assigned default/web-5d8f7c9b4-x2x7q to node01", "2026-01-27T10:00:00.000000Z"),
  initEvent("Pulled", 'Container image "busybox:1.36" already present on machine and can be accessed by the pod', "2026-01-27T10:00:01Z"),
  initEvent("Created", "Container created", "2026-01-27T10:00:02Z"),
  initEvent("Started", "Container started", "2026-01-27T10:00:02Z"),
  kubeletEvent("web-5d8f7c9b4-x2x7q", "app", "Pulling", 'Pulling image "registry.example.com/web:2.1"', "2026-01-27T10:00:04Z", { count: 2, last: "2026-01-27T10:02:11Z" }),
  kubeletEvent("web-5d8f7c9b4-x2x7q", "app", "Created", "Container created", "2026-01-27T10:00:05Z", { count: 2, last: "2026-01-27T10:02:11Z" }),
  kubeletEvent("web-5d8f7c9b4-x2x7q", "app", "Started", "Container started", "2026-01-27T10:00:05Z", { count: 2, last: "2026-01-27T10:02:11Z" }),
  kubeletEvent("web-5d8f7c9b4-x2x7q", "app", "BackOff", `Back-off restarting failed container app in pod web-5d8f7c9b4-x2x7q_default(${WEB_UID})`, "2026-01-27T10:02:10Z", { type: "Warning" }),
];

/** A pod on a lost node, deleted 54s ago with a 30s grace period (testdata/pod-terminating.txt). */
const terminatingPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "test-deployment-57fb685899-d5r6n",
    namespace: "default",
    uid: "d5r6n-uid",
    creationTimestamp: "2025-03-21T01:34:43Z",
    deletionTimestamp: "2025-03-21T01:40:40Z",
    deletionGracePeriodSeconds: 30,
    labels: { app: "test", "pod-template-hash": "57fb685899" },
    annotations: {
      "cni.projectcalico.org/containerID": "281a8f0dea2aef51dbfe62f837f341fc1471b718f0b4fbd48c34977911969813",
      "cni.projectcalico.org/podIP": "192.168.28.116/32",
      "cni.projectcalico.org/podIPs": "192.168.28.116/32",
    },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "test-deployment-57fb685899", uid: "rs", controller: true }],
  },
  spec: {
    containers: [
      {
        name: "alpine",
        image: "alpine:3.19.1",
        command: ["/bin/sh", "-c", "sleep 7d"],
        volumeMounts: [{ name: "iscsi-vol", mountPath: "/data" }, saMount("kube-api-access-44tgt")],
      },
    ],
    nodeName: "rhel2",
    nodeSelector: { "kubernetes.io/os": "linux" },
    priority: 0,
    serviceAccountName: "default",
    tolerations: defaultTolerations(30),
    volumes: [{ name: "iscsi-vol", persistentVolumeClaim: { claimName: "pvc-iscsi" } }, saVolume("kube-api-access-44tgt")],
  },
  status: {
    phase: "Running",
    conditions: [...conditions("2025-03-21T01:34:52Z", { Ready: "False" }), { type: "DisruptionTarget", status: "True" }],
    hostIP: "192.168.0.62",
    podIP: "192.168.28.116",
    podIPs: [{ ip: "192.168.28.116" }],
    startTime: "2025-03-21T01:34:43Z",
    qosClass: "BestEffort",
    containerStatuses: [
      {
        name: "alpine",
        containerID: "cri-o://0c787b18aa28eb0a34df8140c7d93416e32ecd20961d973ff5f94e91174ceeb7",
        image: "docker.io/library/alpine:3.19.1",
        imageID: "docker.io/library/alpine@sha256:6457d53fb065d6f250e1504b9bc42d5b6c65941d57532c072d929dd0628977d0",
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: "2025-03-21T01:34:52Z" } },
      },
    ],
  },
};

const terminatingEvents = [
  controllerEvent("test-deployment-57fb685899-d5r6n", "Pod", "default-scheduler", "Scheduled", "Successfully assigned default/test-deployment-57fb685899-d5r6n to rhel2", "2025-03-21T01:34:43Z"),
  { ...kubeletEvent("test-deployment-57fb685899-d5r6n", undefined, "SuccessfulAttachVolume", 'AttachVolume.Attach succeeded for volume "pvc-134a4a2c-8bb7-40bf-b382-9392a0769d49"', "2025-03-21T01:34:44Z"), source: { component: "attachdetach-controller" } },
  kubeletEvent("test-deployment-57fb685899-d5r6n", "alpine", "Pulled", 'Container image "alpine:3.19.1" already present on machine and can be accessed by the pod', "2025-03-21T01:34:50Z"),
  kubeletEvent("test-deployment-57fb685899-d5r6n", "alpine", "Created", "Container created", "2025-03-21T01:34:51Z"),
  kubeletEvent("test-deployment-57fb685899-d5r6n", "alpine", "Started", "Container started", "2025-03-21T01:34:51Z"),
  { ...kubeletEvent("test-deployment-57fb685899-d5r6n", undefined, "NodeNotReady", "Node is not ready", "2025-03-21T01:39:35Z", { type: "Warning" }), source: { component: "node-controller" } },
];

/** An unschedulable pod from a real v1.34 killercoda session (testdata/pod-pending.txt). */
const pendingPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "pod1", namespace: "default", uid: "pod1-uid", labels: { env: "dev" }, creationTimestamp: "2026-02-01T08:00:00Z" },
  spec: {
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }] }] } } },
    containers: [{ name: "nginx-pod1", image: "nginx", env: [{ name: "env", value: "dev" }], volumeMounts: [saMount("kube-api-access-vlbww")] }],
    priority: 0,
    serviceAccountName: "default",
    tolerations: defaultTolerations(300),
    volumes: [saVolume("kube-api-access-vlbww")],
  },
  status: {
    phase: "Pending",
    qosClass: "BestEffort",
    conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/2 nodes are available: ...", lastProbeTime: null, lastTransitionTime: "2026-02-01T08:00:00Z" }],
  },
};

const failedScheduling = controllerEvent(
  "pod1",
  "Pod",
  "default-scheduler",
  "FailedScheduling",
  "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  "2026-02-01T08:00:00.250000Z",
  { type: "Warning" },
);

describe("describe pod", () => {
  it("prints a running pod as kubectl 1.35 does", async () => {
    await expectGolden("pod-running.txt", describeObject(resourceDemo, fakeContext("2026-06-04T04:37:55Z", [], resourceDemoEvents)));
  });

  it("prints an unschedulable pod with its FailedScheduling event", async () => {
    await expectGolden("pod-pending.txt", describeObject(pendingPod, fakeContext("2026-02-01T08:00:16.500Z", [], [failedScheduling])));
  });

  it("prints init containers, probes, env sources, volumes, limits and the last termination", async () => {
    await expectGolden("pod-init-probes-env.txt", describeObject(webPod, fakeContext("2026-01-27T10:05:00Z", [], webEvents)));
  });

  it("prints a terminating pod with its grace period", async () => {
    await expectGolden("pod-terminating.txt", describeObject(terminatingPod, fakeContext("2025-03-21T01:41:04Z", [], terminatingEvents)));
  });

  it("says <invalid> while the grace period is still running, as kubectl does for a future deletionTimestamp", () => {
    const pod = { ...terminatingPod, metadata: { ...terminatingPod.metadata, deletionTimestamp: "2025-03-21T01:41:30Z" } };
    expect(describeObject(pod, fakeContext("2025-03-21T01:41:04Z"))).toContain("Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n");
  });

  it("shows the phase of a finished pod even while it is being deleted", () => {
    const pod = { ...terminatingPod, status: { ...(terminatingPod.status as object), phase: "Succeeded" } };
    const out = describeObject(pod, fakeContext("2025-03-21T01:41:04Z"));
    expect(out).toContain("Status:           Succeeded\n");
    expect(out).not.toContain("Termination Grace Period");
  });

  // kubectl's TestDescribePodVolumes, expected output verbatim.
  it("prints a pod without node, containers or events", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bar", namespace: "foo" },
      spec: { volumes: [{ name: "image", image: { reference: "image", pullPolicy: "IfNotPresent" } }] },
    };
    expect(describeObject(pod, fakeContext("2026-01-01T00:00:00Z"))).toBe(
      [
        "Name:         bar",
        "Namespace:    foo",
        "Node:         <none>",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Status:       ",
        "IP:           ",
        "IPs:          <none>",
        "Containers: <none>",
        "Volumes:",
        "  image:",
        "    Type:        Image (a container image or OCI artifact)",
        "    Reference:   image",
        "    PullPolicy:  IfNotPresent",
        "QoS Class:       BestEffort",
        "Node-Selectors:  <none>",
        "Tolerations:     <none>",
        "Events:          <none>",
        "",
      ].join("\n"),
    );
  });

  it("leaves the Events section out with --show-events=false", () => {
    const out = describeObject(resourceDemo, { ...fakeContext("2026-06-04T04:37:55Z", [], resourceDemoEvents), showEvents: false });
    expect(out).not.toContain("Events:");
    expect(out.endsWith("node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n")).toBe(true);
  });

  // kubectl's TestDescribePodTolerations.
  it("formats every toleration shape", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bar", namespace: "foo" },
      spec: {
        containers: [],
        tolerations: [
          { operator: "Exists" },
          { effect: "NoSchedule", operator: "Exists" },
          { key: "key0", operator: "Exists" },
          { key: "key1", value: "value1" },
          { key: "key2", operator: "Equal", value: "value2", effect: "NoSchedule" },
          { key: "key3", value: "value3", effect: "NoExecute", tolerationSeconds: 300 },
          { key: "key4", effect: "NoExecute", tolerationSeconds: 60 },
        ],
      },
    };
    const out = describeObject(pod, fakeContext("2026-01-01T00:00:00Z"));
    for (const want of ["  op=Exists\n", ":NoSchedule op=Exists\n", "key0 op=Exists\n", "key1=value1\n", "key2=value2:NoSchedule\n", "key3=value3:NoExecute for 300s\n", "key4:NoExecute for 60s\n"]) {
      expect(out).toContain(want);
    }
  });

  it("computes the QoS class when the pod has none recorded", () => {
    const guaranteed = {
      ...resourceDemo,
      spec: { ...(resourceDemo.spec as object), containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1000m", memory: "1024Mi" } } }] },
      status: { phase: "Running" },
    };
    expect(describeObject(guaranteed, fakeContext("2026-06-04T04:37:55Z"))).toMatch(/\nQoS Class: +Guaranteed\n/);
  });
});
