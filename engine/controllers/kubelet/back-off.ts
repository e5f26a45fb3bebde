/**
 * client-go's flowcontrol.Backoff as the kubelet configures it: 10 s doubling to 5 min,
 * an entry forgotten once it has not been updated for twice the maximum. Entries are
 * plain values kept in the kubelet's memory; the functions are pure.
 */

export const INITIAL_BACK_OFF_MS = 10_000;
/** kubelet MaxContainerBackOff and MaxImageBackOff */
export const MAX_BACK_OFF_MS = 300_000;

export interface BackOffEntry {
  readonly backoffMs: number;
  /** when Next last ran (virtual ms) */
  readonly lastUpdate: number;
}

/** hasExpired: quiet for longer than 2 × max, the item counts as stable again. */
function expired(eventTime: number, entry: BackOffEntry): boolean {
  return eventTime - entry.lastUpdate > 2 * MAX_BACK_OFF_MS;
}

/** Backoff.Next: the first failure (or one after a stable spell) waits 10 s, each later one twice as long. */
export function nextBackOff(entry: BackOffEntry | undefined, eventTime: number, now: number): BackOffEntry {
  if (!entry || expired(eventTime, entry)) return { backoffMs: INITIAL_BACK_OFF_MS, lastUpdate: now };
  return { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACK_OFF_MS), lastUpdate: now };
}

/** Backoff.IsInBackOffSince: still waiting out the back-off that started at `eventTime` (a container's exit). */
export function inBackOffSince(entry: BackOffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || expired(eventTime, entry)) return false;
  return now - eventTime < entry.backoffMs;
}

/** Backoff.IsInBackOffSinceUpdate: still waiting since the last failure was recorded (image pulls). */
export function inBackOffSinceUpdate(entry: BackOffEntry | undefined, now: number): boolean {
  if (!entry || expired(now, entry)) return false;
  return now - entry.lastUpdate < entry.backoffMs;
}
