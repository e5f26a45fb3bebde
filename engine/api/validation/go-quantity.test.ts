import { describe, expect, it } from "vitest";
import { goQuantitySyntax } from "./go-quantity";

const dump = (value: string, scale: number, s: string, format: string, dec = "nil") =>
  `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(${dec})}, s:"${s}", Format:"${format}"}`;

// What ParseQuantity's fast path builds (apimachinery quantity.go): the cached string is
// kept only for canonical text. Real `%#v` dumps seen in error reports agree: `0` as
// {value:0, scale:0} s:"0" DecimalSI (an HPA "must be positive"), `1Gi` as
// {value:1073741824, scale:0} s:"1Gi" BinarySI, `2Gi` with s:"2Gi".
describe("goQuantitySyntax", () => {
  it.each<[unknown, string]>([
    ["0", dump("0", 0, "0", "DecimalSI")],
    ["1", dump("1", 0, "1", "DecimalSI")],
    [2, dump("2", 0, "2", "DecimalSI")],
    ["500m", dump("500", -3, "500m", "DecimalSI")],
    ["1500m", dump("1500", -3, "1500m", "DecimalSI")],
    ["1000m", dump("1000", -3, "", "DecimalSI")],
    ["0.5", dump("5", -1, "", "DecimalSI")],
    ["1Gi", dump("1073741824", 0, "1Gi", "BinarySI")],
    ["2Gi", dump("2147483648", 0, "2Gi", "BinarySI")],
    ["512Mi", dump("536870912", 0, "", "BinarySI")],
    ["100Mi", dump("104857600", 0, "100Mi", "BinarySI")],
    ["1G", dump("1", 9, "1G", "DecimalSI")],
    ["1e3", dump("1", 3, "1e3", "DecimalExponent")],
    ["1.5Gi", dump("0", 0, "", "BinarySI", "0xc000a1c060")],
  ])("%j", (input, want) => {
    expect(goQuantitySyntax(input)).toBe(want);
  });
});
