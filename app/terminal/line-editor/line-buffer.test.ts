import { describe, expect, it } from "vitest";
import { LineBuffer } from "./line-buffer";

function buffer(text: string, cursor?: number): LineBuffer {
  const b = new LineBuffer();
  b.set(text, cursor);
  return b;
}

describe("LineBuffer: word motions as readline finds them", () => {
  it.each<[string, string, number, number]>([
    ["Alt-B from the end goes to the start of the last word", "kubectl get pods", 16, 12],
    ["Alt-B skips the spaces before it first", "kubectl get pods  ", 18, 12],
    ["Alt-B stops at punctuation: a word is letters and digits", "kubectl get pod/web-1", 21, 20],
    ["Alt-B over Korean words", "echo 안녕 세계", 10, 8],
    ["Alt-B at the start stays", "ls", 0, 0],
  ])("%s", (_name, text, from, want) => {
    expect(buffer(text).wordStartBefore(from)).toBe(want);
  });

  it.each<[string, string, number, number]>([
    ["Alt-F goes to the end of the next word", "kubectl get pods", 0, 7],
    ["Alt-F from a space skips it first", "kubectl get pods", 7, 11],
    ["Alt-F stops before punctuation", "pod/web-1", 0, 3],
    ["Alt-F at the end stays", "ls", 2, 2],
  ])("%s", (_name, text, from, want) => {
    expect(buffer(text).wordEndAfter(from)).toBe(want);
  });

  it.each<[string, string, number, number]>([
    ["Ctrl-W takes everything back to whitespace", "cat /etc/hosts", 14, 4],
    ["Ctrl-W skips trailing spaces first", "kubectl get  ", 13, 8],
    ["Ctrl-W in the middle of a word takes its first half", "kubectl", 4, 0],
  ])("%s", (_name, text, from, want) => {
    expect(buffer(text).bigWordStartBefore(from)).toBe(want);
  });
});

describe("LineBuffer: editing", () => {
  it("inserts at the cursor and moves past the insertion", () => {
    const b = buffer("kubectl pods", 8);
    b.insert("get ");
    expect([b.text, b.cursor]).toEqual(["kubectl get pods", 12]);
  });

  it("remove returns the text and pulls the cursor back", () => {
    const b = buffer("kubectl get pods");
    expect(b.remove(7, 11)).toBe(" get");
    expect([b.text, b.cursor]).toEqual(["kubectl pods", 12]);
  });

  it("a cursor inside a removed range goes to its start", () => {
    const b = buffer("abcdef", 3);
    b.remove(1, 5);
    expect([b.text, b.cursor]).toEqual(["af", 1]);
  });

  it("counts Korean syllables as one char each, and offsets in UTF-16", () => {
    const b = buffer("echo 파드 😀", 8);
    expect(b.length).toBe(9);
    expect(b.cursorOffset).toBe(8);
    expect(b.offsetOf(9)).toBe(10);
    expect(b.indexOf(10)).toBe(9);
    expect(b.indexOf(9)).toBe(8);
  });
});
