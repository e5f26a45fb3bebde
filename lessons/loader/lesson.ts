/**
 * A lesson file, `NN-slug.<locale>.md`: YAML front matter (title, summary, minutes), then
 * Markdown whose fenced ```exercise blocks are the exercises. Parsing keeps the line of
 * everything that can be wrong, and collects links and images for the course check.
 */
import type { Code, Definition, Image, Link, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { z } from "zod";
import { parseExercise, type Exercise } from "./exercise";
import type { Problem } from "./problem";
import { parseYamlWithLines } from "./yaml-lines";

export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(ko|en)\.md$/;

const frontMatterSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().optional(),
    /** minutes a learner needs, shown in the chapter list */
    minutes: z.number().int().positive().optional(),
  })
  .strict();

export interface Reference {
  readonly kind: "link" | "image";
  readonly url: string;
  readonly line: number;
}

export interface Lesson {
  readonly file: string;
  readonly locale: Locale;
  readonly order: number;
  readonly slug: string;
  readonly title: string;
  readonly summary?: string;
  readonly minutes?: number;
  /** the Markdown after the front matter */
  readonly body: string;
  /** the line of the file where `body` starts */
  readonly bodyLine: number;
  readonly exercises: readonly Exercise[];
  readonly references: readonly Reference[];
}

export type LessonParse = { readonly lesson?: Lesson; readonly problems: readonly Problem[] };

/** `01-what-is-a-pod.ko.md` → its order, slug and locale. */
export function lessonFileName(name: string): { order: number; slug: string; locale: Locale } | undefined {
  const m = FILE_NAME.exec(name);
  return m ? { order: Number(m[1]), slug: m[2], locale: m[3] as Locale } : undefined;
}

function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1], body: text.slice(m[0].length), bodyLine: m[0].split("\n").length };
}

function walk(node: unknown, visit: (n: { type: string }) => void): void {
  const n = node as { type: string; children?: unknown[] };
  visit(n);
  for (const child of n.children ?? []) walk(child, visit);
}

/** `file` is the path shown in problems; `name` its base name. */
export function parseLesson(text: string, file: string, name: string): LessonParse {
  const problems: Problem[] = [];
  const naming = lessonFileName(name);
  if (!naming) return { problems: [{ file, line: 1, message: `a lesson file is named NN-slug.ko.md or NN-slug.en.md (e.g. 01-what-is-a-pod.ko.md), not ${name}` }] };
  const split = splitFrontMatter(text);
  if (!split) return { problems: [{ file, line: 1, message: "a lesson starts with front matter: a --- line, `title: ...`, and another --- line" }] };
  const fm = parseYamlWithLines(split.yaml);
  if (fm.error) return { problems: [{ file, line: 1 + fm.error.line, message: `front matter is not valid YAML: ${fm.error.message}` }] };
  const meta = frontMatterSchema.safeParse(fm.value);
  if (!meta.success) return { problems: meta.error.issues.map((i) => ({ file, line: 1 + fm.lineOf(i.path), message: `front matter: ${i.path.map(String).join(".") || "(top)"}: ${i.message}` })) };

  const tree = unified().use(remarkParse).use(remarkGfm).parse(split.body) as Root;
  const lineIn = (n: { position?: { start: { line: number } } }) => split.bodyLine + (n.position?.start.line ?? 1) - 1;
  const exercises: Exercise[] = [];
  const references: Reference[] = [];
  walk(tree, (n) => {
    if (n.type === "code" && (n as Code).lang === "exercise") {
      const code = n as Code;
      const parsed = parseExercise(code.value, file, lineIn(code));
      if (parsed.ok) exercises.push(parsed.exercise);
      else problems.push(...parsed.problems);
    } else if (n.type === "link" || n.type === "image" || n.type === "definition") {
      const ref = n as Link | Image | Definition;
      references.push({ kind: n.type === "image" ? "image" : "link", url: ref.url, line: lineIn(ref) });
    }
  });
  const lesson: Lesson = {
    file,
    ...naming,
    title: meta.data.title,
    ...(meta.data.summary !== undefined ? { summary: meta.data.summary } : {}),
    ...(meta.data.minutes !== undefined ? { minutes: meta.data.minutes } : {}),
    body: split.body,
    bodyLine: split.bodyLine,
    exercises,
    references,
  };
  return { lesson, problems };
}
