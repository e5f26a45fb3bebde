import { describe, expect, it } from "vitest";
import { ActivityThrottle } from "./activity-throttle";

describe("ActivityThrottle", () => {
  it("records the first command, then one per period, per learner and lesson", () => {
    const t = new ActivityThrottle(30_000);
    const taken = [0, 5_000, 29_999, 30_000, 31_000, 70_000].map((ms) => t.take("alice/pods", ms));
    expect(taken).toEqual([true, false, false, true, false, true]);
    expect(t.take("bob/pods", 5_000)).toBe(true);
    expect(t.take("alice/probes", 5_000)).toBe(true);
  });

  it("records again when the wall clock went back (a corrected clock must not silence a learner)", () => {
    const t = new ActivityThrottle(30_000);
    expect(t.take("alice/pods", 100_000)).toBe(true);
    expect(t.take("alice/pods", 50_000)).toBe(true);
    expect(t.take("alice/pods", 60_000)).toBe(false);
  });

  it("forgets the longest quiet past its capacity, which then records at once", () => {
    const t = new ActivityThrottle(30_000, 2);
    t.take("a", 0);
    t.take("b", 1);
    t.take("a", 2); // within the period: not taken, stays oldest
    t.take("c", 3);
    expect(t.take("b", 4)).toBe(false);
    expect(t.take("a", 5)).toBe(true);
  });
});
