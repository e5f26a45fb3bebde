import { expectGolden } from "../../testing";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { controllerEvent, fakeContext } from "./test-support";

function ownedPod(name: string, ownerKind: string, ownerUid: string, labels: Record<string, string>, phase: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels, ownerReferences: [{ apiVersion: "apps/v1", kind: ownerKind, name: "owner", uid: ownerUid, controller: true }] },
    spec: { containers: [{ name: "c", image: "img" }] },
    status: { phase },
  };
}

describe("describe replicaset", () => {
  const labels = { app: "nginx-deployment", "pod-template-hash": "575cffbfc6" };
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "nginx-deployment-575cffbfc6",
      namespace: "default",
      uid: "rs-uid",
      labels,
      annotations: { "deployment.kubernetes.io/desired-replicas": "3", "deployment.kubernetes.io/max-replicas": "4", "deployment.kubernetes.io/revision": "1" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx-deployment", uid: "d-uid", controller: true }],
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.18.0", resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "300m", memory: "64Mi" } } }] } },
    },
    status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
  };
  const pods = ["42wwf", "2pts5", "n7d95"].map((s) => ownedPod(`nginx-deployment-575cffbfc6-${s}`, "ReplicaSet", "rs-uid", labels, "Running"));
  const events = pods.map((p) => controllerEvent("nginx-deployment-575cffbfc6", "ReplicaSet", "replicaset-controller", "SuccessfulCreate", `Created pod: ${p.metadata.name}`, "2026-01-27T10:00:00Z"));

  it("prints a ReplicaSet of a Deployment with its pods (real output)", async () => {
    const stranger = ownedPod("adopted-elsewhere", "ReplicaSet", "other-uid", labels, "Running");
    const unlabelled = ownedPod("not-selected", "ReplicaSet", "rs-uid", { app: "other" }, "Failed");
    await expectGolden("replicaset.txt", describeObject(rs, fakeContext("2026-01-27T10:01:03Z", [...pods, stranger, unlabelled], events)));
  });

  it("counts pods by phase and prints conditions", () => {
    const mixed = [ownedPod("a", "ReplicaSet", "rs-uid", labels, "Pending"), ownedPod("b", "ReplicaSet", "rs-uid", labels, "Succeeded"), ownedPod("c", "ReplicaSet", "rs-uid", labels, "Failed")];
    const failing = { ...rs, status: { replicas: 0, conditions: [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate" }] } };
    const out = describeObject(failing, fakeContext("2026-01-27T10:01:03Z", mixed));
    expect(out).toContain("Pods Status:    0 Running / 1 Waiting / 1 Succeeded / 1 Failed\n");
    expect(out).toContain("Conditions:\n  Type             Status  Reason\n  ----             ------  ------\n  ReplicaFailure   True    FailedCreate\n");
  });
});

describe("describe job", () => {
  const uid = "3482b286-0337-462f-aedf-b76012cbe248";
  const labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "busybox", "controller-uid": uid, "job-name": "busybox" };
  const job: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "busybox", namespace: "default", uid, labels },
    spec: {
      parallelism: 1,
      completions: 1,
      completionMode: "NonIndexed",
      suspend: false,
      backoffLimit: 6,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
      template: { metadata: { labels }, spec: { containers: [{ name: "busybox", image: "busybox", command: ["echo", "Hello, Kubernetes"] }], restartPolicy: "Never" } },
    },
    status: { startTime: "2024-09-09T18:42:24Z", completionTime: "2024-09-09T18:42:29Z", succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} },
  };
  const events = [
    controllerEvent("busybox", "Job", "job-controller", "SuccessfulCreate", "Created pod: busybox-rm4wk", "2024-09-09T18:42:24Z"),
    controllerEvent("busybox", "Job", "job-controller", "Completed", "Job completed", "2024-09-09T18:42:29Z"),
  ];

  it("prints a completed job (real output, with the 1.35 defaults and template lines)", async () => {
    await expectGolden("job.txt", describeObject(job, fakeContext("2024-09-09T18:42:31Z", [], events)));
  });

  it("prints unset completions, active deadline, indexes and the pre-ready status form", () => {
    const indexed = {
      ...job,
      spec: { ...(job.spec as object), completions: undefined, completionMode: "Indexed", activeDeadlineSeconds: 100 },
      status: { active: 2, succeeded: 30, failed: 0, completedIndexes: "0-9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,43,45" },
    };
    const out = describeObject(indexed, fakeContext("2024-09-09T18:42:31Z"));
    expect(out).toContain("Completions:              <unset>\n");
    expect(out).toContain("Active Deadline Seconds:  100s\n");
    expect(out).toContain("Pods Statuses:            2 Active / 30 Succeeded / 0 Failed\n");
    expect(out).toContain("Completed Indexes:        0-9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,...\n");
  });

  it("reports a selector kubectl cannot parse", () => {
    const bad = { ...job, spec: { ...(job.spec as object), selector: { matchExpressions: [{ key: "a", operator: "Like" }] } } };
    expect(describeObject(bad, fakeContext("2024-09-09T18:42:31Z"))).toContain('Selector:         Failed to get selector: "Like" is not a valid label selector operator\n');
  });
});

describe("describe cronjob", () => {
  const cronJob: KubeObject = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "my-alarm", namespace: "ckad-job" },
    spec: {
      schedule: "0 0 * * sun",
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { name: "my-alarm" }, spec: { template: { spec: { containers: [{ name: "my-alarm", image: "busybox:1.28", command: ["/bin/sh", "-c", "echo $(date)"] }], restartPolicy: "OnFailure" } } } },
    },
    status: {},
  };

  it("prints a new cronjob (kubectl create cronjob)", async () => {
    await expectGolden("cronjob.txt", describeObject(cronJob, fakeContext("2026-01-27T10:00:00Z")));
  });

  it("prints the last schedule, active jobs and the job template's settings", () => {
    const busy = {
      ...cronJob,
      spec: { ...(cronJob.spec as object), startingDeadlineSeconds: 200, jobTemplate: { spec: { parallelism: 2, completions: 4, activeDeadlineSeconds: 60, template: { spec: { containers: [] } } } } },
      status: { lastScheduleTime: "2026-01-25T00:00:00Z", active: [{ kind: "Job", name: "my-alarm-29486880" }, { kind: "Job", name: "my-alarm-29486881" }] },
    };
    const out = describeObject(busy, fakeContext("2026-01-27T10:00:00Z"));
    for (const line of ["Starting Deadline Seconds:     200s", "Parallelism:                   2", "Completions:                   4", "Active Deadline Seconds:       60s", "Last Schedule Time:  Sun, 25 Jan 2026 00:00:00 +0000", "Active Jobs:         my-alarm-29486880, my-alarm-29486881"]) {
      expect(out).toContain(line + "\n");
    }
  });
});

describe("describe daemonset", () => {
  const labels = { "k8s-app": "fluentd" };
  const ds: KubeObject = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "fluentd", namespace: "default", uid: "ds-uid", annotations: { "deprecated.daemonset.template.generation": "1" } },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "fluentd", image: "fluentd:v1" }] } } },
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1 },
  };

  it("prints the unaligned node counts kubectl writes without tabs", () => {
    const pods = [ownedPod("fluentd-a", "DaemonSet", "ds-uid", labels, "Running"), ownedPod("fluentd-b", "DaemonSet", "ds-uid", labels, "Pending")];
    const out = describeObject(ds, fakeContext("2026-01-27T10:00:00Z", pods));
    expect(out).toContain(
      [
        "Name:           fluentd",
        "Namespace:      default",
        "Selector:       k8s-app=fluentd",
        "Node-Selector:  <none>",
        "Labels:         <none>",
        "Annotations:    deprecated.daemonset.template.generation: 1",
        "Desired Number of Nodes Scheduled: 2",
        "Current Number of Nodes Scheduled: 2",
        "Number of Nodes Scheduled with Up-to-date Pods: 2",
        "Number of Nodes Scheduled with Available Pods: 1",
        "Number of Nodes Misscheduled: 0",
        "Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 0 Failed",
        "Pod Template:",
      ].join("\n"),
    );
    // The template's lines and Events share one tabwriter block, so Events aligns with them.
    expect(out.endsWith("  Tolerations:     <none>\nEvents:            <none>\n")).toBe(true);
  });
});
