import "server-only";
import type { Locale } from "../../lessons/loader/lesson";
import { ActivityThrottle } from "./activity-throttle";
import { chapters } from "./course";
import { database } from "./db";

// What a learner has done: time in each lesson, exercises passed and their best scores.

/** A gap longer than this between two commands was a break, not work. */
const MAX_GAP_MS = 5 * 60_000;

/** One write per learner and lesson at most this often (see ActivityThrottle). */
const RECORD_EVERY_MS = 30_000;

// Kept on globalThis so that `next dev`'s module reloads reuse it.
const cache = globalThis as typeof globalThis & { kubelabActivity?: ActivityThrottle };

/** Counts the time since the learner's last recorded command in this lesson as time spent in it. */
export async function recordActivity(userId: string, lessonId: string, now = new Date()): Promise<void> {
  cache.kubelabActivity ??= new ActivityThrottle(RECORD_EVERY_MS);
  if (!cache.kubelabActivity.take(`${userId}\u0000${lessonId}`, now.getTime())) return;
  const { db } = database();
  const where = { userId_lessonId: { userId, lessonId } };
  const before = await db.lessonProgress.findUnique({ where });
  const gap = before?.lastSeenAt ? Math.min(MAX_GAP_MS, Math.max(0, now.getTime() - before.lastSeenAt.getTime())) : 0;
  await db.lessonProgress.upsert({ where, create: { userId, lessonId, lastSeenAt: now }, update: { lastSeenAt: now, activeMs: { increment: gap } } });
}

/** Marks the lesson done once every exercise in it has passed. */
export async function completeIfDone(userId: string, lessonId: string, exerciseIds: readonly string[]): Promise<void> {
  const { db } = database();
  const passed = await db.exerciseProgress.count({ where: { userId, exerciseId: { in: [...exerciseIds] }, passedAt: { not: null } } });
  if (passed < exerciseIds.length) return;
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, completedAt: new Date() },
    update: { completedAt: new Date() },
  });
}

export interface LessonProgressView {
  readonly chapter: string;
  readonly slug: string;
  readonly title: string;
  readonly done: boolean;
  readonly activeMs: number;
  readonly exercises: readonly { readonly id: string; readonly bestScore: number; readonly passed: boolean; readonly hintsShown: number; readonly solutionShown: boolean }[];
}

export async function progressOverview(userId: string, locale: Locale): Promise<{ chapters: { id: string; title: string; lessons: LessonProgressView[] }[]; lastLesson?: { chapter: string; slug: string } }> {
  const { db } = database();
  const lessons = await db.lessonProgress.findMany({ where: { userId } });
  const exercises = await db.exerciseProgress.findMany({ where: { userId } });
  const byLesson = new Map(lessons.map((l) => [l.lessonId, l]));
  const byExercise = new Map(exercises.map((e) => [e.exerciseId, e]));
  const last = [...lessons].sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0))[0];
  return {
    chapters: chapters(locale).map((c) => ({
      id: c.id,
      title: c.title,
      lessons: c.lessons.map((l) => {
        const p = byLesson.get(`${c.id}/${l.slug}`);
        return {
          chapter: c.id,
          slug: l.slug,
          title: l.title,
          done: Boolean(p?.completedAt),
          activeMs: p?.activeMs ?? 0,
          exercises: l.exercises.map((id) => {
            const e = byExercise.get(id);
            return { id, bestScore: e?.bestScore ?? 0, passed: Boolean(e?.passedAt), hintsShown: e?.hintsShown ?? 0, solutionShown: e?.solutionShown ?? false };
          }),
        };
      }),
    })),
    ...(last?.lastSeenAt ? { lastLesson: { chapter: last.lessonId.split("/")[0], slug: last.lessonId.split("/")[1] } } : {}),
  };
}
