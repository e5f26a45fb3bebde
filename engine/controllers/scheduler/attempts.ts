/**
 * What the scheduling queue remembers of a pod it could not place, read back from the API
 * objects so the controller itself holds nothing: each failed attempt is a FailedScheduling
 * event (the recorder counts repeats), so the latest one tells when the pod was last tried,
 * the counts how often, and its resourceVersion which writes came after it.
 */

export const SCHEDULER_NAME = "default-scheduler";

export interface Attempts {
  /** virtual ms of the latest attempt */
  readonly last: number;
  readonly count: number;
  /** the store's resourceVersion when the latest attempt was recorded */
  readonly resourceVersion: number;
}

/** podInitialBackoffDuration 1s doubling per attempt up to podMaxBackoffDuration 10s. */
export function backoffMs(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(10_000, 1000 * 2 ** Math.min(attempts - 1, 10));
}

/** Pods sit in the unschedulable queue at most 5 minutes before they are tried again anyway. */
export const UNSCHEDULABLE_FLUSH_MS = 5 * 60 * 1000;
