/**
 * readline's kill ring: Ctrl-K, Ctrl-U, Ctrl-W, Alt-D and Alt-Backspace push what they
 * cut; Ctrl-Y pastes the newest; Alt-Y right after a yank swaps in the one before.
 * Consecutive kills grow one entry (appended when killing forward, prepended when
 * killing backward), so Ctrl-W Ctrl-W yanks back both words in their order.
 */
export class KillRing {
  private readonly ring: string[] = [];
  private index = 0;

  /** At most this many entries (readline keeps 10). */
  constructor(private readonly size = 10) {}

  /**
   * Records killed text. `extend` is true when the previous command was a kill too;
   * `backward` says which side of the previous kill the new text goes.
   */
  kill(text: string, backward: boolean, extend: boolean): void {
    if (text === "") return;
    if (extend && this.ring.length > 0) {
      const last = this.ring.length - 1;
      this.ring[last] = backward ? text + this.ring[last] : this.ring[last] + text;
    } else {
      this.ring.push(text);
      if (this.ring.length > this.size) this.ring.shift();
    }
    this.index = this.ring.length - 1;
  }

  /** The newest kill, or undefined when nothing was killed yet. */
  yank(): string | undefined {
    this.index = this.ring.length - 1;
    return this.ring[this.index];
  }

  /** The kill before the one yanked last, wrapping round to the newest. */
  yankPop(): string | undefined {
    if (this.ring.length === 0) return undefined;
    this.index = (this.index - 1 + this.ring.length) % this.ring.length;
    return this.ring[this.index];
  }
}
