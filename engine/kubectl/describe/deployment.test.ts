import { expectGolden } from "../../testing";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { controllerEvent, fakeContext } from "./test-support";

const DEPLOY_UID = "d-uid";
const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: "nginx", ...(hash ? { "pod-template-hash": hash } : {}) } },
  spec: {
    containers: [{ name: "nginx", image, ports: [{ containerPort: 80, protocol: "TCP" }], resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", imagePullPolicy: "IfNotPresent" }],
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    dnsPolicy: "ClusterFirst",
    securityContext: {},
    schedulerName: "default-scheduler",
  },
});

const deployment = (image: string, status: object): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx-deployment", namespace: "default", uid: DEPLOY_UID, creationTimestamp: "2026-01-27T10:00:00Z", annotations: { "deployment.kubernetes.io/revision": "1" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "nginx" } },
    template: template(image),
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status,
});

function replicaSet(hash: string, image: string, replicas: number, created: string, owner = DEPLOY_UID): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `nginx-deployment-${hash}`,
      namespace: "default",
      uid: `rs-${hash}`,
      creationTimestamp: created,
      labels: { app: "nginx", "pod-template-hash": hash },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx-deployment", uid: owner, controller: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: "nginx", "pod-template-hash": hash } }, template: template(image, hash) },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
}

const complete = deployment("nginx:1.14.2", {
  replicas: 2,
  updatedReplicas: 2,
  readyReplicas: 2,
  availableReplicas: 2,
  conditions: [
    { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
    { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
  ],
});

const scaledUp = controllerEvent("nginx-deployment", "Deployment", "deployment-controller", "ScalingReplicaSet", "Scaled up replica set nginx-deployment-77d8468669 from 0 to 2", "2026-01-27T10:00:00.000000Z");

describe("describe deployment", () => {
  it("prints a rolled-out deployment with its new ReplicaSet", async () => {
    const others = [replicaSet("77d8468669", "nginx:1.14.2", 2, "2026-01-27T10:00:00Z"), replicaSet("5f5c9d8b7c", "nginx:1.14.2", 1, "2026-01-27T09:00:00Z", "someone-else")];
    await expectGolden("deployment.txt", describeObject(complete, fakeContext("2026-01-27T10:00:24Z", others, [scaledUp])));
  });

  // kubectl's TestDescribeDeployment "during the process of rolling out".
  it("splits old and new ReplicaSets mid-rollout and shows series and counted events", () => {
    const rolling = deployment("nginx:1.16.1", { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 });
    const sets = [replicaSet("77d8468669", "nginx:1.14.2", 2, "2026-01-27T10:00:00Z"), replicaSet("6b9d8f4c5d", "nginx:1.16.1", 1, "2026-01-27T10:30:00Z")];
    const now = "2026-01-27T11:00:00Z";
    const events = [
      { ...controllerEvent("nginx-deployment", "Deployment", "deployment-controller", "ScalingReplicaSet", "Scaled up replica set nginx-deployment-6b9d8f4c5d from 0 to 1", "2026-01-27T10:40:00Z"), series: { count: 3, lastObservedTime: "2026-01-27T10:48:00Z" } },
      { ...controllerEvent("nginx-deployment", "Deployment", "deployment-controller", "ScalingReplicaSet", "Scaled up replica set nginx-deployment-77d8468669 from 0 to 2", "2026-01-27T10:50:00Z"), eventTime: null, source: { component: "deployment-controller" }, firstTimestamp: "2026-01-27T10:50:00Z" },
      { ...controllerEvent("nginx-deployment", "Deployment", "deployment-controller", "ScalingReplicaSet", "Scaled down replica set nginx-deployment-6b9d8f4c5d from 2 to 1", "2026-01-27T10:59:00Z") },
    ];
    const out = describeObject(rolling, fakeContext(now, sets, events));
    expect(out).toContain("Replicas:               2 desired | 1 updated | 3 total | 2 available | 1 unavailable\n");
    expect(out).toContain("    Image:         nginx:1.16.1\n");
    // Without conditions these lines share a tabwriter block with the template's Tolerations line.
    expect(out).toContain("  Tolerations:     <none>\nOldReplicaSets:    nginx-deployment-77d8468669 (2/2 replicas created)\nNewReplicaSet:     nginx-deployment-6b9d8f4c5d (1/1 replicas created)\n");
    expect(out).toContain("  Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set nginx-deployment-6b9d8f4c5d from 0 to 1\n");
    expect(out).toContain("  Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set nginx-deployment-77d8468669 from 0 to 2\n");
    expect(out).toContain("  Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set nginx-deployment-6b9d8f4c5d from 2 to 1\n");
  });

  it("keeps scaled-down old ReplicaSets in the list and drops the RollingUpdateStrategy line for Recreate", () => {
    const recreate = { ...complete, spec: { ...(complete.spec as object), strategy: { type: "Recreate" } } };
    const sets = [replicaSet("77d8468669", "nginx:1.14.2", 2, "2026-01-27T10:00:00Z"), replicaSet("5f5c9d8b7c", "nginx:1.13", 0, "2026-01-27T09:00:00Z")];
    const out = describeObject(recreate, fakeContext("2026-01-27T10:00:24Z", sets));
    expect(out).toContain("StrategyType:       Recreate\nMinReadySeconds:    0\nPod Template:\n");
    expect(out).toContain("OldReplicaSets:  nginx-deployment-5f5c9d8b7c (0/0 replicas created)\n");
    expect(out).toContain("Events:          <none>\n");
  });

  it("prints neither ReplicaSet line before the controller has made one", () => {
    const out = describeObject(complete, fakeContext("2026-01-27T10:00:24Z"));
    expect(out).not.toContain("OldReplicaSets:");
    expect(out).not.toContain("NewReplicaSet:");
  });
});
