import { describe, expect, it } from "vitest";
import type { BackOffEntry } from "./back-off";
import { inBackOffSince, inBackOffSinceUpdate, nextBackOff } from "./back-off";

describe("flowcontrol.Backoff as the kubelet uses it", () => {
  it("doubles from 10 s and stops at 5 min", () => {
    let entry: BackOffEntry | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      entry = nextBackOff(entry, i * 1000, i * 1000);
      seen.push(entry.backoffMs / 1000);
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it("starts again at 10 s once nothing happened for more than 10 minutes", () => {
    const entry = { backoffMs: 160_000, lastUpdate: 0 };
    expect(nextBackOff(entry, 600_000, 600_000).backoffMs).toBe(300_000);
    expect(nextBackOff(entry, 600_001, 600_001).backoffMs).toBe(10_000);
  });

  it.each([
    ["no entry", undefined, 0, 5_000, false],
    ["inside the back-off", { backoffMs: 20_000, lastUpdate: 0 }, 30_000, 49_999, true],
    ["back-off over", { backoffMs: 20_000, lastUpdate: 0 }, 30_000, 50_000, false],
    ["the last update too long before the exit", { backoffMs: 20_000, lastUpdate: 0 }, 600_001, 600_002, false],
  ] as const)("IsInBackOffSince: %s", (_name, entry, exitAt, now, expected) => {
    expect(inBackOffSince(entry, exitAt, now)).toBe(expected);
  });

  it.each([
    [9_999, true],
    [10_000, false],
  ])("IsInBackOffSinceUpdate 10 s after a failure at %i ms: %s", (now, expected) => {
    expect(inBackOffSinceUpdate({ backoffMs: 10_000, lastUpdate: 0 }, now)).toBe(expected);
  });
});
