import { describe, expect, it } from "vitest";
import { type Event, K, PROMPT, session } from "./test-support";

const { up, down, backspace } = K;
const w = (bytes: string): Event => ["write", bytes];
const HISTORY = ["kubectl get pods", "ls -l", "pwd"];

interface Case {
  readonly name: string;
  readonly keys: readonly string[];
  readonly want: readonly Event[];
}

const WALKING: Case[] = [
  { name: "Up recalls the newest command", keys: [up], want: [w("pwd")] },
  { name: "Up again goes further back, rewriting from the first differing char", keys: [up, up], want: [w("pwd\x1b[3Dls -l")] },
  { name: "Ctrl-P and Ctrl-N are Up and Down", keys: [K.ctrl("p"), K.ctrl("n")], want: [w("pwd\x1b[3D\x1b[K")] },
  { name: "Up past the oldest command rings the bell", keys: [up, up, up, up], want: [w("pwd\x1b[3Dls -l\x1b[5Dkubectl get pods\x07")] },
  { name: "Down on the line being typed does nothing", keys: [down], want: [] },
  { name: "the line being typed is kept: Down after Up brings it back", keys: ["kub", up, down], want: [w("kub\x1b[3Dpwd\x1b[3Dkub")] },
  {
    name: "an edited recalled line keeps its edit while walking (until the line is run)",
    keys: [up, backspace, up, down],
    want: [w("pwd\x1b[1D\x1b[K\x1b[2Dls -l\x1b[5Dpw\x1b[K")],
  },
  { name: "Alt-< goes to the oldest command, Alt-> back to the line being typed", keys: ["x", K.alt("<"), K.alt(">")], want: [w("x\x1b[1Dkubectl get pods\x1b[16Dx\x1b[K")] },
  { name: "a recalled command runs as shown", keys: [up, "\r"], want: [w("pwd\r\n"), ["submit", "pwd"]] },
];

describe("LineEditor: history with Up/Down, Ctrl-P/Ctrl-N", () => {
  it.each(WALKING)("$name", ({ keys, want }) => {
    expect(session({ history: HISTORY }).type(...keys)).toEqual(want);
  });
});

describe("LineEditor: what is recorded (HISTCONTROL=ignoreboth)", () => {
  function run(lines: string[]): string[] {
    const s = session({ history: ["ls"] });
    s.host.onSubmit = () => s.editor.prompt(PROMPT);
    for (const line of lines) s.type(line, "\r");
    return s.editor.history();
  }

  it.each<[string, string[], string[]]>([
    ["a new command is appended", ["pwd"], ["ls", "pwd"]],
    ["ignoredups: the same command twice in a row is kept once", ["pwd", "pwd"], ["ls", "pwd"]],
    ["ignorespace: a command typed with a leading space is not kept", [" export TOKEN=s3cr3t"], ["ls"]],
    ["an empty line is not kept", [""], ["ls"]],
  ])("%s", (_name, lines, want) => {
    expect(run(lines)).toEqual(want);
  });

  it("a recalled and edited command runs edited, is recorded as new, and the old entry is unchanged", () => {
    const s = session({ history: HISTORY });
    s.host.onSubmit = () => s.editor.prompt(PROMPT);
    expect(s.type(up, backspace, "\r")).toEqual([w("pwd\x1b[1D\x1b[K\r\n"), ["submit", "pw"], w(PROMPT)]);
    expect(s.editor.history()).toEqual([...HISTORY, "pw"]);
    // Up shows "pw", Up again "pwd": only the differing "d" is written.
    expect(s.type(up, up)).toEqual([w("pwd")]);
  });

  it("the history is recorded before submit, so the host can persist it then", () => {
    const s = session();
    let seen: string[] = [];
    s.host.onSubmit = () => (seen = s.editor.history());
    s.type("kubectl get nodes\r");
    expect(seen).toEqual(["kubectl get nodes"]);
  });

  it("setHistory replaces the list (loaded after the terminal opened)", () => {
    const s = session();
    s.editor.setHistory(["kubectl version"]);
    expect(s.type(up)).toEqual([w("kubectl version")]);
  });

  it("historySize caps the list", () => {
    const s = session({ history: ["a", "b"], historySize: 2 });
    s.host.onSubmit = () => s.editor.prompt(PROMPT);
    s.type("c\r");
    expect(s.editor.history()).toEqual(["b", "c"]);
  });

  it("a multi-line command is one entry, and Up draws it on several rows", () => {
    const s = session();
    s.type("cat <<EOF\r");
    s.editor.needMore();
    s.type("hi\r");
    s.editor.needMore();
    s.type("EOF\r");
    s.editor.prompt(PROMPT);
    expect(s.editor.history()).toEqual(["cat <<EOF\nhi\nEOF"]);
    s.host.take();
    expect(s.type(up)).toEqual([w("cat <<EOF\x1b[K\r\nhi\x1b[K\r\nEOF")]);
    expect(s.type("\r")).toEqual([w("\r\n"), ["submit", "cat <<EOF\nhi\nEOF"]]);
  });
});
