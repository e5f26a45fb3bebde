import { describe, expect, it } from "vitest";
import { splitChars } from "./char-width";
import { LineView, layout, moveCursor, promptUnits } from "./line-view";

const chars = splitChars;

describe("layout: where xterm puts each cell", () => {
  it("a char that fills the row exactly leaves a wrap pending; the next starts the next row", () => {
    const l = layout(["a", "b", "c"], 3);
    expect(l.before[3]).toEqual({ row: 1, col: 0 });
    expect(l.pendingWrap).toBe(true);
  });

  it("a wide char that finds one cell left is drawn whole on the next row", () => {
    const l = layout(["a", "b", "한"], 3);
    expect([l.before[2], l.at[2], l.before[3], l.pendingWrap]).toEqual([
      { row: 0, col: 2 },
      { row: 1, col: 0 },
      { row: 1, col: 2 },
      false,
    ]);
  });

  it("a tab reaches the next multiple of 8", () => {
    const l = layout(["a", "\t", "b"], 20);
    expect([l.widths[1], l.at[2]]).toEqual([7, { row: 0, col: 8 }]);
  });

  it("a newline in a recalled multi-line command starts a row", () => {
    expect(layout(["a", "\n", "b"], 20).at[2]).toEqual({ row: 1, col: 0 });
  });

  it("colour sequences in the prompt take no cells", () => {
    const units = promptUnits("\x1b[1;32mcontrolplane\x1b[0m:~$ ");
    expect(units[0]).toBe("\x1b[1;32m");
    expect(layout(units, 80).before[units.length]).toEqual({ row: 0, col: 16 });
  });
});

describe("moveCursor: relative moves, never absolute (the prompt may be anywhere on screen)", () => {
  it.each<[string, [number, number], [number, number], string]>([
    ["left", [0, 9], [0, 4], "\x1b[5D"],
    ["right", [0, 4], [0, 9], "\x1b[5C"],
    ["to column 0 with CR", [0, 9], [0, 0], "\r"],
    ["up a row and right", [2, 1], [1, 7], "\x1b[1A\x1b[6C"],
    ["down two rows and left", [0, 7], [2, 3], "\x1b[2B\x1b[4D"],
    ["nowhere", [1, 1], [1, 1], ""],
  ])("%s", (_name, [r1, c1], [r2, c2], want) => {
    expect(moveCursor({ row: r1, col: c1 }, { row: r2, col: c2 })).toBe(want);
  });
});

describe("LineView: the bytes that redraw the line (10-column terminal, prompt `$ `)", () => {
  it("a line that fills its row exactly: a space and CR make the wrap real, as readline does", () => {
    const v = new LineView(10);
    expect(v.show("$ ", chars("abcdefgh"), 8)).toBe("$ abcdefgh \r");
  });

  it("typing on from the fresh row writes just the char", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 8);
    expect(v.update("$ ", chars("abcdefghi"), 9)).toBe("i");
  });

  it("Backspace from the fresh row goes up, and erases the rest of the screen", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 8);
    expect(v.update("$ ", chars("abcdefg"), 7)).toBe("\x1b[1A\x1b[9C\x1b[J");
  });

  it("Home and End on a wrapped line move between rows", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefghijkl"), 12);
    expect(v.update("$ ", chars("abcdefghijkl"), 0)).toBe("\x1b[1A\x1b[2D");
    expect(v.update("$ ", chars("abcdefghijkl"), 12)).toBe("\x1b[1B\x1b[2C");
  });

  it("inserting in the first row rewrites the rest, wrapping into the second", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 0);
    expect(v.update("$ ", chars("Xabcdefgh"), 1)).toBe("Xabcdefgh\x1b[1A\x1b[2C");
  });

  it("a wide char pushed to the next row: the cursor on it stands at that row's start", () => {
    const v = new LineView(10);
    expect(v.show("$ ", chars("abcdefg한"), 8)).toBe("$ abcdefg한");
    expect(v.update("$ ", chars("abcdefg한"), 7)).toBe("\r");
    expect(v.update("$ ", chars("abcdefg한"), 6)).toBe("\x1b[1A\x1b[8C");
  });

  it("deleting before the wide char pulls it back to fill the first row exactly", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefg한"), 8);
    expect(v.update("$ ", chars("bcdefg한"), 0)).toBe("\x1b[1Abcdefg한 \r\x1b[K\x1b[1A\x1b[2C");
  });

  it("tabs are drawn as spaces to the next tab stop", () => {
    const v = new LineView(20);
    expect(v.show("$ ", chars("a\tb"), 3)).toBe("$ a     b");
  });

  it("a multi-line command is drawn row by row, each row cleared to its end", () => {
    const v = new LineView(20);
    expect(v.show("$ ", chars("ab\ncd"), 5)).toBe("$ ab\x1b[K\r\ncd");
  });

  it("a coloured prompt is written as is but counted by its visible cells", () => {
    const v = new LineView(10);
    expect(v.show("\x1b[32m$\x1b[0m ", chars("abcdefgh"), 8)).toBe("\x1b[32m$\x1b[0m abcdefgh \r");
  });

  it("finish: after a line that ended its row exactly no empty row is added", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 3);
    expect(v.finish()).toBe("\x1b[1B\r");
  });

  it("finish with ^C goes to the end first", () => {
    const v = new LineView(80);
    v.show("$ ", chars("kubectl"), 2);
    expect(v.finish("^C")).toBe("\x1b[5C^C\r\n");
  });

  it("resize narrower: from the reflowed cursor back to the prompt, then everything again", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 8);
    expect(v.resize(5)).toBe("\x1b[2A$ abcdefgh \r\x1b[J");
  });

  it("resize wider: the line fits one row again", () => {
    const v = new LineView(10);
    v.show("$ ", chars("abcdefgh"), 8);
    expect(v.resize(20)).toBe("\r$ abcdefgh\x1b[J");
  });

  it("a new prompt (search) redraws from the prompt's start", () => {
    const v = new LineView(80);
    v.show("$ ", chars("ls"), 2);
    expect(v.update("(reverse-i-search)`': ", chars("ls"), 2)).toBe("\r(reverse-i-search)`': ls");
  });

  it("Ctrl-L: clear the screen, then the line at the top", () => {
    const v = new LineView(80);
    v.show("$ ", chars("ls"), 1);
    expect(v.clearScreen()).toBe("\x1b[H\x1b[2J$ ls\x1b[1D");
  });
});
