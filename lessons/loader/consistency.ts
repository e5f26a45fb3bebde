/**
 * What can be checked without running anything: every lesson exists in both locales with
 * the same exercises (ids, order, number of checks and hints), exercise ids are unique in
 * the course, links and images point at files that exist, and every chapter has at least
 * one troubleshooting exercise.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Check } from "../../engine/index";
import type { Chapter, Course } from "./course";
import { LOCALES, type Lesson } from "./lesson";
import type { Problem } from "./problem";

/** Checks and their group members, counted as a learner's report lists them. */
function checkCount(checks: readonly Check[]): number {
  return checks.reduce((n, c) => n + 1 + ("allOf" in c ? checkCount(c.allOf) : "anyOf" in c ? checkCount(c.anyOf) : 0), 0);
}

function localesAgree(source: Lesson, other: Lesson): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file: other.file, line, message });
  const ids = (l: Lesson) => l.exercises.map((e) => e.id).join(", ") || "none";
  if (ids(source) !== ids(other)) {
    at(other.exercises[0]?.line ?? 1, `exercises differ from ${source.file}: ${source.locale} has ${ids(source)}; ${other.locale} has ${ids(other)}`);
    return problems;
  }
  source.exercises.forEach((e, i) => {
    const o = other.exercises[i];
    if (checkCount(e.checks) !== checkCount(o.checks)) at(o.line, `exercise ${o.id}: ${checkCount(o.checks)} checks, but ${checkCount(e.checks)} in ${source.file}`);
    if (e.hints.length !== o.hints.length) at(o.line, `exercise ${o.id}: ${o.hints.length} hints, but ${e.hints.length} in ${source.file}`);
    if (e.kind !== o.kind) at(o.line, `exercise ${o.id}: kind ${o.kind}, but ${e.kind} in ${source.file}`);
  });
  return problems;
}

function referencesResolve(lesson: Lesson, dir: string): Problem[] {
  const problems: Problem[] = [];
  for (const ref of lesson.references) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref.url) || ref.url.startsWith("#")) continue;
    const path = decodeURI(ref.url.split("#")[0].split("?")[0]);
    if (path === "") continue;
    const target = resolve(dir, path);
    if (!existsSync(target)) problems.push({ file: lesson.file, line: ref.line, message: `${ref.kind} ${ref.url} points at ${relative(process.cwd(), target)}, which does not exist` });
  }
  return problems;
}

function chapterProblems(chapter: Chapter): Problem[] {
  const problems: Problem[] = [];
  for (const entry of chapter.lessons) {
    const [source, ...others] = LOCALES.map((l) => entry.locales[l]);
    const present = LOCALES.filter((l) => entry.locales[l]);
    for (const locale of LOCALES) {
      if (entry.locales[locale]) continue;
      const existing = entry.locales[present[0]];
      problems.push({ file: existing?.file ?? relative(process.cwd(), chapter.dir), line: 1, message: `lesson ${entry.slug} has no ${locale} file (${String(entry.order).padStart(2, "0")}-${entry.slug}.${locale}.md)` });
    }
    for (const other of others) if (source && other) problems.push(...localesAgree(source, other));
    for (const lesson of Object.values(entry.locales)) if (lesson) problems.push(...referencesResolve(lesson, dirname(lesson.file)));
  }
  const ko = chapter.lessons.flatMap((l) => l.locales.ko?.exercises ?? []);
  if (!chapter.partial && ko.length > 0 && !ko.some((e) => e.kind === "troubleshooting")) {
    problems.push({ file: relative(process.cwd(), join(chapter.dir, "chapter.yaml")), line: 1, message: `chapter ${chapter.id} has no troubleshooting exercise (kind: troubleshooting)` });
  }
  return problems;
}

export function consistencyProblems(course: Course): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const chapter of course.chapters) {
    problems.push(...chapterProblems(chapter));
    for (const entry of chapter.lessons) {
      for (const e of entry.locales.ko?.exercises ?? entry.locales.en?.exercises ?? []) {
        const first = seen.get(e.id);
        if (first) problems.push({ file: e.file, line: e.line, message: `exercise id ${e.id} is already used in ${first}` });
        else seen.set(e.id, e.file);
      }
    }
  }
  return problems;
}
