import { describe, expect, it } from "vitest";
import { type Event, K, PROMPT, session } from "./test-support";

const { left, right, home, end, backspace, delete: del } = K;
const ctrl = K.ctrl;
const alt = K.alt;
const w = (bytes: string): Event => ["write", bytes];

interface Case {
  readonly name: string;
  readonly keys: readonly string[];
  readonly want: readonly Event[];
}

// Each case: the prompt `controlplane:~$ ` (16 columns) on an 80-column terminal, the keys
// as xterm delivers them (one onData call each), the bytes written back and the host calls.
// The names describe what bash 5's readline does for the same keys.
const EDITING: Case[] = [
  { name: "typed text is echoed", keys: ["kubectl"], want: [w("kubectl")] },
  { name: "keys typed one at a time are echoed one at a time", keys: ["l", "s"], want: [w("ls")] },
  { name: "Enter ends the line with CR LF and runs it", keys: ["ls", "\r"], want: [w("ls\r\n"), ["submit", "ls"]] },
  { name: "Ctrl-J is Enter too", keys: ["ls", "\n"], want: [w("ls\r\n"), ["submit", "ls"]] },
  { name: "Enter on an empty line prints a new prompt and runs nothing", keys: ["\r"], want: [w(`\r\n${PROMPT}`)] },
  { name: "a line of blanks runs nothing either", keys: ["   ", "\r"], want: [w(`   \r\n${PROMPT}`)] },
  { name: "Left moves back one column", keys: ["abc", left], want: [w("abc\x1b[1D")] },
  { name: "Left at the start of the line rings the bell", keys: [left], want: [w("\x07")] },
  { name: "Right at the end of the line rings the bell", keys: ["a", right], want: [w("a\x07")] },
  { name: "Ctrl-B and Ctrl-F move like Left and Right", keys: ["abc", ctrl("b"), ctrl("f")], want: [w("abc\x1b[1D\x1b[1C")] },
  { name: "typing in the middle inserts, rewrites the rest and steps back", keys: ["ac", left, "b"], want: [w("ac\x1b[1Dbc\x1b[1D")] },
  { name: "Home goes to the start of the line", keys: ["abc", home], want: [w("abc\x1b[3D")] },
  { name: "Ctrl-A goes to the start of the line", keys: ["abc", ctrl("a")], want: [w("abc\x1b[3D")] },
  { name: "End goes to the end of the line", keys: ["abc", home, end], want: [w("abc\x1b[3D\x1b[3C")] },
  { name: "Ctrl-E goes to the end of the line", keys: ["abc", ctrl("a"), ctrl("e")], want: [w("abc\x1b[3D\x1b[3C")] },
  { name: "Backspace at the end erases the last char", keys: ["abc", backspace], want: [w("abc\x1b[1D\x1b[K")] },
  { name: "Ctrl-H is Backspace", keys: ["abc", "\x08"], want: [w("abc\x1b[1D\x1b[K")] },
  { name: "Backspace in the middle closes the gap", keys: ["abc", left, backspace], want: [w("abc\x1b[1D\x1b[1Dc\x1b[K\x1b[1D")] },
  { name: "Backspace at the start rings the bell", keys: [backspace], want: [w("\x07")] },
  { name: "Delete removes the char under the cursor", keys: ["abc", home, del], want: [w("abc\x1b[3Dbc\x1b[K\x1b[2D")] },
  { name: "Delete at the end rings the bell", keys: ["abc", del], want: [w("abc\x07")] },
  { name: "Ctrl-D on a non-empty line deletes like Delete", keys: ["abc", home, ctrl("d")], want: [w("abc\x1b[3Dbc\x1b[K\x1b[2D")] },
  { name: "Ctrl-D on an empty line is end of input", keys: [ctrl("d")], want: [["eof", ""]] },
  { name: "Ctrl-U kills back to the start of the line", keys: ["kubectl get", ctrl("u")], want: [w("kubectl get\x1b[11D\x1b[K")] },
  {
    name: "Ctrl-U in the middle keeps what follows the cursor",
    keys: ["kubectl get", alt("b"), ctrl("u")],
    want: [w("kubectl get\x1b[3D\x1b[8Dget\x1b[K\x1b[3D")],
  },
  {
    name: "Ctrl-K kills to the end of the line",
    keys: ["kubectl get pods", ctrl("a"), alt("f"), ctrl("k")],
    want: [w("kubectl get pods\x1b[16D\x1b[7C\x1b[K")],
  },
  { name: "Ctrl-W kills the word before the cursor", keys: ["kubectl get pods", ctrl("w")], want: [w("kubectl get pods\x1b[4D\x1b[K")] },
  {
    name: "Ctrl-W twice, then Ctrl-Y yanks both words back in order",
    keys: ["kubectl get pods", ctrl("w"), ctrl("w"), ctrl("y")],
    want: [w("kubectl get pods\x1b[4D\x1b[K\x1b[4D\x1b[Kget pods")],
  },
  { name: "Ctrl-W at the start rings the bell", keys: [ctrl("w")], want: [w("\x07")] },
  { name: "Ctrl-W takes a whole path (whitespace-delimited)", keys: ["cat /etc/hosts", ctrl("w")], want: [w("cat /etc/hosts\x1b[10D\x1b[K")] },
  { name: "Alt-Backspace takes only the last path component", keys: ["cat /etc/hosts", "\x1b\x7f"], want: [w("cat /etc/hosts\x1b[5D\x1b[K")] },
  {
    name: "Alt-D kills the word after the cursor",
    keys: ["kubectl get pods", ctrl("a"), alt("d")],
    want: [w("kubectl get pods\x1b[16D get pods\x1b[K\x1b[9D")],
  },
  { name: "Ctrl-Y with nothing killed rings the bell", keys: [ctrl("y")], want: [w("\x07")] },
  {
    name: "Alt-Y right after Ctrl-Y swaps in the kill before",
    keys: ["one", ctrl("w"), "two", ctrl("w"), ctrl("y"), alt("y")],
    want: [w("one\x1b[3D\x1b[Ktwo\x1b[3D\x1b[Ktwo\x1b[3Done")],
  },
  { name: "Alt-Y not after a yank rings the bell", keys: [alt("y")], want: [w("\x07")] },
  { name: "Ctrl-T at the end swaps the last two chars", keys: ["sl", ctrl("t")], want: [w("sl\x1b[2Dls")] },
  { name: "Ctrl-T in the middle swaps around the cursor and moves on", keys: ["abc", ctrl("a"), ctrl("f"), ctrl("t")], want: [w("abc\x1b[3D\x1b[1C\x1b[1Dbac\x1b[1D")] },
  { name: "Alt-B, Alt-B, Alt-F move by words (letters and digits)", keys: ["kubectl get-pods", alt("b"), alt("b"), alt("f")], want: [w("kubectl get-pods\x1b[4D\x1b[4D\x1b[3C")] },
  { name: "Ctrl-Left and Ctrl-Right move by words too", keys: ["kubectl get-pods", "\x1b[1;5D", "\x1b[1;5C"], want: [w("kubectl get-pods\x1b[4D\x1b[4C")] },
  { name: "Ctrl-L clears the screen and redraws the prompt and line at the top", keys: ["ls", ctrl("l")], want: [w(`ls\x1b[H\x1b[2J${PROMPT}ls`), ["clear"]] },
  { name: "Ctrl-C at the prompt prints ^C and a fresh prompt", keys: ["kubectl get", ctrl("c")], want: [w(`kubectl get^C\r\n${PROMPT}`)] },
  { name: "Ctrl-C with the cursor inside the line writes ^C after the line", keys: ["kubectl get", ctrl("a"), ctrl("c")], want: [w(`kubectl get\x1b[11D\x1b[11C^C\r\n${PROMPT}`)] },
  { name: "Ctrl-G at the prompt rings the bell", keys: [ctrl("g")], want: [w("\x07")] },
  { name: "unbound keys (F1, Page Up, Escape, Insert) do nothing", keys: ["\x1bOP", "\x1b[5~", "\x1b", "\x1b[2~"], want: [] },
];

const WIDE: Case[] = [
  { name: "Korean is echoed as typed", keys: ["한글"], want: [w("한글")] },
  { name: "Left over a Korean syllable moves two columns", keys: ["한글", left], want: [w("한글\x1b[2D")] },
  { name: "Backspace erases a whole syllable (two columns)", keys: ["한글", backspace], want: [w("한글\x1b[2D\x1b[K")] },
  { name: "Home then Right steps over one syllable", keys: ["한글", home, right], want: [w("한글\x1b[4D\x1b[2C")] },
  { name: "Delete on the first syllable pulls the rest left", keys: ["가나다", home, del], want: [w("가나다\x1b[6D나다\x1b[K\x1b[4D")] },
  { name: "Alt-B over a Korean word", keys: ["echo 안녕", alt("b")], want: [w("echo 안녕\x1b[4D")] },
];

describe("LineEditor: editing keys, as readline in emacs mode", () => {
  it.each(EDITING)("$name", ({ keys, want }) => {
    expect(session().type(...keys)).toEqual(want);
  });
});

describe("LineEditor: wide characters count two columns", () => {
  it.each(WIDE)("$name", ({ keys, want }) => {
    expect(session().type(...keys)).toEqual(want);
  });
});

// A 20-column terminal with the prompt `$ `: 18 chars fill the first row.
const LONG: Case[] = [
  { name: "a line that fills its row exactly: the cursor goes to the next row (space, CR)", keys: ["abcdefghijklmnopqr"], want: [w("abcdefghijklmnopqr \r")] },
  { name: "typing past the edge wraps onto the next row", keys: ["abcdefghijklmnopqrst"], want: [w("abcdefghijklmnopqrst")] },
  { name: "Backspace from the start of the second row goes back up", keys: ["abcdefghijklmnopqr", backspace], want: [w("abcdefghijklmnopqr \r\x1b[1A\x1b[19C\x1b[J")] },
  { name: "Home on a two-row line goes up to the first row", keys: ["abcdefghijklmnopqrstuvwxyz", home], want: [w("abcdefghijklmnopqrstuvwxyz\x1b[1A\x1b[6D")] },
  {
    name: "Enter on a line that filled its row adds no empty row",
    keys: ["abcdefghijklmnopqr", "\r"],
    want: [w("abcdefghijklmnopqr \r"), ["submit", "abcdefghijklmnopqr"]],
  },
  {
    name: "Enter with the cursor on the first row moves below the line first",
    keys: ["abcdefghijklmnopqrstuvwxyz", home, "\r"],
    want: [w("abcdefghijklmnopqrstuvwxyz\x1b[1A\x1b[6D\x1b[1B\x1b[6C\r\n"), ["submit", "abcdefghijklmnopqrstuvwxyz"]],
  },
  {
    name: "a wide char that does not fit the last column goes to the next row",
    keys: ["abcdefghijklmnopq", "한", left, left],
    want: [w("abcdefghijklmnopq한\r\x1b[1A\x1b[18C")],
  },
  {
    name: "Ctrl-U on a wrapped line erases every row",
    keys: ["abcdefghijklmnopqrstuvwxyz", ctrl("u")],
    want: [w("abcdefghijklmnopqrstuvwxyz\x1b[1A\x1b[6D\x1b[J")],
  },
];

describe("LineEditor: lines longer than the terminal is wide (20 columns)", () => {
  it.each(LONG)("$name", ({ keys, want }) => {
    expect(session({ columns: 20, prompt: "$ " }).type(...keys)).toEqual(want);
  });
});
