import "server-only";
import path from "node:path";
import { loadCourse, type Chapter, type Course } from "../../lessons/loader/course";
import type { Exercise } from "../../lessons/loader/exercise";
import type { Lesson, Locale } from "../../lessons/loader/lesson";
import { lessonSegments, type LessonSegment } from "./lesson-html";

// The course as the app serves it, read once from lessons/ (problems are for
// `kubelab lessons check`; what parses is served). Learner-facing shapes only: an
// exercise's checks, hints and solution stay here, revealed through their routes.

const cache = globalThis as typeof globalThis & { kubelabCourse?: Course };

function course(): Course {
  cache.kubelabCourse ??= loadCourse(path.join(process.cwd(), "lessons")).course;
  return cache.kubelabCourse;
}

export interface ExerciseView {
  readonly id: string;
  readonly title: string;
  readonly kind: "task" | "troubleshooting";
  readonly hints: number;
  readonly checks: number;
  /** the exercise needs time to pass (a back-off, a probe): the page offers fast-forward */
  readonly waits: boolean;
}

export interface LessonRef {
  readonly chapter: string;
  readonly slug: string;
  readonly title: string;
}

export interface LessonView extends LessonRef {
  readonly locale: Locale;
  readonly chapterTitle: string;
  readonly summary?: string;
  readonly minutes?: number;
  readonly segments: readonly LessonSegment[];
  readonly exercises: readonly ExerciseView[];
  readonly previous?: LessonRef;
  readonly next?: LessonRef;
  /** the chapter's lessons, for the outline */
  readonly outline: readonly LessonRef[];
}

export interface ChapterView {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly lessons: readonly (LessonRef & { readonly minutes?: number; readonly exercises: readonly string[] })[];
}

function pick(entry: Chapter["lessons"][number], locale: Locale): Lesson | undefined {
  return entry.locales[locale] ?? entry.locales.ko ?? entry.locales.en;
}

function ref(chapter: Chapter, entry: Chapter["lessons"][number], locale: Locale): LessonRef {
  return { chapter: chapter.id, slug: entry.slug, title: pick(entry, locale)?.title ?? entry.slug };
}

/** Whether the course has the lesson, in any language: asked by every command, so no view is built. */
export function hasLesson(chapterId: string, slug: string): boolean {
  return course().chapters.some((c) => c.id === chapterId && c.lessons.some((l) => l.slug === slug));
}

export function chapters(locale: Locale): ChapterView[] {
  return course().chapters.map((c) => ({
    id: c.id,
    title: c.title[locale],
    ...(c.summary ? { summary: c.summary[locale] } : {}),
    lessons: c.lessons.map((entry) => {
      const lesson = pick(entry, locale);
      return { ...ref(c, entry, locale), ...(lesson?.minutes ? { minutes: lesson.minutes } : {}), exercises: (lesson?.exercises ?? []).map((e) => e.id) };
    }),
  }));
}

/** Every lesson in course order, across chapters. */
function allLessons(locale: Locale): LessonRef[] {
  return course().chapters.flatMap((c) => c.lessons.map((entry) => ref(c, entry, locale)));
}

export function lessonView(chapterId: string, slug: string, locale: Locale): LessonView | undefined {
  const chapter = course().chapters.find((c) => c.id === chapterId);
  const entry = chapter?.lessons.find((l) => l.slug === slug);
  const lesson = entry && pick(entry, locale);
  if (!chapter || !entry || !lesson) return undefined;
  const order = allLessons(locale);
  const at = order.findIndex((l) => l.chapter === chapterId && l.slug === slug);
  return {
    ...ref(chapter, entry, locale),
    locale: lesson.locale,
    chapterTitle: chapter.title[locale],
    ...(lesson.summary ? { summary: lesson.summary } : {}),
    ...(lesson.minutes ? { minutes: lesson.minutes } : {}),
    segments: lessonSegments(lesson.body, chapter.id),
    exercises: lesson.exercises.map((e) => ({ id: e.id, title: e.title, kind: e.kind, hints: e.hints.length, checks: e.checks.length, waits: e.wait > 0 })),
    ...(at > 0 ? { previous: order[at - 1] } : {}),
    ...(at >= 0 && at < order.length - 1 ? { next: order[at + 1] } : {}),
    outline: chapter.lessons.map((l) => ref(chapter, l, locale)),
  };
}

/** An exercise with what only the server sees, and the lesson it belongs to. */
export function exercise(id: string, locale: Locale): { exercise: Exercise; chapter: string; slug: string; siblings: string[] } | undefined {
  for (const c of course().chapters) {
    for (const entry of c.lessons) {
      const all = pick(entry, locale)?.exercises ?? [];
      const found = all.find((e) => e.id === id);
      if (found) return { exercise: found, chapter: c.id, slug: entry.slug, siblings: all.map((e) => e.id) };
    }
  }
  return undefined;
}

/** A file beside the lessons (an image), if the path stays inside its chapter folder. */
export function assetPath(chapterId: string, parts: readonly string[]): string | undefined {
  const chapter = course().chapters.find((c) => c.id === chapterId);
  if (!chapter) return undefined;
  const full = path.resolve(chapter.dir, ...parts);
  return full.startsWith(path.resolve(chapter.dir) + path.sep) ? full : undefined;
}
