import { describe, expect, it } from "vitest";
import { type Event, K, PROMPT, session } from "./test-support";

const HISTORY = ["kubectl get pods", "ls -l", "kubectl describe pod web", "pwd"];
const { esc, right, down } = K;
const ctrl = K.ctrl;
const w = (bytes: string): Event => ["write", bytes];
const START = "\r(reverse-i-search)`': ";

interface Case {
  readonly name: string;
  readonly keys: readonly string[];
  readonly want: readonly Event[];
}

const SEARCH: Case[] = [
  { name: "Ctrl-R replaces the prompt with bash's (reverse-i-search)`': ", keys: [ctrl("r")], want: [w(START)] },
  {
    name: "typing finds the newest command holding the text; the cursor stands on the match",
    keys: [ctrl("r"), "get"],
    want: [w(START + "\r(reverse-i-search)`get': kubectl get pods\x1b[8D")],
  },
  {
    name: "Ctrl-R again finds the next older match",
    keys: [ctrl("r"), "kubectl", ctrl("r")],
    want: [w(START + "\r(reverse-i-search)`kubectl': kubectl describe pod web\x1b[24D\x1b[8Cget pods\x1b[K\x1b[16D")],
  },
  {
    name: "Enter runs the match, shown after the normal prompt again",
    keys: [ctrl("r"), "desc", "\r"],
    want: [
      w(START + "\r(reverse-i-search)`desc': kubectl describe pod web\x1b[16D" + `\r${PROMPT}kubectl describe pod web\x1b[K\x1b[16D` + "\x1b[16C\r\n"),
      ["submit", "kubectl describe pod web"],
    ],
  },
  {
    name: "Esc ends the search with the match in the line, cursor where it matched",
    keys: [ctrl("r"), "desc", esc],
    want: [w(START + "\r(reverse-i-search)`desc': kubectl describe pod web\x1b[16D" + `\r${PROMPT}kubectl describe pod web\x1b[K\x1b[16D`)],
  },
  {
    name: "an arrow key ends the search and then moves as usual",
    keys: [ctrl("r"), "ls", right],
    want: [w(START + "\r(reverse-i-search)`ls': ls -l\x1b[5D" + `\r${PROMPT}ls -l\x1b[K\x1b[5D` + "\x1b[1C")],
  },
  {
    name: "Ctrl-G gives up: the line as it was before the search",
    keys: ["kub", ctrl("r"), "pwd", ctrl("g")],
    want: [w("kub\r(reverse-i-search)`': kub" + "\r(reverse-i-search)`pwd': pwd\x1b[3D" + `\r${PROMPT}kub\x1b[K`)],
  },
  {
    name: "no match: the prompt says failed and the bell rings",
    keys: [ctrl("r"), "zz"],
    want: [w(START + "\x07\r(failed reverse-i-search)`zz': ")],
  },
  {
    name: "Ctrl-C during a search abandons the line",
    keys: [ctrl("r"), "ls", ctrl("c")],
    want: [w(START + "\r(reverse-i-search)`ls': ls -l\x1b[5D" + `\x1b[5C^C\r\n${PROMPT}`)],
  },
  {
    name: "after accepting a match, Down goes on to the command that followed it",
    keys: [ctrl("r"), "ls", esc, down],
    want: [w(START + "\r(reverse-i-search)`ls': ls -l\x1b[5D" + `\r${PROMPT}ls -l\x1b[K\x1b[5D` + "kubectl describe pod web")],
  },
  {
    name: "Ctrl-S searches forward with (i-search)",
    keys: [K.alt("<"), ctrl("s"), "pwd"],
    want: [w("kubectl get pods\r(i-search)`': kubectl get pods\x1b[K\r(i-search)`pwd': pwd\x1b[K\x1b[3D")],
  },
  {
    name: "Backspace shortens the query",
    keys: [ctrl("r"), "pwdx", "\x7f"],
    want: [w(START + "\x07\r(failed reverse-i-search)`pwdx': \r(reverse-i-search)`pwd': pwd\x1b[K\x1b[3D")],
  },
];

describe("LineEditor: Ctrl-R reverse incremental search, as bash shows it", () => {
  it.each(SEARCH)("$name", ({ keys, want }) => {
    expect(session({ history: HISTORY }).type(...keys)).toEqual(want);
  });

  it("Ctrl-R Ctrl-R with an empty query repeats the previous search", () => {
    const s = session({ history: HISTORY });
    s.type(ctrl("r"), "ls", ctrl("g"));
    expect(s.type(ctrl("r"), ctrl("r"))).toEqual([w(START + "\r(reverse-i-search)`ls': ls -l\x1b[5D")]);
  });
});
