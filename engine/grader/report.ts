/** What grading returns, for the UI, the attempt record and `kubelab lessons check`. */

export interface CheckResult {
  readonly passed: boolean;
  /** the teacher's message for this check */
  readonly message: string;
  /** what the grader saw, e.g. `expected image "nginx:1.25", found "nginx:1.24"` */
  readonly detail: string;
  readonly weight: number;
  /** the results of an allOf / anyOf group's checks */
  readonly children?: readonly CheckResult[];
}

export interface GradeReport {
  /** every check passed */
  readonly passed: boolean;
  /** the weighted share of passed checks, 0 to 1 */
  readonly score: number;
  readonly checks: readonly CheckResult[];
}

export function report(checks: readonly CheckResult[]): GradeReport {
  const total = checks.reduce((n, c) => n + c.weight, 0);
  const earned = checks.reduce((n, c) => n + (c.passed ? c.weight : 0), 0);
  return { passed: checks.every((c) => c.passed), score: total === 0 ? 0 : earned / total, checks };
}
