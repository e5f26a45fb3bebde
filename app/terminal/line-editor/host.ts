/**
 * The contract between the line editor and whoever owns the terminal: the React
 * component that wires it to xterm.js and to the server, or a test. The editor calls
 * these; the host answers through the editor's `prompt()`, `needMore()` and the promise
 * `complete()` returns.
 */

/** The host's answer to Tab. */
export interface Completion {
  /** UTF-16 index in the line where the word being completed starts; the text from there to the cursor is replaced. */
  readonly start: number;
  /** Whole words that may replace it, already quoted as the shell needs. Order and duplicates do not matter. */
  readonly candidates: readonly string[];
  /** The words are paths: a listing shows only their last component ("sub/" for "dir/sub/"), and a unique directory ending in "/" gets no space after it. */
  readonly filenames?: boolean;
  /** No space after a unique completion (like `compopt -o nospace`, e.g. for `--output=`). */
  readonly noSpace?: boolean;
}

export interface LineEditorHost {
  /** Bytes for the terminal (xterm's `write`). */
  write(data: string): void;
  /**
   * A finished line. `text` is the whole command so far: after `needMore()`, earlier lines
   * come first, joined by "\n". The editor then waits, buffering what is typed, until the
   * host calls `needMore()` (the text is incomplete: an open quote, a heredoc) or, once
   * the command has finished, `prompt()`.
   */
  submit(text: string): void;
  /**
   * Ctrl-C while a command runs: abort it. The editor has echoed "^C" and dropped the
   * type-ahead; the host (as bash does for a job killed by SIGINT) prints the newline,
   * then calls `prompt()`. Ctrl-C at the prompt is handled by the editor alone.
   */
  interrupt(): void;
  /**
   * Ctrl-D on an empty line. `pending` is the unfinished command when it came at a
   * continuation prompt (bash then runs what it has, warning about the open here-document
   * or quote), or "" at the main prompt (bash leaves the shell: `exit`, or back from
   * `ssh node01`). The editor then waits for `prompt()` as after `submit`.
   */
  eof(pending: string): void;
  /** Ctrl-L: the editor has cleared the screen and drawn the line at the top; the host may also drop its scrollback. */
  clear(): void;
  /**
   * Tab: which words could complete the word before the UTF-16 offset `cursor` in `line`?
   * Keys typed while the answer is on its way wait for it. A rejected promise rings the bell.
   */
  complete(line: string, cursor: number): Promise<Completion>;
}
