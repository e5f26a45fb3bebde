/**
 * Proves a mock exam for several parameter draws: in a fresh attempt, after all setups,
 * every task fails (each check, unless marked as holding already); after every reference
 * solution, run one after another as a candidate would, every task passes. Running them
 * all in one attempt also proves that no task's solution undoes another's.
 */
import type { GradeReport } from "../../engine/index";
import type { Exam } from "./exam";
import { examWorkspace, gradeTask, instantiate, runSolution, type TaskInstance } from "./exam-instance";
import type { Problem } from "./problem";
import { judgeAfter, judgeBefore, PROOF_START, tail } from "./prove";

/** The draws every exam is proved for. */
export const EXAM_PROOF_SEEDS = [1, 2, 3] as const;

export interface ExamProof {
  readonly exam: Exam;
  readonly seed: number;
  readonly problems: readonly Problem[];
  readonly tasks: readonly { readonly task: TaskInstance; readonly before: GradeReport; readonly after?: GradeReport }[];
}

export async function proveExamDraw(exam: Exam, seed: number): Promise<ExamProof> {
  const made = instantiate(exam, seed);
  if (!made.ok) return { exam, seed, problems: made.problems, tasks: [] };
  const { instance } = made;
  const problems: Problem[] = [];
  const at = (task: TaskInstance) => (line: number, message: string) => problems.push({ file: exam.file, line, message: `task ${task.id} (draw ${seed}): ${message}` });
  const { ws, setups } = await examWorkspace(instance, PROOF_START);
  for (const s of setups) if (s.status !== 0) at(s.task)(s.task.source.line, `setup failed with exit status ${s.status}: ${tail(s.stderr)}`);

  const befores: GradeReport[] = [];
  for (const task of instance.tasks) {
    const before = await gradeTask(ws, task);
    judgeBefore(before, task.checks, task.source.checkLines, task.source.line, at(task));
    befores.push(before);
  }
  for (const task of instance.tasks) {
    let stderr = "";
    const status = await runSolution(ws, task, { stdout: () => undefined, stderr: (s) => (stderr += s) });
    if (status !== 0) at(task)(task.source.line, `solution failed with exit status ${status}: ${tail(stderr)}`);
    if (task.wait > 0) ws.advance(task.wait * 1000);
  }
  const tasks = [];
  for (const [i, task] of instance.tasks.entries()) {
    const after = await gradeTask(ws, task);
    judgeAfter(after, task.source.checkLines, " (all tasks solved)", at(task));
    tasks.push({ task, before: befores[i], after });
  }
  return { exam, seed, problems, tasks };
}

export async function proveExam(exam: Exam, seeds: readonly number[] = EXAM_PROOF_SEEDS): Promise<ExamProof[]> {
  const proofs: ExamProof[] = [];
  for (const seed of seeds) proofs.push(await proveExamDraw(exam, seed));
  return proofs;
}
