/**
 * Virtual time as a discrete-event queue. Controllers ask to be woken at a time; advance()
 * jumps from one due wake-up to the next, so an idle hour costs nothing. Wake-ups are
 * plain data (controller name + key) so the queue survives a snapshot.
 */

export interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly controller: string;
  readonly key: string;
}

export interface ClockState {
  now: number;
  seq: number;
  timers: Timer[];
}

export class Clock {
  private nowMs: number;
  private seq: number;
  private timers: Timer[];

  constructor(state: ClockState) {
    this.nowMs = state.now;
    this.seq = state.seq;
    this.timers = [...state.timers].sort(order);
  }

  toState(): ClockState {
    return { now: this.nowMs, seq: this.seq, timers: [...this.timers] };
  }

  now(): number {
    return this.nowMs;
  }

  /** Schedules a wake-up; one per (controller, key, time), so reconciling twice does not double it. */
  schedule(at: number, controller: string, key: string): void {
    if (this.timers.some((t) => t.at === at && t.controller === controller && t.key === key)) return;
    const timer = { at: Math.max(at, this.nowMs), seq: this.seq++, controller, key };
    let i = this.timers.length;
    while (i > 0 && order(this.timers[i - 1], timer) > 0) i--;
    this.timers.splice(i, 0, timer);
  }

  /** The next wake-up due at or before `limit`, removed from the queue, with the clock moved to it. */
  popDue(limit: number): Timer | undefined {
    const t = this.timers[0];
    if (!t || t.at > limit) return undefined;
    this.timers.shift();
    if (t.at > this.nowMs) this.nowMs = t.at;
    return t;
  }

  /** Moves time forward without running anything; callers drain due timers first. */
  moveTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  pending(): number {
    return this.timers.length;
  }
}

function order(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq;
}
