import "server-only";
import { grade, type GradeReport } from "../../engine/index";
import type { Exercise } from "../../lessons/loader/exercise";
import type { Viewer } from "./auth";
import { exercise } from "./course";
import { database } from "./db";
import { currentLocale } from "./locale";
import { completeIfDone } from "./progress";
import { LIVE, freshWorkspace, lessonKey, workspaces } from "./workspaces/service";

// An exercise as a learner works through it, in their lesson's cluster: started (its
// setup run), checked (each check's result recorded), hints revealed one at a time, the
// solution on request. What was revealed is remembered in ExerciseProgress.

export interface Found {
  readonly exercise: Exercise;
  readonly lessonId: string;
  readonly key: string;
  /** the ids of every exercise in the same lesson */
  readonly siblings: readonly string[];
}

export async function findExercise(id: string): Promise<Found | undefined> {
  const found = exercise(id, await currentLocale());
  return found && { exercise: found.exercise, lessonId: `${found.chapter}/${found.slug}`, key: lessonKey(found.chapter, found.slug), siblings: found.siblings };
}

function progress(who: Viewer, f: Found) {
  const { db } = database();
  const where = { userId_exerciseId: { userId: who.id, exerciseId: f.exercise.id } };
  return {
    get: () => db.exerciseProgress.findUnique({ where }),
    upsert: (data: { startedAt?: Date; hintsShown?: number; solutionShown?: boolean; bestScore?: number; passedAt?: Date }) =>
      db.exerciseProgress.upsert({ where, create: { userId: who.id, lessonId: f.lessonId, exerciseId: f.exercise.id, ...data }, update: data }),
  };
}

/** Runs the setup in the lesson's cluster (once, until the cluster is reset). */
export async function startExercise(who: Viewer, f: Found): Promise<{ started: boolean }> {
  const p = progress(who, f);
  if ((await p.get())?.startedAt) return { started: false };
  await workspaces().use(who.id, f.key, freshWorkspace, async (ws) => {
    ws.setTimeMode(LIVE);
    if (f.exercise.setup.trim()) await ws.run(f.exercise.setup, { stdout: () => undefined, stderr: () => undefined }, { tty: false, history: false });
  });
  await p.upsert({ startedAt: new Date() });
  return { started: true };
}

export async function checkExercise(who: Viewer, f: Found): Promise<GradeReport> {
  const report = await workspaces().use(who.id, f.key, freshWorkspace, (ws) => grade(ws, f.exercise.checks));
  const p = progress(who, f);
  const before = await p.get();
  await database().db.exerciseAttempt.create({ data: { userId: who.id, lessonId: f.lessonId, exerciseId: f.exercise.id, passed: report.passed, results: report.checks as unknown as object } });
  await p.upsert({
    bestScore: Math.max(before?.bestScore ?? 0, report.score),
    ...(report.passed && !before?.passedAt ? { passedAt: new Date() } : {}),
  });
  if (report.passed) await completeIfDone(who.id, f.lessonId, f.siblings);
  return report;
}

/** The hints revealed so far, one more each call until all are shown. */
export async function revealHint(who: Viewer, f: Found): Promise<{ hints: string[]; more: boolean }> {
  const p = progress(who, f);
  const shown = Math.min(f.exercise.hints.length, ((await p.get())?.hintsShown ?? 0) + 1);
  await p.upsert({ hintsShown: shown });
  return { hints: f.exercise.hints.slice(0, shown), more: shown < f.exercise.hints.length };
}

export async function revealSolution(who: Viewer, f: Found): Promise<{ solution: string }> {
  await progress(who, f).upsert({ solutionShown: true });
  return { solution: f.exercise.solution };
}
