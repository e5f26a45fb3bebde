import { describe, expect, it } from "vitest";
import { nextAfter, parseSchedule } from "./cron-schedule";

const T = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? "never" : new Date(ms).toISOString().replace(".000Z", "Z"));

function next(spec: string, after: string, zone?: string): string {
  const s = parseSchedule(spec);
  if (!s.ok) throw new Error(s.error);
  return iso(nextAfter(s.value, T(after), zone));
}

describe("cron schedules (robfig/cron v3 ParseStandard and SpecSchedule.Next)", () => {
  it.each<[string, string, string]>([
    ["*/5 * * * *", "2026-01-27T10:00:00Z", "2026-01-27T10:05:00Z"],
    ["*/5 * * * *", "2026-01-27T10:02:30Z", "2026-01-27T10:05:00Z"],
    ["* * * * *", "2026-01-27T10:00:30Z", "2026-01-27T10:01:00Z"],
    ["0 * * * *", "2026-01-27T10:00:00Z", "2026-01-27T11:00:00Z"],
    ["30 6-16/4 * * 1-5", "2026-01-27T11:00:00Z", "2026-01-27T14:30:00Z"],
    ["0 9 * * mon,fri", "2026-01-27T10:00:00Z", "2026-01-30T09:00:00Z"],
    ["0 0 1 jan *", "2026-01-27T10:00:00Z", "2027-01-01T00:00:00Z"],
    ["0 0 29 2 *", "2026-01-27T10:00:00Z", "2028-02-29T00:00:00Z"],
    ["15,45 10 * * *", "2026-01-27T10:20:00Z", "2026-01-27T10:45:00Z"],
    ["5/20 * * * *", "2026-01-27T10:30:00Z", "2026-01-27T10:45:00Z"],
    ["@hourly", "2026-01-27T10:10:00Z", "2026-01-27T11:00:00Z"],
    ["@daily", "2026-01-27T10:10:00Z", "2026-01-28T00:00:00Z"],
    ["@weekly", "2026-01-27T10:10:00Z", "2026-02-01T00:00:00Z"],
    ["@monthly", "2026-01-27T10:10:00Z", "2026-02-01T00:00:00Z"],
    ["@every 90s", "2026-01-27T10:00:00Z", "2026-01-27T10:01:30Z"],
    ["0 0 1 * 0", "2026-01-27T10:00:00Z", "2026-02-01T00:00:00Z"],
  ])("%s after %s is %s", (spec, after, want) => {
    expect(next(spec, after)).toBe(want);
  });

  it("reads the schedule in its time zone", () => {
    expect(next("0 9 * * *", "2026-01-27T10:00:00Z", "Asia/Seoul")).toBe("2026-01-28T00:00:00Z");
    expect(next("TZ=Asia/Seoul 0 9 * * *", "2026-01-27T10:00:00Z")).toBe("2026-01-28T00:00:00Z");
  });

  it.each<[string, string]>([
    ["* * * *", "expected exactly 5 fields, found 4: [* * * *]"],
    ["60 * * * *", "end of range (60) above maximum (59): 60"],
    ["* * 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["* * * * 7", "end of range (7) above maximum (6): 7"],
    ["5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["1-2-3 * * * *", "too many hyphens: 1-2-3"],
    ["@often", "unrecognized descriptor: @often"],
    ["x * * * *", 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
  ])("refuses %s", (spec, error) => {
    expect(parseSchedule(spec)).toEqual({ ok: false, error });
  });
});
