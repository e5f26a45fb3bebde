/**
 * `kubelab lessons check` as a function: the consistency of the course, then a proof of
 * every exercise block (ko and en each, since each file carries its own solution).
 */
import type { Course } from "./course";
import { consistencyProblems } from "./consistency";
import { LOCALES } from "./lesson";
import type { Problem } from "./problem";
import { proveExercise, type Proof } from "./prove";

export interface CourseCheck {
  readonly problems: readonly Problem[];
  readonly proofs: readonly Proof[];
}

export async function checkCourse(course: Course, opts: { only?: string; onProof?: (p: Proof) => void } = {}): Promise<CourseCheck> {
  const problems: Problem[] = [...consistencyProblems(course)];
  const proofs: Proof[] = [];
  for (const chapter of course.chapters) {
    for (const entry of chapter.lessons) {
      for (const lesson of LOCALES.map((l) => entry.locales[l])) {
        for (const e of lesson?.exercises ?? []) {
          if (opts.only && e.id !== opts.only) continue;
          const proof = await proveExercise(e);
          proofs.push(proof);
          problems.push(...proof.problems);
          opts.onProof?.(proof);
        }
      }
    }
  }
  return { problems, proofs };
}
