import { describe, expect, it } from "vitest";
import { EMPTY_STATE, MAX_GAP_MS, readState, timePerTask, withDone, withEvent, withFlag } from "./attempt-state";

const MIN = 60_000;

describe("timePerTask", () => {
  it("gives each stretch to the task open during it", () => {
    const log = [
      { at: 2 * MIN, kind: "command" as const },
      { at: 3 * MIN, kind: "open" as const, task: "b" },
      { at: 7 * MIN, kind: "command" as const },
      { at: 8 * MIN, kind: "open" as const, task: "a" },
      { at: 9 * MIN, kind: "command" as const },
    ];
    expect(timePerTask(log, 0, 10 * MIN, ["a", "b", "c"])).toEqual({ a: 3 * MIN + 2 * MIN, b: 5 * MIN, c: 0 });
  });

  it("counts a long pause only up to the cap, and ignores events outside the attempt", () => {
    const log = [
      { at: -5 * MIN, kind: "open" as const, task: "b" },
      { at: 60 * MIN, kind: "command" as const },
      { at: 200 * MIN, kind: "open" as const, task: "b" },
    ];
    expect(timePerTask(log, 0, 61 * MIN, ["a", "b"])).toEqual({ a: MAX_GAP_MS + MIN, b: 0 });
  });

  it("ignores tasks that are not in the exam", () => {
    expect(timePerTask([{ at: MIN, kind: "open", task: "gone" }], 0, 2 * MIN, ["a"])).toEqual({ a: MIN });
  });
});

describe("attempt state", () => {
  it("flags and marks tasks done, once each", () => {
    let s = withFlag(EMPTY_STATE, "a", true);
    s = withFlag(s, "a", true);
    s = withDone(s, "b", true);
    expect([s.flagged, s.done]).toEqual([["a"], ["b"]]);
    expect(withFlag(s, "a", false).flagged).toEqual([]);
  });

  it("keeps the log bounded, dropping the oldest events", () => {
    let s = EMPTY_STATE;
    for (let i = 0; i < 5003; i++) s = withEvent(s, { at: i, kind: "command" });
    expect(s.log).toHaveLength(5000);
    expect(s.log[0].at).toBe(3);
  });

  it("reads what the database holds, missing parts empty", () => {
    expect(readState(null)).toEqual(EMPTY_STATE);
    expect(readState({ flagged: ["x"] })).toEqual({ flagged: ["x"], done: [], log: [] });
  });
});
