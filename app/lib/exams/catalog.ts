import "server-only";
import path from "node:path";
import type { Exam } from "../../../lessons/loader/exam";
import { instantiate, type ExamInstance } from "../../../lessons/loader/exam-instance";
import { loadExams } from "../../../lessons/loader/exams";
import { formatProblem } from "../../../lessons/loader/problem";

// The mock exams as the app serves them: lessons/exams/, plus the folder named by
// KUBELAB_EXAMS_DIR if set (an operator's own exams; the browser tests' short exam). An
// exam file with problems is left out and its problems logged: `kubelab lessons check`
// is where they are fixed.

const cache = globalThis as typeof globalThis & { kubelabExams?: readonly Exam[]; kubelabExamInstances?: Map<string, ExamInstance> };

export function exams(): readonly Exam[] {
  if (!cache.kubelabExams) {
    const dirs = [path.join(process.cwd(), "lessons", "exams"), ...(process.env.KUBELAB_EXAMS_DIR ? [path.resolve(process.env.KUBELAB_EXAMS_DIR)] : [])];
    const all: Exam[] = [];
    for (const dir of dirs) {
      const loaded = loadExams(dir);
      for (const p of loaded.problems) console.error(`exam left out: ${formatProblem(p)}`);
      all.push(...loaded.exams.filter((e) => !all.some((o) => o.id === e.id)));
    }
    cache.kubelabExams = all;
  }
  return cache.kubelabExams;
}

export function examById(id: string): Exam | undefined {
  return exams().find((e) => e.id === id);
}

const MAX_INSTANCES = 500;

/** The attempt's exam: parameters drawn from its seed (kept, since drawing parses every check again). */
export function examInstance(exam: Exam, seed: number): ExamInstance {
  const instances = (cache.kubelabExamInstances ??= new Map());
  const key = `${exam.id}:${seed}`;
  let found = instances.get(key);
  if (!found) {
    const made = instantiate(exam, seed);
    if (!made.ok) throw new Error(`exam ${exam.id} cannot be drawn for seed ${seed}: ${made.problems.map(formatProblem).join("; ")}`);
    found = made.instance;
    instances.set(key, found);
    if (instances.size > MAX_INSTANCES) instances.delete(instances.keys().next().value as string);
  }
  return found;
}
