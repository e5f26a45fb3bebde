import { describe, expect, it } from "vitest";
import { commonPrefix, formatColumns, printablePart, sortedMatches } from "./completion-list";

describe("completion lists laid out as readline's rl_display_match_list does", () => {
  it("two short matches on 80 columns: one row, every column but the last padded to the longest + 2", () => {
    expect(formatColumns(["delete", "describe"], 80)).toEqual(["delete    describe  "]);
  });

  it("columns that would fill the row exactly lose one (80 / 10 = 8 → 7)", () => {
    const items = Array.from({ length: 9 }, (_, i) => `item-${i}xx`); // 8 wide, columns of 10
    expect(formatColumns(items, 80)).toEqual([
      "item-0xx  item-2xx  item-4xx  item-6xx  item-8xx  ",
      "item-1xx  item-3xx  item-5xx  item-7xx  ",
    ]);
  });

  it("sorted down the columns, like ls", () => {
    expect(formatColumns(["a", "b", "c", "d", "e"], 10)).toEqual(["a  c  e", "b  d  "]);
  });

  it("9 columns fit three of width 3 exactly, so only two are used", () => {
    expect(formatColumns(["a", "b", "c", "d", "e"], 9)).toEqual(["a  d", "b  e", "c  "]);
  });

  it("an item wider than the terminal gets a column of its own", () => {
    expect(formatColumns(["a-very-long-name", "b"], 10)).toEqual(["a-very-long-name", "b"]);
  });

  it("Korean names count two columns a syllable", () => {
    expect(formatColumns(["ab", "노드", "파드"], 20)).toEqual(["ab    노드  파드"]);
  });

  it("no matches, no rows", () => {
    expect(formatColumns([], 80)).toEqual([]);
  });
});

describe("completion helpers", () => {
  it.each<[string[], string]>([
    [["kubeadm", "kubectl"], "kube"],
    [["delete", "describe"], "de"],
    [["pods"], "pods"],
    [["파드", "파일"], "파"],
    [[], ""],
  ])("common prefix of %j is %j", (words, want) => {
    expect(commonPrefix(words)).toBe(want);
  });

  it.each<[string, string]>([
    ["/etc/hosts", "hosts"],
    ["/etc/", "etc/"],
    ["dir/sub/", "sub/"],
    ["file", "file"],
    ["/", "/"],
    ["top/", "top/"],
  ])("a listing shows %j as %j", (path, want) => {
    expect(printablePart(path)).toBe(want);
  });

  it("matches are sorted and duplicates removed", () => {
    expect(sortedMatches(["pods", "deploy", "pods", "Pods"])).toEqual(["Pods", "deploy", "pods"]);
  });
});
