import { describe, expect, it } from "vitest";
import type { CrashLoop, JournalRecord } from "./journal";
import { catalogLines, formatEntry, journalEntries, loopAttempt, PID_STEP } from "./journal";

const T = Date.UTC(2026, 0, 27, 10, 0, 0);

const loop = (over: Partial<CrashLoop> = {}): CrashLoop => ({
  unit: "kubelet.service",
  description: "kubelet: The Kubernetes Node Agent",
  at: T,
  pid: 1000,
  job: 200,
  failAfterMs: 70,
  restartSecMs: 10_000,
  status: 1,
  lines: [{ offsetMs: 69, ident: "kubelet", text: '"command failed" err="boom"', klog: { level: "E", source: "run.go:74" } }],
  counter: 0,
  ...over,
});

const lines = (records: JournalRecord[], now: number, max?: number) => journalEntries(records, now, max).map((e) => formatEntry(e, "node01"));

describe("a crash loop in the journal", () => {
  it("spells out each attempt: restart scheduled, started, the error, exit and result", () => {
    expect(lines([{ kind: "loop", loop: loop() }], T + 10_200)).toEqual([
      "Jan 27 10:00:00 node01 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.",
      `Jan 27 10:00:00 node01 kubelet[1000]: E0127 10:00:00.069${String((1000 * 37) % 500).padStart(3, "0")}    1000 run.go:74] "command failed" err="boom"`,
      "Jan 27 10:00:00 node01 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE",
      "Jan 27 10:00:00 node01 systemd[1]: kubelet.service: Failed with result 'exit-code'.",
      "Jan 27 10:00:10 node01 systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 1.",
      "Jan 27 10:00:10 node01 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.",
      `Jan 27 10:00:10 node01 kubelet[${1000 + PID_STEP}]: E0127 10:00:10.139${String(((1000 + PID_STEP) * 37) % 500).padStart(3, "0")}    ${1000 + PID_STEP} run.go:74] "command failed" err="boom"`,
      "Jan 27 10:00:10 node01 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE",
      "Jan 27 10:00:10 node01 systemd[1]: kubelet.service: Failed with result 'exit-code'.",
    ]);
  });

  it("shows nothing of an attempt that has not happened yet", () => {
    expect(lines([{ kind: "loop", loop: loop() }], T + 10)).toHaveLength(1);
  });

  it("goes on counting restarts from the counter it began with", () => {
    const text = lines([{ kind: "loop", loop: loop({ counter: 7 }) }], T + 1000).join("\n");
    expect(text).toContain("restart counter is at 7.");
  });

  it("ends at `until` and keeps only the last attempts asked for", () => {
    const closed = loop({ until: T + 3 * 10_070 });
    expect(loopAttempt(closed, T + 3_600_000)).toBe(2);
    const last = lines([{ kind: "loop", loop: closed }], T + 3_600_000, 1);
    expect(last[0]).toBe("Jan 27 10:00:20 node01 systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 2.");
    expect(last).toHaveLength(5);
  });

  it("interleaves with single entries by time", () => {
    const stopped: JournalRecord = { kind: "entry", entry: { at: T + 15_000, unit: "kubelet.service", ident: "systemd", pid: 1, message: "Stopped kubelet.service - kubelet: The Kubernetes Node Agent." } };
    const out = lines([{ kind: "loop", loop: loop({ until: T + 15_000 }) }, stopped], T + 60_000);
    expect(out[out.length - 1]).toMatch(/10:00:15 .*Stopped kubelet/);
    expect(out).toHaveLength(10);
  });
});

describe("the catalog", () => {
  it("explains systemd's messages behind ░░, as journalctl -x prints them on Ubuntu", () => {
    const entry = journalEntries([{ kind: "loop", loop: loop() }], T + 100)[2];
    expect(catalogLines(entry)).toEqual([
      "░░ Subject: Unit process exited",
      "░░ Defined-By: systemd",
      "░░ Support: http://www.ubuntu.com/support",
      "░░",
      "░░ An ExecStart= process belonging to unit kubelet.service has exited.",
      "░░",
      "░░ The process' exit code is 'exited' and its exit status is 1.",
    ]);
  });

  it("says nothing under a process's own lines", () => {
    expect(catalogLines(journalEntries([{ kind: "loop", loop: loop() }], T + 100)[1])).toEqual([]);
  });
});
