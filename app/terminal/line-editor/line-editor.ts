import { COMPLETION_QUERY_ITEMS, commonPrefix, formatColumns, printablePart, sortedMatches } from "./completion-list";
import type { Completion, LineEditorHost } from "./host";
import { History } from "./history";
import { KeyDecoder, type Key } from "./keys";
import { EmacsKeymap } from "./emacs-keymap";
import { LineBuffer } from "./line-buffer";
import { LineView } from "./line-view";
import { ReverseSearch, type SearchDirection } from "./reverse-search";

/**
 * The browser terminal's line editor: bash's readline in emacs mode, without a DOM.
 * Feed it what xterm's `onData` delivers; it writes the echo and cursor moves back
 * through `host.write` and calls the host when a line is finished, Ctrl-C/D/L is
 * pressed or Tab wants completions. Between `submit` and the host's next `prompt()` a
 * command runs: keys typed then wait (type-ahead) and are replayed at the next prompt,
 * except Ctrl-C, which echoes ^C, drops them and asks the host to interrupt. A paste
 * with several lines is typed line by line, each waiting for the previous command.
 */

/** bash's PS2. */
export const CONTINUATION_PROMPT = "> ";

/** Write once when the terminal opens, so pastes arrive bracketed and are never taken for typed keys. */
export const BRACKETED_PASTE_ON = "\x1b[?2004h";

const BELL = "\x07";

export interface LineEditorOptions {
  /** The terminal's width in columns. */
  readonly columns: number;
  /** Earlier commands, oldest first, as `history()` returned them. */
  readonly history?: readonly string[];
  /** HISTSIZE: at most this many commands are kept (default 1000, as the shell keeps). */
  readonly historySize?: number;
}

type Mode =
  /** No prompt shown: before the first one, or while a submitted command runs. */
  | { readonly kind: "waiting" }
  | { readonly kind: "editing" }
  | { readonly kind: "searching"; readonly search: ReverseSearch }
  | { readonly kind: "completing"; readonly ticket: number }
  /** "Display all N possibilities? (y or n)" is waiting for its answer. */
  | { readonly kind: "confirming"; readonly items: readonly string[] };

const EDITING: Mode = { kind: "editing" };
const WAITING: Mode = { kind: "waiting" };

export class LineEditor {
  private readonly decoder = new KeyDecoder();
  private readonly buffer = new LineBuffer();
  private readonly keymap = new EmacsKeymap(this.buffer);
  private readonly view: LineView;
  private hist: History;
  private mode: Mode = WAITING;
  private readonly queue: Key[] = [];
  private pumping = false;
  private out = "";
  private mainPrompt = "";
  /** The unfinished command while the `> ` prompt shows. */
  private continuation: string | undefined;
  /** The text handed to the last `submit`. */
  private submitted = "";
  /** Whether the command being entered already has a history entry (re-recorded as lines are added). */
  private recorded = false;
  /** Whether the last Tab changed the line: a Tab after one that did not lists the matches. */
  private tabChanged = false;
  private lastQuery = "";
  private ticket = 0;

  constructor(
    private readonly host: LineEditorHost,
    private readonly options: LineEditorOptions,
  ) {
    this.view = new LineView(Math.max(1, options.columns));
    this.hist = new History(options.history, options.historySize);
  }

  /** Input from the terminal: typed keys, escape sequences, pastes. */
  feed(data: string): void {
    for (const key of this.decoder.decode(data)) {
      for (const k of key.kind === "paste" ? pasteKeys(key.text) : [key]) this.enqueue(k);
    }
    this.flush();
  }

  /**
   * Shows a fresh prompt (the previous command has finished) and replays what was typed
   * meanwhile. Called while a line is being edited, it only changes the prompt shown.
   */
  prompt(text: string): void {
    this.mainPrompt = text;
    if (this.mode.kind === "waiting") {
      this.continuation = undefined;
      this.recorded = false;
      this.startLine(text);
    } else {
      this.render();
    }
    this.pump();
    this.flush();
  }

  /** The submitted text is incomplete (open quote, heredoc, trailing `|`): show `> ` and collect another line. */
  needMore(): void {
    if (this.mode.kind !== "waiting") return;
    this.continuation = this.submitted;
    this.startLine(CONTINUATION_PROMPT);
    this.pump();
    this.flush();
  }

  /** The terminal's width changed. */
  resize(columns: number): void {
    this.out += this.view.resize(Math.max(1, columns));
    this.flush();
  }

  /** The recorded commands, oldest first, for the host to persist. */
  history(): string[] {
    return this.hist.list();
  }

  /** Replaces the recorded commands (loaded after the editor started). */
  setHistory(entries: readonly string[]): void {
    this.hist = new History(entries, this.options.historySize);
  }

  private enqueue(key: Key): void {
    if (isKey(key, "ctrl-c") && (this.mode.kind === "waiting" || this.mode.kind === "completing")) {
      // Like the tty on SIGINT: what was typed ahead is dropped.
      this.queue.length = 0;
      if (this.mode.kind === "waiting") {
        this.out += "^C";
        this.flush();
        this.host.interrupt();
        return;
      }
      this.ticket++;
      this.mode = EDITING;
    }
    this.queue.push(key);
    this.pump();
  }

  /** Handles queued keys while a prompt takes input; re-entrant calls (from inside host callbacks) leave it to the running loop. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.takesKeys()) {
        const key = this.queue.shift();
        if (key) this.handle(key);
      }
    } finally {
      this.pumping = false;
    }
  }

  private takesKeys(): boolean {
    return this.mode.kind === "editing" || this.mode.kind === "searching" || this.mode.kind === "confirming";
  }

  private handle(key: Key): void {
    if (this.mode.kind === "searching") this.searchKey(key, this.mode.search);
    else if (this.mode.kind === "confirming") this.confirmKey(key, this.mode.items);
    else this.edit(key);
  }

  private edit(key: Key): void {
    const afterTab = this.keymap.last === "tab";
    switch (this.keymap.apply(key, this.hist)) {
      case "accept":
        return this.accept();
      case "complete":
        return this.startCompletion(afterTab && !this.tabChanged);
      case "abandon":
        return this.abandonLine();
      case "eof":
        return this.endOfInput();
      case "clear":
        this.out += this.view.clearScreen();
        this.flush();
        this.host.clear();
        return;
      case "search-reverse":
        return this.startSearch("reverse");
      case "search-forward":
        return this.startSearch("forward");
      case "bell":
        this.bell();
        break;
    }
    this.render();
  }

  private accept(): void {
    const line = this.buffer.text;
    this.out += this.view.finish();
    this.hist.reset();
    if (this.continuation === undefined && line.trim() === "") {
      this.startLine(this.mainPrompt);
      return;
    }
    const text = this.continuation === undefined ? line : `${this.continuation}\n${line}`;
    if (this.recorded) this.hist.removeLast();
    this.recorded = this.hist.add(text);
    this.submitted = text;
    this.waitForHost();
    this.host.submit(text);
  }

  /** Ctrl-C at the prompt: ^C, and a fresh main prompt; an unfinished multi-line command is dropped. */
  private abandonLine(): void {
    this.out += this.view.finish("^C");
    this.continuation = undefined;
    this.recorded = false;
    this.startLine(this.mainPrompt);
  }

  private endOfInput(): void {
    const pending = this.continuation ?? "";
    // The host's answer ("exit", bash's here-document warning) follows on the same row.
    this.view.release();
    this.hist.reset();
    this.waitForHost();
    this.host.eof(pending);
  }

  private waitForHost(): void {
    this.mode = WAITING;
    this.buffer.set("");
    this.flush();
  }

  private startLine(prompt: string): void {
    this.mode = EDITING;
    this.buffer.set("");
    this.hist.reset();
    this.keymap.last = "other";
    this.out += this.view.show(prompt, [], 0);
  }

  private currentPrompt(): string {
    return this.continuation === undefined ? this.mainPrompt : CONTINUATION_PROMPT;
  }

  /** Brings the screen up to date with the line (or the search) being edited. */
  private render(): void {
    if (this.mode.kind === "editing") {
      this.out += this.view.update(this.currentPrompt(), this.buffer.units, this.buffer.cursor);
    } else if (this.mode.kind === "searching") {
      const s = this.mode.search;
      const shown = new LineBuffer();
      shown.set(s.line);
      this.out += this.view.update(s.prompt, shown.units, shown.indexOf(s.offset));
    }
  }

  private bell(): void {
    this.out += BELL;
  }

  private flush(): void {
    if (this.out === "") return;
    const out = this.out;
    this.out = "";
    this.host.write(out);
  }

  // Incremental search

  private startSearch(direction: SearchDirection): void {
    const pos = this.hist.position;
    const lines = Array.from({ length: this.hist.length + 1 }, (_, i) => (i === pos ? this.buffer.text : this.hist.lineAt(i)));
    const search = new ReverseSearch(lines, { index: pos, offset: this.buffer.cursorOffset }, direction, this.lastQuery);
    this.mode = { kind: "searching", search };
    this.render();
  }

  private searchKey(key: Key, search: ReverseSearch): void {
    if (key.kind !== "key") {
      if (!search.type(key.text)) this.bell();
      this.render();
      return;
    }
    switch (key.name) {
      case "ctrl-r":
      case "ctrl-s":
        if (!search.again(key.name === "ctrl-r" ? "reverse" : "forward")) this.bell();
        this.render();
        return;
      case "backspace":
      case "ctrl-h":
        search.backspace();
        this.render();
        return;
      case "ctrl-g":
        this.endSearch(search);
        this.render();
        return;
      case "ctrl-c":
        this.endSearch(search);
        this.abandonLine();
        return;
      case "escape":
      case "ctrl-j":
        this.acceptSearch(search);
        return;
      default:
        // Any other key ends the search with the match in the line, then does its usual job.
        this.acceptSearch(search);
        this.edit(key);
    }
  }

  private endSearch(search: ReverseSearch): void {
    if (search.query !== "") this.lastQuery = search.query;
    this.mode = EDITING;
  }

  private acceptSearch(search: ReverseSearch): void {
    this.endSearch(search);
    if (search.index !== this.hist.position) this.hist.goTo(search.index, this.buffer.text);
    const line = new LineBuffer();
    line.set(search.line);
    this.buffer.set(search.line, line.indexOf(search.offset));
    this.render();
  }

  // Completion

  private startCompletion(list: boolean): void {
    const ticket = ++this.ticket;
    this.mode = { kind: "completing", ticket };
    this.flush();
    let answer: Promise<Completion>;
    try {
      answer = this.host.complete(this.buffer.text, this.buffer.cursorOffset);
    } catch (e) {
      answer = Promise.reject(e);
    }
    answer.then(
      (c) => this.completed(ticket, c, list),
      () => this.completed(ticket, undefined, list),
    );
  }

  private completed(ticket: number, answer: Completion | undefined, list: boolean): void {
    if (this.mode.kind !== "completing" || this.mode.ticket !== ticket) return;
    this.mode = EDITING;
    this.keymap.last = "tab";
    const matches = sortedMatches(answer?.candidates ?? []);
    if (!answer || matches.length === 0) {
      this.tabChanged = false;
      this.bell();
    } else if (list) {
      this.tabChanged = false;
      this.listMatches(answer.filenames ? matches.map(printablePart) : matches);
    } else {
      const before = this.buffer.text;
      const ambiguous = this.insertCompletion(answer, matches);
      this.tabChanged = this.buffer.text !== before;
      this.render();
      // readline rings after inserting the common prefix: more than one match remains.
      if (ambiguous) this.bell();
    }
    this.pump();
    this.flush();
  }

  /** One match replaces the word (with a space after it); several insert their common prefix. True when several remain. */
  private insertCompletion(answer: Completion, matches: readonly string[]): boolean {
    const b = this.buffer;
    const end = b.cursor;
    const start = b.indexOf(Math.max(0, Math.min(answer.start, b.cursorOffset)));
    const word = b.text.slice(b.offsetOf(start), b.cursorOffset);
    if (matches.length === 1) {
      const match = matches[0];
      b.remove(start, end);
      b.insert(match);
      if (answer.noSpace || (answer.filenames && match.endsWith("/"))) return false;
      if (b.at(b.cursor) === " ") b.moveTo(b.cursor + 1);
      else b.insert(" ");
      return false;
    }
    const prefix = commonPrefix(matches);
    if (prefix.length > word.length && prefix.startsWith(word)) {
      b.remove(start, end);
      b.insert(prefix);
    }
    return true;
  }

  private listMatches(items: readonly string[]): void {
    this.out += this.view.finish();
    if (items.length >= COMPLETION_QUERY_ITEMS) {
      this.out += `Display all ${items.length} possibilities? (y or n)`;
      this.mode = { kind: "confirming", items };
      return;
    }
    this.out += this.listing(items);
    this.redisplay();
  }

  private confirmKey(key: Key, items: readonly string[]): void {
    // readline's get_y_or_n: y, Y or space show the list; n, N, Rubout or Ctrl-G do not.
    const text = key.kind === "key" ? "" : key.text;
    const name = key.kind === "key" ? key.name : "";
    if (text === "y" || text === "Y" || text === " ") {
      this.out += "\r\n" + this.listing(items);
      this.redisplay();
    } else if (text === "n" || text === "N" || name === "backspace" || name === "ctrl-g") {
      this.out += "\r\n";
      this.redisplay();
    } else if (name === "ctrl-c") {
      this.mode = EDITING;
      this.abandonLine();
    } else {
      this.bell();
    }
  }

  private listing(items: readonly string[]): string {
    return formatColumns(items, this.view.columns)
      .map((row) => row + "\r\n")
      .join("");
  }

  /** The prompt and line drawn again below a listing. */
  private redisplay(): void {
    this.mode = EDITING;
    this.out += this.view.show(this.currentPrompt(), this.buffer.units, this.buffer.cursor);
  }
}

function isKey(key: Key, name: string): boolean {
  return key.kind === "key" && key.name === name;
}

/** A paste is typed as its lines, each followed by Enter; a last line without a newline stays in the editor. */
function pasteKeys(text: string): Key[] {
  const keys: Key[] = [];
  text.split("\n").forEach((line, i, lines) => {
    if (line !== "") keys.push({ kind: "text", text: line });
    if (i < lines.length - 1) keys.push({ kind: "key", name: "enter" });
  });
  return keys;
}
