/**
 * The report of an ended attempt, as stored with it: the total and the verdict, and per
 * task its points, each check's result and message, the reference solution, what the
 * candidate left in the cluster, and the time spent. Task texts are not stored: the page
 * draws them again from the exam and the attempt's seed, in the reader's language.
 */
import type { CheckResult, Evidence } from "../../../engine/index";
import type { Locale } from "../../../lessons/loader/lesson";

export interface TaskReport {
  readonly id: string;
  readonly weight: number;
  readonly points: number;
  /** each check's result, worded in each language */
  readonly checks: Readonly<Record<Locale, readonly CheckResult[]>>;
  /** the access line and the reference solution, as the candidate would type them */
  readonly solution: string;
  readonly evidence: readonly Evidence[];
  readonly timeMs: number;
}

export interface AttemptReport {
  readonly total: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly tasks: readonly TaskReport[];
}
