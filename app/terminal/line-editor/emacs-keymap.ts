import type { History } from "./history";
import type { Key } from "./keys";
import { KillRing } from "./kill-ring";
import type { LineBuffer } from "./line-buffer";

/**
 * readline's emacs keymap, for what a key does to the line itself: moves, deletions,
 * kills and yanks, transposition and walking the history. Keys whose effect reaches
 * past the line (Enter, Tab, Ctrl-C/D/L/R/S) come back as an action for the editor,
 * which owns the screen, the modes and the host.
 */
export type KeyAction =
  | "accept"
  | "complete"
  | "abandon"
  | "eof"
  | "clear"
  | "search-reverse"
  | "search-forward"
  /** The key was refused (Left at the start, Backspace on nothing ...): ring the bell. */
  | "bell";

/** What the previous command was, for readline's rules on repeated kills, yanks and Tabs. */
export type LastCommand = "kill" | "yank" | "tab" | "other";

export class EmacsKeymap {
  /** The command before the current one; the editor sets "tab" when a completion lands. */
  last: LastCommand = "other";
  private readonly kills = new KillRing();
  private yanked: { start: number; end: number } | undefined;

  constructor(private readonly line: LineBuffer) {}

  /** Applies a key to the line; returns what the editor must do besides redrawing, if anything. */
  apply(key: Key, history: History): KeyAction | undefined {
    const previous = this.last;
    this.last = "other";
    const b = this.line;
    if (key.kind !== "key") {
      b.insert(key.text);
      return undefined;
    }
    switch (key.name) {
      case "enter":
      case "ctrl-j":
        return "accept";
      case "tab":
        return "complete";
      case "ctrl-c":
        return "abandon";
      case "ctrl-l":
        return "clear";
      case "ctrl-r":
        return "search-reverse";
      case "ctrl-s":
        return "search-forward";
      case "ctrl-d":
        return b.length === 0 ? "eof" : this.deleteForward();
      case "delete":
        return this.deleteForward();
      case "backspace":
      case "ctrl-h":
        if (b.cursor === 0) return "bell";
        b.remove(b.cursor - 1, b.cursor);
        return undefined;
      case "left":
      case "ctrl-b":
        return this.moveTo(b.cursor - 1);
      case "right":
      case "ctrl-f":
        return this.moveTo(b.cursor + 1);
      case "home":
      case "ctrl-a":
        return this.moveTo(0);
      case "end":
      case "ctrl-e":
        return this.moveTo(b.length);
      case "word-left":
      case "alt-b":
        return this.moveTo(b.wordStartBefore());
      case "word-right":
      case "alt-f":
        return this.moveTo(b.wordEndAfter());
      case "ctrl-u":
        return this.kill(0, b.cursor, true, previous);
      case "ctrl-k":
        return this.kill(b.cursor, b.length, false, previous);
      case "ctrl-w":
        return b.cursor === 0 ? "bell" : this.kill(b.bigWordStartBefore(), b.cursor, true, previous);
      case "alt-backspace":
        return this.kill(b.wordStartBefore(), b.cursor, true, previous);
      case "alt-d":
        return this.kill(b.cursor, b.wordEndAfter(), false, previous);
      case "ctrl-y":
        return this.yank(this.kills.yank());
      case "alt-y":
        if (previous !== "yank" || !this.yanked) return "bell";
        b.remove(this.yanked.start, this.yanked.end);
        return this.yank(this.kills.yankPop());
      case "ctrl-t":
        return this.transpose();
      case "up":
      case "ctrl-p":
        return this.recall(history.previous(b.text));
      case "down":
      case "ctrl-n": {
        const next = history.next(b.text);
        if (next !== undefined) b.set(next);
        return undefined;
      }
      case "alt-<":
        return this.recall(history.position > 0 ? history.goTo(0, b.text) : undefined);
      case "alt->":
        b.set(history.goTo(history.length, b.text));
        return undefined;
      case "ctrl-g":
        return "bell";
      default:
        // Unbound keys (Escape, Insert, Page Up/Down, F-keys ...) do nothing.
        return undefined;
    }
  }

  private moveTo(index: number): KeyAction | undefined {
    if (index < 0 || index > this.line.length) return "bell";
    this.line.moveTo(index);
    return undefined;
  }

  private deleteForward(): KeyAction | undefined {
    const b = this.line;
    if (b.cursor === b.length) return "bell";
    b.remove(b.cursor, b.cursor + 1);
    return undefined;
  }

  private kill(from: number, to: number, backward: boolean, previous: LastCommand): undefined {
    this.kills.kill(this.line.remove(from, to), backward, previous === "kill");
    this.last = "kill";
    return undefined;
  }

  private yank(text: string | undefined): KeyAction | undefined {
    if (text === undefined) return "bell";
    const start = this.line.cursor;
    this.line.insert(text);
    this.yanked = { start, end: this.line.cursor };
    this.last = "yank";
    return undefined;
  }

  /** transpose-chars: swaps the chars around the cursor (the last two at the end) and moves on. */
  private transpose(): KeyAction | undefined {
    const b = this.line;
    if (b.cursor === 0 || b.length < 2) return "bell";
    const at = b.cursor === b.length ? b.cursor - 1 : b.cursor;
    const ch = b.remove(at - 1, at);
    b.moveTo(at);
    b.insert(ch);
    return undefined;
  }

  private recall(line: string | undefined): KeyAction | undefined {
    if (line === undefined) return "bell";
    this.line.set(line);
    return undefined;
  }
}
