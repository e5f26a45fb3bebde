/**
 * Reads the course from disk: `lessons/<chapter>/chapter.yaml` and the lesson files
 * beside it. Everything that cannot be read or parsed becomes a Problem; what can be is
 * returned, so one broken lesson does not hide the others.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { z } from "zod";
import { lessonFileName, parseLesson, type Lesson, type Locale } from "./lesson";
import type { Problem } from "./problem";
import { parseYamlWithLines } from "./yaml-lines";

const localized = z.object({ ko: z.string().min(1), en: z.string().min(1) }).strict();

const chapterSchema = z
  .object({
    order: z.number().int().nonnegative(),
    title: localized,
    summary: localized.optional(),
  })
  .strict();

export interface Chapter {
  readonly id: string;
  readonly dir: string;
  readonly order: number;
  readonly title: Readonly<Record<Locale, string>>;
  readonly summary?: Readonly<Record<Locale, string>>;
  /** lessons by slug, in order, each in the locales it exists in */
  readonly lessons: readonly { readonly slug: string; readonly order: number; readonly locales: Partial<Record<Locale, Lesson>> }[];
  /** only some of its lessons were selected (`kubelab lessons check FILE`): chapter-wide rules wait */
  readonly partial?: boolean;
}

export interface Course {
  readonly root: string;
  readonly chapters: readonly Chapter[];
}

/** Paths in problems are shown relative to where the command runs. */
function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function readChapter(dir: string, problems: Problem[]): Chapter | undefined {
  const id = basename(dir);
  const metaPath = join(dir, "chapter.yaml");
  let text: string;
  try {
    text = readFileSync(metaPath, "utf8");
  } catch {
    problems.push({ file: shown(metaPath), line: 1, message: `chapter ${id} has no chapter.yaml (order, title: {ko, en})` });
    return undefined;
  }
  const yaml = parseYamlWithLines(text);
  if (yaml.error) {
    problems.push({ file: shown(metaPath), line: yaml.error.line, message: `not valid YAML: ${yaml.error.message}` });
    return undefined;
  }
  const meta = chapterSchema.safeParse(yaml.value);
  if (!meta.success) {
    for (const i of meta.error.issues) problems.push({ file: shown(metaPath), line: yaml.lineOf(i.path), message: `${i.path.map(String).join(".") || "(top)"}: ${i.message}` });
    return undefined;
  }
  const bySlug = new Map<string, { slug: string; order: number; locales: Partial<Record<Locale, Lesson>> }>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".md") || name === "README.md") continue;
    const path = join(dir, name);
    const parsed = parseLesson(readFileSync(path, "utf8"), shown(path), name);
    problems.push(...parsed.problems);
    const naming = lessonFileName(name);
    if (!parsed.lesson || !naming) continue;
    const entry = bySlug.get(naming.slug) ?? { slug: naming.slug, order: naming.order, locales: {} };
    entry.locales[naming.locale] = parsed.lesson;
    bySlug.set(naming.slug, entry);
  }
  const lessons = [...bySlug.values()].sort((a, b) => a.order - b.order);
  return { id, dir, order: meta.data.order, title: meta.data.title, ...(meta.data.summary ? { summary: meta.data.summary } : {}), lessons };
}

/** The course under `root` (the lessons/ folder): every folder with lesson files is a chapter. */
export function loadCourse(root: string): { course: Course; problems: Problem[] } {
  const problems: Problem[] = [];
  const chapters: Chapter[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory() || name === "loader" || name === "exams" || name.startsWith(".")) continue;
    if (!readdirSync(dir).some((f) => f.endsWith(".md") || f === "chapter.yaml")) continue;
    const chapter = readChapter(dir, problems);
    if (chapter) chapters.push(chapter);
  }
  chapters.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { course: { root, chapters }, problems };
}

