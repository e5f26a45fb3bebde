import { describe, expect, it } from "vitest";
import { EmacsKeymap, type KeyAction } from "./emacs-keymap";
import { History } from "./history";
import { KeyDecoder } from "./keys";
import { LineBuffer } from "./line-buffer";

/** Runs keys (as xterm sends them) on `text` with the cursor at `|`; returns the line with its cursor and the last action. */
function run(start: string, keys: string[], history: string[] = []): [string, KeyAction | undefined] {
  const line = new LineBuffer();
  line.set(start.replace("|", ""), start.indexOf("|"));
  const keymap = new EmacsKeymap(line);
  const h = new History(history);
  const decoder = new KeyDecoder();
  let action: KeyAction | undefined;
  for (const k of keys) for (const key of decoder.decode(k)) action = keymap.apply(key, h);
  return [`${line.text.slice(0, line.cursorOffset)}|${line.text.slice(line.cursorOffset)}`, action];
}

describe("EmacsKeymap: each key's effect on the line, as readline's emacs mode", () => {
  it.each<[string, string, string[], string, KeyAction | undefined]>([
    ["self-insert", "ls |", ["-l"], "ls -l|", undefined],
    ["backward-char at the start refuses", "|ls", ["\x1b[D"], "|ls", "bell"],
    ["beginning-of-line", "kubectl get|", ["\x01"], "|kubectl get", undefined],
    ["end-of-line", "|kubectl get", ["\x05"], "kubectl get|", undefined],
    ["backward-word", "kubectl get pods|", ["\x1bb"], "kubectl get |pods", undefined],
    ["forward-word", "|kubectl get pods", ["\x1bf"], "kubectl| get pods", undefined],
    ["backward-delete-char", "ls -l|", ["\x7f"], "ls -|", undefined],
    ["delete-char", "ls| -l", ["\x1b[3~"], "ls|-l", undefined],
    ["Ctrl-D on an empty line is end of file", "|", ["\x04"], "|", "eof"],
    ["Ctrl-D on text deletes", "|ls", ["\x04"], "|s", undefined],
    ["unix-line-discard keeps the text after the cursor", "kubectl |get", ["\x15"], "|get", undefined],
    ["kill-line", "kubectl |get", ["\x0b"], "kubectl |", undefined],
    ["unix-word-rubout", "cat /etc/hosts|", ["\x17"], "cat |", undefined],
    ["backward-kill-word", "cat /etc/hosts|", ["\x1b\x7f"], "cat /etc/|", undefined],
    ["kill-word", "|kubectl get", ["\x1bd"], "| get", undefined],
    ["kill then yank restores", "kubectl get|", ["\x17", "\x19"], "kubectl get|", undefined],
    ["yank-pop right after a yank swaps in the older kill", "a b|", ["\x17", "\x7f", "\x17", "\x19", "\x1by"], "b|", undefined],
    ["transpose-chars at the end", "sl|", ["\x14"], "ls|", undefined],
    ["transpose-chars at the start refuses", "|sl", ["\x14"], "|sl", "bell"],
    ["previous-history puts the cursor at the end", "|", ["\x1b[A"], "pwd|", undefined],
    ["previous-history past the oldest refuses", "|", ["\x1b[A", "\x1b[A", "\x1b[A"], "ls|", "bell"],
    ["next-history back to the typed line", "kub|", ["\x1b[A", "\x1b[B"], "kub|", undefined],
    ["Enter is the editor's", "ls|", ["\r"], "ls|", "accept"],
    ["Tab is the editor's", "ku|", ["\t"], "ku|", "complete"],
    ["Ctrl-R is the editor's", "|", ["\x12"], "|", "search-reverse"],
    ["Ctrl-L is the editor's", "|", ["\x0c"], "|", "clear"],
    ["Ctrl-C is the editor's", "ls|", ["\x03"], "ls|", "abandon"],
  ])("%s: %j → %j", (_name, start, keys, want, action) => {
    expect(run(start, keys, ["ls", "pwd"])).toEqual([want, action]);
  });
});
