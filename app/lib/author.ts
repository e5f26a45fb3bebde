import "server-only";
import { grade, type GradeReport } from "../../engine/index";
import { parseLesson, type Lesson, type Locale } from "../../lessons/loader/lesson";
import type { Problem } from "../../lessons/loader/problem";
import { proveExercise, type Proof } from "../../lessons/loader/prove";
import type { Viewer } from "./auth";
import type { ExerciseView } from "./course";
import { lessonSegments, type LessonSegment } from "./lesson-html";
import { LIVE, freshWorkspace, workspaces } from "./workspaces/service";

// The teacher's preview (/author): a lesson pasted into the page, rendered, proved as
// `kubelab lessons check` proves it, and tried in a scratch cluster of the teacher's own,
// without touching the repository.

export const AUTHOR_KEY = "author:scratch";

/** A pasted lesson, read as if it were `01-preview.<locale>.md` in the chapter named. */
export function readDraft(markdown: string, locale: Locale): { lesson?: Lesson; problems: readonly Problem[] } {
  return parseLesson(markdown, "preview.md", `01-preview.${locale}.md`);
}

export interface DraftView {
  readonly title?: string;
  readonly segments: readonly LessonSegment[];
  readonly exercises: readonly ExerciseView[];
  readonly problems: readonly Problem[];
}

export function previewDraft(markdown: string, locale: Locale, chapter: string): DraftView {
  const { lesson, problems } = readDraft(markdown, locale);
  const body = lesson?.body ?? markdown.replace(/^---[\s\S]*?\n---\n?/, "");
  return {
    ...(lesson ? { title: lesson.title } : {}),
    segments: lessonSegments(body, chapter),
    exercises: (lesson?.exercises ?? []).map((e) => ({ id: e.id, title: e.title, kind: e.kind, hints: e.hints.length, checks: e.checks.length, waits: e.wait > 0 })),
    problems,
  };
}

export async function proveDraft(markdown: string, locale: Locale): Promise<{ problems: readonly Problem[]; proofs: readonly Omit<Proof, "exercise">[] }> {
  const { lesson, problems } = readDraft(markdown, locale);
  const proofs = [];
  for (const e of lesson?.exercises ?? []) {
    const { exercise: _, ...rest } = await proveExercise(e);
    proofs.push({ ...rest, id: e.id });
  }
  return { problems: [...problems, ...proofs.flatMap((p) => p.problems)], proofs };
}

/** Runs an exercise's setup in the teacher's scratch cluster, or grades it there. */
export async function tryDraftExercise(who: Viewer, markdown: string, locale: Locale, id: string, action: "start" | "check"): Promise<GradeReport | { started: true } | undefined> {
  const e = readDraft(markdown, locale).lesson?.exercises.find((x) => x.id === id);
  if (!e) return undefined;
  return workspaces().use(who.id, AUTHOR_KEY, freshWorkspace, async (ws) => {
    if (action === "check") return grade(ws, e.checks);
    ws.setTimeMode(LIVE);
    if (e.setup.trim()) await ws.run(e.setup, { stdout: () => undefined, stderr: () => undefined }, { tty: false, history: false });
    return { started: true as const };
  });
}
