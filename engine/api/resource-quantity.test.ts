import { describe, expect, it } from "vitest";
import { addQuantity, formatQuantity, newQuantity, parseQuantity, quantityMilliValue, quantityParseError, quantityValue } from "./resource-quantity";

describe("quantity", () => {
  it.each([
    ["100m", "100m"],
    ["0.5", "500m"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["1000", "1k"],
    ["2000000", "2M"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["1055762868Ki", "1055762868Ki"],
    ["512", "512"],
    ["1e3", "1e3"],
    ["0", "0"],
    ["0G", "0"],
    ["4G", "4G"],
  ])("%s prints as %s", (input, want) => {
    expect(formatQuantity(parseQuantity(input) ?? { nanos: -1n, format: "DecimalSI" })).toBe(want);
  });

  it("rejects what the API server would", () => {
    expect(parseQuantity("1.2.3")).toBeUndefined();
    expect(parseQuantity("12x")).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });

  // kubectl's TestGetPodsTotalRequests sums, and Quantity.Add keeping the receiver's suffix family.
  it("adds exactly and keeps the first operand's format", () => {
    const sum = (values: string[]) => values.map((v) => parseQuantity(v)!).reduce((a, b) => addQuantity(a, b));
    expect(formatQuantity(sum(["1", "90m", "60m", "34m"]))).toBe("1184m");
    expect(formatQuantity(sum(["300Mi", "120Mi", "43Mi", "83Mi"]))).toBe("546Mi");
    expect(formatQuantity(sum(["1G", "200M", "500M", "700M"]))).toBe("2400M");
    expect(formatQuantity(sum(["0", "128Mi"]))).toBe("128Mi");
  });

  it("rounds Value and MilliValue up", () => {
    expect(quantityValue(parseQuantity("100m")!)).toBe(1n);
    expect(quantityMilliValue(parseQuantity("1n")!)).toBe(1n);
    expect(quantityValue(parseQuantity("16216284Ki")!)).toBe(16605474816n);
  });
});

// The texts of apimachinery's ErrFormatWrong and ErrSuffix, as the API server's decoder
// reports them for a bad quantity (kubernetes#120342, `32MMi` in a real transcript).
describe("quantityParseError", () => {
  const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  it.each<[unknown, string | undefined]>([
    ["512Mi", undefined],
    [0.5, undefined],
    [null, undefined],
    ["512MB", FORMAT],
    ["", FORMAT],
    ["lots", FORMAT],
    [true, FORMAT],
    ["32MMi", "unable to parse quantity's suffix"],
    ["1mi", "unable to parse quantity's suffix"],
  ])("%j: %s", (input, want) => {
    expect(quantityParseError(input)).toBe(want);
  });
});

describe("newQuantity", () => {
  // describeQuota shows a used amount in the hard amount's family: NewQuantity(used.Value(), hard.Format).
  it("prints whole units in the family asked for", () => {
    expect(formatQuantity(newQuantity(536870912n, "BinarySI"))).toBe("512Mi");
    expect(formatQuantity(newQuantity(0n, "BinarySI"))).toBe("0");
    expect(formatQuantity(newQuantity(2000n, "DecimalSI"))).toBe("2k");
  });
});
