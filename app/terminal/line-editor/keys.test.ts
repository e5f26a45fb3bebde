import { describe, expect, it } from "vitest";
import { KeyDecoder, type Key } from "./keys";

const text = (t: string): Key => ({ kind: "text", text: t });
const key = (name: string): Key => ({ kind: "key", name } as Key);
const paste = (t: string): Key => ({ kind: "paste", text: t });

describe("KeyDecoder: what xterm's onData strings mean to readline", () => {
  it.each<[string, string[], Key[]]>([
    ["printable text is one text key", ["kubectl"], [text("kubectl")]],
    ["Korean typed through the IME is text", ["파드"], [text("파드")]],
    ["Enter sends CR", ["\r"], [key("enter")]],
    ["CR LF in one chunk is one Enter", ["a\r\nb"], [text("a"), key("enter"), text("b")]],
    ["LF is Ctrl-J (accept-line, and the isearch terminator)", ["\n"], [key("ctrl-j")]],
    ["Backspace sends DEL", ["\x7f"], [key("backspace")]],
    ["Ctrl-H is its own key (readline binds it to backward-delete-char too)", ["\x08"], [key("ctrl-h")]],
    ["Tab", ["\t"], [key("tab")]],
    ["Ctrl-letters", ["\x01\x05\x15\x0b\x17\x19\x12\x07\x03\x04\x0c"], ["a", "e", "u", "k", "w", "y", "r", "g", "c", "d", "l"].map((l) => key(`ctrl-${l}`))],
    ["Ctrl-_ (undo in readline)", ["\x1f"], [key("ctrl-_")]],
    ["arrows in normal cursor mode", ["\x1b[A\x1b[B\x1b[C\x1b[D"], [key("up"), key("down"), key("right"), key("left")]],
    ["arrows in application cursor mode (SS3)", ["\x1bOA\x1bOD"], [key("up"), key("left")]],
    ["Home/End as CSI H/F, SS3 H/F and VT 1~/4~/7~/8~", ["\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~"], ["home", "end", "home", "end", "home", "end", "home", "end"].map(key)],
    ["Delete, Insert, Page Up/Down", ["\x1b[3~\x1b[2~\x1b[5~\x1b[6~"], ["delete", "insert", "page-up", "page-down"].map(key)],
    ["Ctrl-Left/Right and Alt-Left/Right move by words", ["\x1b[1;5D\x1b[1;5C\x1b[1;3D\x1b[1;3C"], ["word-left", "word-right", "word-left", "word-right"].map(key)],
    ["Alt-b, Alt-f, Alt-d, Alt-y as ESC prefix", ["\x1bb\x1bf\x1bd\x1by"], ["alt-b", "alt-f", "alt-d", "alt-y"].map(key)],
    ["Alt-B is Alt-b", ["\x1bB"], [key("alt-b")]],
    ["Alt-< and Alt->", ["\x1b<\x1b>"], [key("alt-<"), key("alt->")]],
    ["Alt-Backspace", ["\x1b\x7f"], [key("alt-backspace")]],
    ["a lone ESC at the end of a chunk is the Escape key", ["\x1b"], [key("escape")]],
    ["ESC ESC is Escape then Escape", ["\x1b\x1b"], [key("escape"), key("escape")]],
    ["unknown sequences (F1, focus, shift-tab) are dropped", ["\x1bOP\x1b[I\x1b[Z"], []],
    ["text around keys keeps its order", ["ab\x1b[Dc"], [text("ab"), key("left"), text("c")]],
    ["C1 control characters are dropped", ["a\u0085b"], [text("ab")]],
    ["a CSI cut at a chunk's end is completed by the next chunk", ["\x1b[", "A"], [key("up")]],
    ["a CSI with parameters cut in two", ["\x1b[1;", "5D"], [key("word-left")]],
  ])("%s", (_name, chunks, want) => {
    const d = new KeyDecoder();
    expect(chunks.flatMap((c) => d.decode(c))).toEqual(want);
  });

  it.each<[string, string[], Key[]]>([
    ["a bracketed paste is one paste key", ["\x1b[200~ls -l\x1b[201~"], [paste("ls -l")]],
    ["line ends in a paste become \\n (CR, CRLF, LF)", ["\x1b[200~a\rb\r\nc\nd\x1b[201~"], [paste("a\nb\nc\nd")]],
    ["tabs stay, control characters and escape sequences go", ["\x1b[200~a\tb\x03\x1b[31mc\x1b[201~"], [paste("a\tbc")]],
    ["keys around the paste", ["x\x1b[200~y\x1b[201~\r"], [text("x"), paste("y"), key("enter")]],
    ["a paste over several chunks", ["\x1b[200~kubectl ", "get pods\x1b[201~"], [paste("kubectl get pods")]],
    ["the end marker split between chunks", ["\x1b[200~abc\x1b[20", "1~d"], [paste("abc"), text("d")]],
    ["Ctrl-C inside a paste is not an interrupt", ["\x1b[200~\x03\x1b[201~"], [paste("")]],
  ])("%s", (_name, chunks, want) => {
    const d = new KeyDecoder();
    expect(chunks.flatMap((c) => d.decode(c))).toEqual(want);
  });
});
