import { describe, expect, it } from "vitest";
import { charWidth, codePointWidth, splitChars, textWidth } from "./char-width";

describe("char widths as xterm.js (Unicode 6, wcwidth) draws them", () => {
  it.each<[string, number]>([
    ["a", 1],
    ["~", 1],
    ["é", 1],
    ["한", 2],
    ["ㄱ", 2],
    ["漢", 2],
    ["か", 2],
    ["Ａ", 2],
    ["\u0301", 0],
    ["\u200b", 0],
    ["\u1161", 0],
    ["\x07", 0],
  ])("%j takes %i columns", (ch, want) => {
    expect(codePointWidth(ch.codePointAt(0) ?? 0)).toBe(want);
  });

  it("〿 (U+303F) is the one narrow char inside the CJK block", () => {
    expect(charWidth("\u303f")).toBe(1);
  });

  it("a Korean command line counts 2 per syllable", () => {
    expect(textWidth("echo 안녕")).toBe(9);
  });

  it.each<[string, string[]]>([
    ["abc", ["a", "b", "c"]],
    ["파드", ["파", "드"]],
    ["e\u0301x", ["e\u0301", "x"]],
    ["\u0301a", ["\u0301", "a"]],
    ["a\tb", ["a", "\t", "b"]],
    ["😀x", ["😀", "x"]],
  ])("splitChars(%j): combining marks stay with their base char", (text, want) => {
    expect(splitChars(text)).toEqual(want);
  });
});
