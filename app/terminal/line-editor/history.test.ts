import { describe, expect, it } from "vitest";
import { History } from "./history";

describe("History: what bash records with HISTCONTROL=ignoreboth", () => {
  it.each<[string, string[], string[]]>([
    ["every new command is kept, oldest first", ["ls", "pwd"], ["ls", "pwd"]],
    ["ignoredups: a repeat of the newest entry is not kept", ["ls", "ls", "pwd", "ls"], ["ls", "pwd", "ls"]],
    ["ignorespace: a line starting with a space is not kept", [" export TOKEN=x", "ls"], ["ls"]],
    ["empty and blank lines are not kept", ["", "   ", "ls"], ["ls"]],
    ["a multi-line command is one entry", ["cat <<EOF\nhi\nEOF"], ["cat <<EOF\nhi\nEOF"]],
  ])("%s", (_name, lines, want) => {
    const h = new History();
    for (const l of lines) h.add(l);
    expect(h.list()).toEqual(want);
  });

  it("HISTSIZE: only the newest `size` entries stay", () => {
    const h = new History(["a", "b"], 3);
    h.add("c");
    h.add("d");
    expect(h.list()).toEqual(["b", "c", "d"]);
  });

  it("given entries beyond the size are cut to the newest", () => {
    expect(new History(["a", "b", "c"], 2).list()).toEqual(["b", "c"]);
  });

  it("list() is a copy the host can keep", () => {
    const h = new History(["a"]);
    h.list().push("x");
    expect(h.list()).toEqual(["a"]);
  });
});

describe("History: walking with Up and Down", () => {
  it("Up goes back, Down comes forward to the line being typed", () => {
    const h = new History(["ls", "pwd"]);
    expect(h.previous("kub")).toBe("pwd");
    expect(h.previous("pwd")).toBe("ls");
    expect(h.previous("ls")).toBeUndefined();
    expect(h.next("ls")).toBe("pwd");
    expect(h.next("pwd")).toBe("kub");
    expect(h.next("kub")).toBeUndefined();
  });

  it("edits to a recalled entry are kept while walking, and dropped by reset", () => {
    const h = new History(["ls", "pwd"]);
    h.previous("");
    expect(h.previous("pw")).toBe("ls");
    expect(h.next("ls")).toBe("pw");
    h.reset();
    expect(h.previous("")).toBe("pwd");
    expect(h.list()).toEqual(["ls", "pwd"]);
  });

  it("adding a line goes back to the bottom", () => {
    const h = new History(["ls"]);
    h.previous("");
    h.add("pwd");
    expect(h.position).toBe(2);
  });
});
