import { describe, expect, it } from "vitest";
import { ReverseSearch } from "./reverse-search";

const LINES = ["kubectl get pods", "ls -l", "kubectl describe pod web", "kubectl get pods", "pwd", ""];
const fromEnd = () => new ReverseSearch(LINES, { index: 5, offset: 0 });

describe("ReverseSearch: readline's reverse-i-search", () => {
  it("starts with bash's empty prompt on the current line", () => {
    const s = fromEnd();
    expect([s.prompt, s.line, s.offset]).toEqual(["(reverse-i-search)`': ", "", 0]);
  });

  it("finds the newest line holding the query, the cursor on the match", () => {
    const s = fromEnd();
    s.type("pod");
    expect([s.prompt, s.index, s.line, s.offset]).toEqual(["(reverse-i-search)`pod': ", 3, "kubectl get pods", 12]);
  });

  it("typing on keeps the match while it still fits there", () => {
    const s = fromEnd();
    s.type("get");
    s.type(" p");
    expect([s.index, s.offset]).toEqual([3, 8]);
  });

  it("Ctrl-R again skips an identical older line and finds the next different one", () => {
    const s = fromEnd();
    s.type("pod");
    s.again("reverse");
    expect([s.index, s.line, s.offset]).toEqual([2, "kubectl describe pod web", 17]);
    s.again("reverse");
    expect([s.index, s.offset]).toEqual([0, 12]);
  });

  it("Ctrl-R again finds an earlier match in the same line first", () => {
    const s = new ReverseSearch(["a-a-a", ""], { index: 1, offset: 0 });
    s.type("a");
    expect(s.offset).toBe(4);
    s.again("reverse");
    expect([s.index, s.offset]).toEqual([0, 2]);
  });

  it("a failed search says so in the prompt and keeps the last match shown", () => {
    const s = fromEnd();
    s.type("desc");
    expect(s.type("x")).toBe(false);
    expect([s.prompt, s.line, s.failed]).toEqual(["(failed reverse-i-search)`descx': ", "kubectl describe pod web", true]);
  });

  it("Ctrl-R past the oldest match fails", () => {
    const s = fromEnd();
    s.type("ls");
    expect(s.again("reverse")).toBe(false);
    expect([s.failed, s.line]).toEqual([true, "ls -l"]);
  });

  it("Backspace shortens the query and searches again from the start", () => {
    const s = fromEnd();
    s.type("descx");
    s.backspace();
    expect([s.query, s.failed, s.index]).toEqual(["desc", false, 2]);
    for (let i = 0; i < 4; i++) s.backspace();
    expect([s.query, s.index, s.offset]).toEqual(["", 5, 0]);
  });

  it("Ctrl-R on an empty query searches for the previous search's query", () => {
    const s = new ReverseSearch(LINES, { index: 5, offset: 0 }, "reverse", "ls");
    s.again("reverse");
    expect([s.query, s.line]).toEqual(["ls", "ls -l"]);
  });

  it("Ctrl-S searches forward with the (i-search) prompt", () => {
    const s = new ReverseSearch(LINES, { index: 0, offset: 0 });
    s.again("forward");
    s.type("pwd");
    expect([s.prompt, s.index]).toEqual(["(i-search)`pwd': ", 4]);
  });

  it("matches in Korean lines report UTF-16 offsets", () => {
    const s = new ReverseSearch(["echo 파드 목록", ""], { index: 1, offset: 0 });
    s.type("목록");
    expect([s.index, s.offset]).toEqual([0, 8]);
  });
});
