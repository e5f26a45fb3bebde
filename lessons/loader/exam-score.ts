/**
 * An attempt's score: each task earns its weight times the weighted share of its checks
 * that passed (partial credit), the total is the sum out of 100, and the attempt passes
 * at the exam's pass mark.
 */
import type { GradeReport } from "../../engine/index";

export interface TaskScore {
  readonly id: string;
  readonly weight: number;
  /** weight × the share of the task's checks that passed, to two decimals */
  readonly points: number;
  readonly report: GradeReport;
}

export interface ExamScore {
  /** percent, to one decimal */
  readonly total: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly tasks: readonly TaskScore[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

export function scoreExam(passMark: number, tasks: readonly { readonly id: string; readonly weight: number; readonly report: GradeReport }[]): ExamScore {
  const weights = tasks.reduce((n, t) => n + t.weight, 0);
  const earned = tasks.reduce((n, t) => n + t.weight * t.report.score, 0);
  const exact = weights === 0 ? 0 : (100 * earned) / weights;
  return {
    total: round(exact, 1),
    passMark,
    // a hair under the mark does not round up into a pass
    passed: exact + 1e-9 >= passMark,
    tasks: tasks.map((t) => ({ id: t.id, weight: t.weight, points: round(t.weight * t.report.score, 2), report: t.report })),
  };
}
