/**
 * The command history as bash keeps it with HISTCONTROL=ignoreboth: empty lines, lines
 * starting with a space and a repeat of the newest entry are not recorded; at most
 * `size` entries (HISTSIZE), oldest dropped first. It is plain data in and out
 * (`list()` / the constructor) so the host can persist it.
 *
 * While a line is edited, Up/Down walk the list. Edits made to a recalled entry, and the
 * line that was being typed before the first Up, are kept until the line is accepted
 * (`reset()`), so going back down finds them again; the recorded entries never change.
 */
export class History {
  private readonly entries: string[];
  /** Index of the line shown: entries.length is the new line being typed. */
  private pos: number;
  private readonly edits = new Map<number, string>();

  constructor(entries: readonly string[] = [], private readonly size = 1000) {
    this.entries = entries.slice(-size);
    this.pos = this.entries.length;
  }

  /** A copy of the recorded entries, oldest first. */
  list(): string[] {
    return this.entries.slice();
  }

  get length(): number {
    return this.entries.length;
  }

  /** Which line is shown: 0 is the oldest entry, `length` the new line. */
  get position(): number {
    return this.pos;
  }

  /** The line at a position as the learner left it: an edited version if any. */
  lineAt(index: number): string {
    return this.edits.get(index) ?? this.entries[index] ?? "";
  }

  /** Back at the bottom, edits forgotten: called when a new line starts. */
  reset(): void {
    this.pos = this.entries.length;
    this.edits.clear();
  }

  /** Up: saves `current` as the shown line and returns the older one, or undefined at the oldest. */
  previous(current: string): string | undefined {
    return this.pos > 0 ? this.goTo(this.pos - 1, current) : undefined;
  }

  /** Down: saves `current` and returns the newer line, or undefined at the new line. */
  next(current: string): string | undefined {
    return this.pos < this.entries.length ? this.goTo(this.pos + 1, current) : undefined;
  }

  /** Saves `current` as the shown line and shows the one at `index` instead. */
  goTo(index: number, current: string): string {
    this.save(current);
    this.pos = Math.max(0, Math.min(this.entries.length, index));
    return this.lineAt(this.pos);
  }

  /** Remembers `current` as the shown line's edited version (or forgets an edit that undid itself). */
  save(current: string): void {
    if (this.pos < this.entries.length && current === this.entries[this.pos]) this.edits.delete(this.pos);
    else this.edits.set(this.pos, current);
  }

  /** Records a finished command; false when ignoreboth leaves it out. */
  add(line: string): boolean {
    if (line.trim() === "" || line.startsWith(" ")) return false;
    if (this.entries[this.entries.length - 1] === line) return false;
    this.entries.push(line);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    this.reset();
    return true;
  }

  /** Drops the newest entry (a multi-line command is re-recorded as it grows). */
  removeLast(): void {
    this.entries.pop();
    this.reset();
  }
}
