import { describe, expect, it } from "vitest";
import { sameJson } from "./pod-control";

describe("sameJson", () => {
  // each case: whether JSON.stringify of both, keys sorted, is the same text
  it.each([
    ["the same value", { a: 1, b: [1, "x"] }, { a: 1, b: [1, "x"] }, true],
    ["keys in another order", { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, true],
    ["a key holding undefined, and none", { a: 1, b: undefined }, { a: 1 }, true],
    ["undefined and null in a list", [undefined, 1], [null, 1], true],
    ["undefined and null as a value", { a: undefined }, { a: null }, false],
    ["NaN and null", [Number.NaN], [null], true],
    ["-0 and 0", { n: -0 }, { n: 0 }, true],
    ["a number and its text", { n: 1 }, { n: "1" }, false],
    ["an extra key", { a: 1 }, { a: 1, b: 2 }, false],
    ["a missing key", { a: 1, b: 2 }, { a: 1 }, false],
    ["lists of other lengths", [1, 2], [1, 2, 3], false],
    ["lists in another order", [1, 2], [2, 1], false],
    ["an empty list and an empty map", [], {}, false],
    ["a map and null", {}, null, false],
    ["a deep difference", { a: [{ b: { c: 1 } }] }, { a: [{ b: { c: 2 } }] }, false],
    ["empty maps", {}, {}, true],
  ])("%s", (_, a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });
});
