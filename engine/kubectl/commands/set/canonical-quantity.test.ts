import { describe, expect, it } from "vitest";
import { canonicalQuantity } from "./canonical-quantity";

// resource.MustParse(x).String(), as the Quantity docs and apimachinery quantity_test.go show.
describe("canonicalQuantity", () => {
  it.each<[string, string | undefined]>([
    ["100m", "100m"],
    ["0.5", "500m"],
    ["1000m", "1"],
    ["1.5", "1500m"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["123Mi", "123Mi"],
    ["128974848", "128974848"],
    ["129e6", "129e6"],
    ["1000k", "1M"],
    ["0", "0"],
    ["lots", undefined],
    ["", undefined],
  ])("%s → %s", (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });
});
