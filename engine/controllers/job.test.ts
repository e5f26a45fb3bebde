import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

const SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]{5}";

async function jsonpath(ws: Workspace, target: string, path: string): Promise<string> {
  return (await kubectlArgs(ws, ["get", ...target.split(" "), "-o", `jsonpath=${path}`])).stdout;
}

async function job(ws: Workspace, name: string, spec: string, command: string): Promise<void> {
  await shell(
    ws,
    `kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox, command: ["sh", "-c", "${command}"]}]
EOF`,
  );
}

describe("the Job controller", () => {
  it("creates a pod <job>-<5 chars> with the job labels and tracking finalizer, and reports it active", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "job", "pi", "--image=busybox", "--", "sh", "-c", "sleep 3600"]);
    ws.advance(10_000);
    const pod = await jsonpath(ws, "pods", "{.items[0].metadata.name}");
    expect(pod).toMatch(new RegExp(`^pi-${SUFFIX}$`));
    expect(await jsonpath(ws, `pod ${pod}`, "{.metadata.labels.job-name} {.metadata.labels.batch\\.kubernetes\\.io/job-name} {.metadata.finalizers} {.metadata.ownerReferences[0].kind}")).toBe('pi pi ["batch.kubernetes.io/job-tracking"] Job');
    expect(await jsonpath(ws, "job pi", "{.status.active} {.status.startTime} {.status.terminating} {.status.uncountedTerminatedPods}")).toBe("1 2026-01-27T10:00:00Z 0 {}");
    expect((await kubectlLine(ws, "get job pi")).stdout).toBe("NAME   STATUS    COMPLETIONS   DURATION   AGE\npi     Running   0/1           10s        10s\n");
    expect(await jsonpath(ws, "events", '{range .items[?(@.source.component=="job-controller")]}{.reason}: {.message}{"\\n"}{end}')).toBe(`SuccessfulCreate: Created pod: ${pod}\n`);
  });

  it("runs parallelism pods at once", async () => {
    const ws = testWorkspace();
    await job(ws, "par", "  completions: 5\n  parallelism: 2", "sleep 3600");
    ws.advance(5_000);
    expect((await jsonpath(ws, "pods", "{.items[*].metadata.name}")).split(" ")).toHaveLength(2);
    expect((await kubectlLine(ws, "get job par")).stdout).toContain("Running   0/5");
  });

  it("counts a deleted pod as failed and replaces it", async () => {
    const ws = testWorkspace();
    await job(ws, "pi", "  backoffLimit: 4", "sleep 3600");
    ws.advance(5_000);
    const first = await jsonpath(ws, "pods", "{.items[0].metadata.name}");
    await kubectlLine(ws, `delete pod ${first}`);
    ws.advance(5_000);
    expect(await jsonpath(ws, "job pi", "{.status.failed} {.status.active}")).toBe("1 1");
    expect(await jsonpath(ws, "pods", "{.items[*].metadata.name}")).not.toContain(first);
  });

  it("fails with DeadlineExceeded once activeDeadlineSeconds pass", async () => {
    const ws = testWorkspace();
    await job(ws, "slow", "  activeDeadlineSeconds: 30", "sleep 3600");
    ws.advance(120_000);
    expect(await jsonpath(ws, "job slow", '{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}')).toBe(
      "FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline\nFailed=True DeadlineExceeded: Job was active longer than specified deadline\n",
    );
    expect((await kubectlLine(ws, "get job slow")).stdout).toContain("slow   Failed   0/1");
    expect(await jsonpath(ws, "events", '{range .items[?(@.reason=="DeadlineExceeded")]}{.type}: {.message}{"\\n"}{end}')).toBe("Warning: Job was active longer than specified deadline\n");
  });

  it("is the same, byte for byte, when run twice", async () => {
    const run = async () => {
      const ws = testWorkspace();
      await job(ws, "par", "  completions: 3\n  parallelism: 3", "sleep 3600");
      ws.advance(20_000);
      return (await shell(ws, "kubectl get jobs,pods -o wide; kubectl describe job par")).stdout;
    };
    expect(await run()).toBe(await run());
  });
});

describe("the Job controller with pods that finish (needs the kubelet to run container commands)", () => {
  it("completes: SuccessCriteriaMet then Complete, STATUS Complete, COMPLETIONS 1/1", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "job", "hello", "--image=busybox", "--", "sh", "-c", "echo done"]);
    ws.advance(60_000);
    expect(await jsonpath(ws, "job hello", '{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}')).toBe(
      "SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods\nComplete=True CompletionsReached: Reached expected number of succeeded pods\n",
    );
    expect(await jsonpath(ws, "job hello", "{.status.succeeded} {.status.ready} {.status.terminating} {.status.uncountedTerminatedPods} [{.status.active}]")).toBe("1 0 0 {} []");
    // printers.go printJob: DURATION is completionTime - startTime, both at second precision
    const [start, done] = (await jsonpath(ws, "job hello", "{.status.startTime} {.status.completionTime}")).split(" ");
    const finished = await jsonpath(ws, "pods", "{.items[0].status.containerStatuses[0].state.terminated.finishedAt}");
    expect(Date.parse(done)).toBeGreaterThanOrEqual(Date.parse(finished));
    const duration = `${(Date.parse(done) - Date.parse(start)) / 1000}s`;
    expect((await kubectlLine(ws, "get job hello")).stdout).toBe(`NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   1/1           ${duration.padEnd(11)}60s\n`);
    expect(await jsonpath(ws, "events", '{range .items[?(@.reason=="Completed")]}{.message}{"\\n"}{end}')).toBe("Job completed\n");
  });

  // Known defect, fails until fixed: the controller writes `finalizers: []` where the API
  // server stores no key (ObjectMeta's `json:"finalizers,omitempty"`). Turn into `it` then.
  it("removes its tracking finalizer from the finished pod, leaving no finalizers key", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "job", "hello", "--image=busybox", "--", "sh", "-c", "echo done"]);
    ws.advance(60_000);
    expect(await jsonpath(ws, "job hello", "{.status.succeeded}")).toBe("1");
    expect(await jsonpath(ws, "pods", "{.items[0].metadata.finalizers}")).toBe("");
  });

  it("runs completions in parallel batches", async () => {
    const ws = testWorkspace();
    await job(ws, "par", "  completions: 4\n  parallelism: 2", "echo done");
    ws.advance(120_000);
    expect(await jsonpath(ws, "job par", "{.status.succeeded}")).toBe("4");
    expect((await jsonpath(ws, "pods", "{.items[*].metadata.name}")).split(" ")).toHaveLength(4);
  });

  it("fails with BackoffLimitExceeded after backoffLimit+1 failed pods, backing off 10s, 20s, …", async () => {
    const ws = testWorkspace();
    await job(ws, "bad", "  backoffLimit: 2", "exit 1");
    ws.advance(5 * 60_000);
    expect(await jsonpath(ws, "job bad", "{.status.failed}")).toBe("3");
    expect(await jsonpath(ws, "job bad", '{range .status.conditions[*]}{.type} {.reason}: {.message}{"\\n"}{end}')).toBe(
      "FailureTarget BackoffLimitExceeded: Job has reached the specified backoff limit\nFailed BackoffLimitExceeded: Job has reached the specified backoff limit\n",
    );
    expect(await jsonpath(ws, "events", '{range .items[?(@.reason=="BackoffLimitExceeded")]}{.type}: {.message}{"\\n"}{end}')).toBe("Warning: Job has reached the specified backoff limit\n");
    const created = (await jsonpath(ws, "pods", '{range .items[*]}{.metadata.creationTimestamp}{"\\n"}{end}')).split("\n").filter(Boolean).map(Date.parse).sort();
    expect(created[1] - created[0]).toBeGreaterThanOrEqual(10_000);
    expect(created[2] - created[1]).toBeGreaterThanOrEqual(20_000);
  });
});
