import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

/** 2026-01-27T10:05:00Z in minutes since the epoch: the suffix of the Job scheduled then. */
const AT_10_05 = Date.UTC(2026, 0, 27, 10, 5) / 60_000;

async function jobs(ws: Workspace): Promise<string[]> {
  return (await kubectlArgs(ws, ["get", "jobs", "-o", "jsonpath={.items[*].metadata.name}"])).stdout.split(" ").filter(Boolean);
}

async function cronjob(schedule: string, extra: readonly string[] = []): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["create", "cronjob", "tick", "--image=busybox", `--schedule=${schedule}`, ...extra, "--", "sh", "-c", "sleep 3600"]);
  return ws;
}

describe("the CronJob controller", () => {
  it("creates <cronjob>-<minutes since epoch> at each scheduled time, in virtual time", async () => {
    const ws = await cronjob("*/5 * * * *");
    ws.advance(4 * 60_000);
    expect(await jobs(ws)).toEqual([]);
    // The controller requeues itself 100 ms after each scheduled time (cronjob_controllerv2 nextScheduleTimeDuration).
    ws.advance(60_000);
    expect(await jobs(ws)).toEqual([]);
    ws.advance(100);
    expect(await jobs(ws)).toEqual([`tick-${AT_10_05}`]);
    const job = await kubectlArgs(ws, ["get", "job", `tick-${AT_10_05}`, "-o", "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}"]);
    expect(job.stdout).toBe("CronJob/tick 2026-01-27T10:05:00Z");
    const cj = await kubectlArgs(ws, ["get", "cj", "tick", "-o", "jsonpath={.status.lastScheduleTime} {.status.active[0].kind}/{.status.active[0].name}"]);
    expect(cj.stdout).toBe(`2026-01-27T10:05:00Z Job/tick-${AT_10_05}`);
    expect((await kubectlLine(ws, "get cj")).stdout).toBe("NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   */5 * * * *   <none>     False     1        0s              5m\n");
    const events = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.source.component=="cronjob-controller")]}{.reason}: {.message}{"\\n"}{end}']);
    expect(events.stdout).toBe(`SuccessfulCreate: Created job tick-${AT_10_05}\n`);
  });

  it("starts another Job each time with concurrencyPolicy Allow", async () => {
    const ws = await cronjob("*/5 * * * *");
    ws.advance(16 * 60_000);
    expect(await jobs(ws)).toEqual([AT_10_05, AT_10_05 + 5, AT_10_05 + 10].map((m) => `tick-${m}`));
  });

  it("with Forbid skips a run while the previous Job is still active", async () => {
    const ws = await cronjob("*/5 * * * *");
    await kubectlLine(ws, "patch cj tick -p {\"spec\":{\"concurrencyPolicy\":\"Forbid\"}}");
    ws.advance(11 * 60_000);
    expect(await jobs(ws)).toEqual([`tick-${AT_10_05}`]);
    const events = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.reason=="JobAlreadyActive")]}{.message}{"\\n"}{end}']);
    expect(events.stdout).toBe("Not starting job because prior execution is running and concurrency policy is Forbid\n");
  });

  it("with Replace deletes the running Job before starting the next", async () => {
    const ws = await cronjob("*/5 * * * *");
    await kubectlLine(ws, "patch cj tick -p {\"spec\":{\"concurrencyPolicy\":\"Replace\"}}");
    ws.advance(11 * 60_000);
    expect(await jobs(ws)).toEqual([`tick-${AT_10_05 + 5}`]);
  });

  it("creates nothing while suspended", async () => {
    const ws = await cronjob("* * * * *");
    await kubectlLine(ws, "patch cj tick -p {\"spec\":{\"suspend\":true}}");
    ws.advance(10 * 60_000);
    expect(await jobs(ws)).toEqual([]);
    expect((await kubectlArgs(ws, ["get", "cj", "tick", "-o", "jsonpath={.status}"])).stdout).toBe("{}");
  });

  it("reads @hourly", async () => {
    const ws = await cronjob("@hourly");
    ws.advance(61 * 60_000);
    expect(await jobs(ws)).toEqual([`tick-${Date.UTC(2026, 0, 27, 11) / 60_000}`]);
  });

  it("keeps the Jobs the same across identical runs", async () => {
    const run = async () => {
      const ws = await cronjob("*/2 * * * *");
      ws.advance(7 * 60_000);
      return (await shell(ws, "kubectl get cj,jobs,pods")).stdout;
    };
    expect(await run()).toBe(await run());
  });
});

describe("the CronJob controller with Jobs that finish (needs the kubelet to run container commands)", () => {
  it("records lastSuccessfulTime, SawCompletedJob, and keeps three successful Jobs", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "cronjob", "hello", "--image=busybox", "--schedule=* * * * *", "--", "sh", "-c", "echo done"]);
    ws.advance(5 * 60_000 + 30_000);
    expect(await jobs(ws)).toHaveLength(3);
    const events = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.reason=="SawCompletedJob")]}{.message}{"\\n"}{end}']);
    expect(events.stdout).toContain(`Saw completed job: hello-${Date.UTC(2026, 0, 27, 10, 1) / 60_000}, status: Complete`);
    const deleted = await kubectlArgs(ws, ["get", "events", "-o", 'jsonpath={range .items[?(@.reason=="SuccessfulDelete")]}{.message}{"\\n"}{end}']);
    expect(deleted.stdout).toContain(`Deleted job hello-${Date.UTC(2026, 0, 27, 10, 1) / 60_000}`);
    expect((await kubectlArgs(ws, ["get", "cj", "hello", "-o", "jsonpath={.status.lastSuccessfulTime}"])).stdout).toMatch(/^2026-01-27T10:05:\d\dZ$/);
  });
});
