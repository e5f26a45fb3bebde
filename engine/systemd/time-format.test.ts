import { describe, expect, it } from "vitest";
import { journalTimestamp, klogHeader, relativeAgo, systemdTimestamp, timespan } from "./time-format";

const T = Date.UTC(2026, 0, 27, 10, 0, 0);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe("systemd's relative times (format_timestamp_relative)", () => {
  it.each([
    [0, "now"],
    [429, "429ms ago"],
    [5 * S + 900, "5s ago"],
    [MIN + 5 * S, "1min 5s ago"],
    [4 * MIN + 59 * S, "4min 59s ago"],
    [22 * MIN + 30 * S, "22min ago"],
    [H + 19 * MIN, "1h 19min ago"],
    [7 * H, "7h ago"],
    [26 * H, "1 day 2h ago"],
    [3 * D + 5 * H, "3 days ago"],
    [7 * D + 4 * S, "1 week 0 days ago"],
    [16 * D, "2 weeks 2 days ago"],
  ])("%i ms ago reads %s", (ago, text) => {
    expect(relativeAgo(T - ago, T)).toBe(text);
  });
});

describe("systemd's time spans (format_timespan, ms accuracy)", () => {
  it.each([
    [0, "0"],
    [84, "84ms"],
    [12_016, "12.016s"],
    [10_000, "10s"],
    [MIN + 23_456, "1min 23.456s"],
    [2 * H + 21 * MIN + 56_422, "2h 21min 56.422s"],
    [19 * MIN + 57_555, "19min 57.555s"],
    [7 * D + 4 * S, "1w 4s"],
  ])("%i ms is %s", (ms, text) => {
    expect(timespan(ms)).toBe(text);
  });
});

describe("timestamps", () => {
  it("writes systemd's, journald's and klog's forms in UTC", () => {
    expect(systemdTimestamp(T + 5 * S)).toBe("Tue 2026-01-27 10:00:05 UTC");
    expect(journalTimestamp(T + 5 * S)).toBe("Jan 27 10:00:05");
    expect(klogHeader("E", T + 5 * S + 412, 17651, "run.go:74")).toMatch(/^E0127 10:00:05\.412\d{3}   17651 run\.go:74\] $/);
  });

  it("lets a klog header's microseconds grow line by line within one millisecond", () => {
    const micros = (salt: number) => klogHeader("I", T, 420, "x.go:1", salt).slice(15, 21);
    expect(micros(1) < micros(2)).toBe(true);
  });
});
