import { describe, expect, it } from "vitest";
import { MIN_LESSON_PX, MIN_WORKBENCH_PX, clampSplit, parseSplit, splitAfterKey, splitBounds } from "./split-position";

describe("splitBounds", () => {
  it("keeps both panes above their minimum width", () => {
    const width = 1440;
    const handle = 12;
    const { min, max } = splitBounds(width, handle);
    expect((min / 100) * width).toBeGreaterThanOrEqual(MIN_LESSON_PX);
    expect(width - handle - (max / 100) * width).toBeGreaterThanOrEqual(MIN_WORKBENCH_PX);
    expect({ min, max }).toEqual({ min: 20, max: 74 });
  });

  it("narrows the range on a narrower page", () => {
    expect(splitBounds(960, 12)).toEqual({ min: 30, max: 61 });
  });

  it("gives one fixed position when both minimums do not fit", () => {
    expect(splitBounds(500, 12)).toEqual({ min: 44, max: 44 });
    expect(splitBounds(0, 12)).toEqual({ min: 50, max: 50 });
  });
});

describe("splitAfterKey", () => {
  const bounds = { min: 20, max: 74 };
  it.each([
    ["ArrowLeft", 50, false, 48],
    ["ArrowRight", 50, false, 52],
    ["ArrowLeft", 50, true, 40],
    ["ArrowRight", 50, true, 60],
    ["ArrowLeft", 21, false, 20],
    ["ArrowRight", 70, true, 74],
    ["Home", 50, false, 20],
    ["End", 50, false, 74],
    ["Enter", 50, false, undefined],
    ["ArrowUp", 50, false, undefined],
  ] as const)("%s from %d (large: %s) gives %s", (key, from, large, to) => {
    expect(splitAfterKey(key, from, bounds, large)).toBe(to);
  });
});

describe("clampSplit", () => {
  it("holds a dragged value inside the bounds", () => {
    expect(clampSplit(5, { min: 20, max: 74 })).toBe(20);
    expect(clampSplit(95, { min: 20, max: 74 })).toBe(74);
    expect(clampSplit(33.3, { min: 20, max: 74 })).toBe(33.3);
  });
});

describe("parseSplit", () => {
  it.each([
    [null, undefined],
    ["", undefined],
    ["abc", undefined],
    ["0", undefined],
    ["100", undefined],
    ["-4", undefined],
    ["37.5", 37.5],
  ] as const)("%j reads as %s", (stored, value) => {
    expect(parseSplit(stored)).toBe(value);
  });
});
