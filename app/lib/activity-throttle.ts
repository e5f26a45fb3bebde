/**
 * Which commands' activity goes to the database: the first a learner types in a lesson,
 * then one at most every `everyMs`. Time spent is the gaps between recorded commands, so a
 * command left out still counts, in the gap the next recorded one closes; only the last
 * `everyMs` before a learner leaves can go uncounted. Every command used to cost two
 * queries for a figure shown in minutes.
 */
export class ActivityThrottle {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly everyMs: number,
    private readonly capacity = 10_000,
  ) {}

  /** Whether the command at wall-clock `now` for `key` should be recorded (and, if so, notes it). */
  take(key: string, now: number): boolean {
    const at = this.last.get(key);
    if (at !== undefined && now - at < this.everyMs && now >= at) return false;
    this.last.delete(key);
    this.last.set(key, now);
    // oldest first in insertion order: past the cap, forget the longest quiet
    while (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value as string);
    return true;
  }
}
