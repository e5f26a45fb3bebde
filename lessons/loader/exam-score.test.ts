import { describe, expect, it } from "vitest";
import type { CheckResult, GradeReport } from "../../engine/index";
import { scoreExam } from "./exam-score";

/** A task's report from its checks' weights and results. */
function report(...checks: [weight: number, passed: boolean][]): GradeReport {
  const results: CheckResult[] = checks.map(([weight, passed]) => ({ weight, passed, message: "m", detail: "d" }));
  const total = checks.reduce((n, [w]) => n + w, 0);
  const earned = checks.reduce((n, [w, p]) => n + (p ? w : 0), 0);
  return { passed: checks.every(([, p]) => p), score: earned / total, checks: results };
}

describe("scoreExam", () => {
  it.each([
    ["everything passed", [report([1, true])], [report([1, true], [1, true])], 100, true],
    ["nothing passed", [report([1, false])], [report([1, false])], 0, false],
    // task a (weight 60): 1 of 3 equal checks; task b (weight 40): the heavier check of two
    ["partial credit by check weights", [report([1, true], [1, false], [1, false])], [report([1, false], [3, true])], 50, false],
  ] as const)("%s", (_what, a, b, total, passed) => {
    const s = scoreExam(66, [
      { id: "a", weight: 60, report: a[0] },
      { id: "b", weight: 40, report: b[0] },
    ]);
    expect(s.total).toBe(total);
    expect(s.passed).toBe(passed);
  });

  it("gives each task its weight times its share, to two decimals", () => {
    const s = scoreExam(66, [
      { id: "a", weight: 7, report: report([1, true], [1, true], [1, false]) },
      { id: "b", weight: 93, report: report([1, true]) },
    ]);
    expect(s.tasks.map((t) => [t.id, t.points])).toEqual([
      ["a", 4.67],
      ["b", 93],
    ]);
    expect(s.total).toBe(97.7);
  });

  it("passes at the mark exactly and not a hair below it", () => {
    const at = scoreExam(66, [
      { id: "a", weight: 66, report: report([1, true]) },
      { id: "b", weight: 34, report: report([1, false]) },
    ]);
    expect([at.total, at.passed]).toEqual([66, true]);
    // 65.96 shows as 66.0 but is under the mark
    const under = scoreExam(66, [
      { id: "a", weight: 64, report: report([1, true]) },
      { id: "b", weight: 3, report: report([49, true], [26, false]) },
      { id: "c", weight: 33, report: report([1, false]) },
    ]);
    expect(under.total).toBe(66);
    expect(under.passed).toBe(false);
  });
});
