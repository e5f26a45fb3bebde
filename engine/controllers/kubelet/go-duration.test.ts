import { describe, expect, it } from "vitest";
import { goDuration } from "./go-duration";

describe("goDuration (Go time.Duration.String of whole ms)", () => {
  it.each([
    [0, "0s"],
    [718, "718ms"],
    [1000, "1s"],
    [1234, "1.234s"],
    [1500, "1.5s"],
    [10_000, "10s"],
    [18_185, "18.185s"],
    [80_000, "1m20s"],
    [160_000, "2m40s"],
    [300_000, "5m0s"],
    [3_600_000, "1h0m0s"],
    [3_723_500, "1h2m3.5s"],
  ])("%i ms → %s", (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
