import { describe, expect, it } from "vitest";
import { resolveFenceposts, scaledValue } from "./fenceposts";

describe("rolling update fenceposts (deployment_util_test.go TestResolveFenceposts)", () => {
  it.each<[unknown, unknown, number, number, number]>([
    ["0%", "0%", 0, 0, 1],
    ["39%", "39%", 10, 4, 3],
    [undefined, "39%", 10, 0, 3],
    ["39%", undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ["25%", "25%", 3, 1, 0],
    ["25%", "25%", 4, 1, 1],
    ["25%", "25%", 10, 3, 2],
    [1, 0, 3, 1, 0],
    [0, 0, 3, 0, 1],
    [undefined, undefined, 5, 0, 1],
  ])("maxSurge %s, maxUnavailable %s of %i replicas → surge %i, unavailable %i", (surge, unavailable, desired, wantSurge, wantUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual({ surge: wantSurge, unavailable: wantUnavailable });
  });

  it("rounds percentages of the desired count up for surge and down for unavailability", () => {
    expect(scaledValue("50%", 5, true)).toBe(3);
    expect(scaledValue("50%", 5, false)).toBe(2);
    expect(scaledValue(7, 5, false)).toBe(7);
  });
});
