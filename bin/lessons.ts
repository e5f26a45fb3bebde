/**
 * `kubelab lessons`: the teacher's tools. `check [path]` proves the course (or a chapter,
 * one lesson file, the mock exams or one exam file) as CI does; `new <chapter> <slug>`
 * starts a lesson in both locales.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkCourse } from "../lessons/loader/check-course";
import { loadCourse, readChapter, type Course } from "../lessons/loader/course";
import { lessonFileName } from "../lessons/loader/lesson";
import type { Exam } from "../lessons/loader/exam";
import { loadExams, readExamFile } from "../lessons/loader/exams";
import { formatProblem, type Problem } from "../lessons/loader/problem";
import { EXAM_PROOF_SEEDS, proveExamDraw } from "../lessons/loader/prove-exam";

const LESSONS_ROOT = "lessons";
const EXAMS_DIR = "exams";

const USAGE = `Usage:
  kubelab lessons check [PATH] [--exercise ID]   prove every exercise under PATH (default: lessons/):
                                                 the setup fails the checks, the solution passes them,
                                                 ko and en agree, links and images resolve; and every
                                                 mock exam task (lessons/exams/), for ${EXAM_PROOF_SEEDS.length} parameter draws
  kubelab lessons new CHAPTER SLUG              start lessons/CHAPTER/NN-SLUG.ko.md and .en.md
`;

interface Selection {
  readonly course: Course;
  readonly exams: readonly Exam[];
}

/**
 * What PATH names: everything (the course and its exams), one chapter, one lesson (both
 * locales), the exams folder or one exam file.
 */
function select(path: string, problems: Problem[]): Selection | undefined {
  const abs = resolve(path);
  if (!existsSync(abs)) {
    process.stderr.write(`kubelab lessons check: ${path}: no such file or directory\n`);
    return undefined;
  }
  const none: Course = { root: abs, chapters: [] };
  if (/\.ya?ml$/.test(abs) && basename(dirname(abs)) === EXAMS_DIR) {
    const exam = readExamFile(abs, problems);
    return { course: none, exams: exam ? [exam] : [] };
  }
  if (statSync(abs).isDirectory() && basename(abs) === EXAMS_DIR) {
    const loaded = loadExams(abs);
    problems.push(...loaded.problems);
    return { course: none, exams: loaded.exams };
  }
  if (statSync(abs).isDirectory() && !existsSync(join(abs, "chapter.yaml"))) {
    const loaded = loadCourse(abs);
    const exams = loadExams(join(abs, EXAMS_DIR));
    problems.push(...loaded.problems, ...exams.problems);
    return { course: loaded.course, exams: exams.exams };
  }
  const dir = statSync(abs).isDirectory() ? abs : dirname(abs);
  const chapter = readChapter(dir, problems);
  if (!chapter) return { course: { root: dirname(dir), chapters: [] }, exams: [] };
  const slug = statSync(abs).isDirectory() ? undefined : lessonFileName(basename(abs))?.slug;
  const lessons = slug ? chapter.lessons.filter((l) => l.slug === slug) : chapter.lessons;
  return { course: { root: dirname(dir), chapters: [{ ...chapter, lessons, ...(slug ? { partial: true } : {}) }] }, exams: [] };
}

/** Proves each exam for every draw; `only` picks one task id (the others are still run, as the attempt runs them). */
async function checkExams(exams: readonly Exam[], only: string | undefined, problems: Problem[]): Promise<{ tasks: number; clean: number }> {
  let tasks = 0;
  let clean = 0;
  for (const exam of exams) {
    if (only && !exam.tasks.some((t) => t.id === only)) continue;
    for (const seed of EXAM_PROOF_SEEDS) {
      const proof = await proveExamDraw(exam, seed);
      const about = (id: string) => (p: Problem) => p.message.startsWith(`task ${id} `) || p.message.startsWith(`task ${id}:`);
      const mine = proof.problems.filter((p) => !only || about(only)(p));
      problems.push(...mine);
      for (const t of exam.tasks) {
        if (only && t.id !== only) continue;
        const failed = mine.some(about(t.id));
        process.stdout.write(`${failed ? "FAIL" : "ok  "} ${exam.file} ${t.id} (draw ${seed})\n`);
        tasks++;
        if (!failed) clean++;
      }
    }
  }
  return { tasks, clean };
}

async function check(args: readonly string[]): Promise<number> {
  let path = LESSONS_ROOT;
  let only: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--exercise") only = args[++i];
    else if (args[i].startsWith("--exercise=")) only = args[i].slice("--exercise=".length);
    else if (args[i].startsWith("-")) {
      process.stderr.write(`kubelab lessons check: unknown flag "${args[i]}"\n\n${USAGE}`);
      return 2;
    } else path = args[i];
  }
  const problems: Problem[] = [];
  const selected = select(path, problems);
  if (!selected) return 2;
  const { course, exams } = selected;
  const result = await checkCourse(course, {
    ...(only ? { only } : {}),
    onProof: (proof) => process.stdout.write(`${proof.problems.length === 0 ? "ok  " : "FAIL"} ${proof.exercise.file} ${proof.exercise.id}\n`),
  });
  problems.push(...result.problems);
  const examTasks = await checkExams(exams, only, problems);
  const exercises = result.proofs.length;
  const proved = result.proofs.filter((p) => p.problems.length === 0).length;
  for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
  const lessons = course.chapters.reduce((n, c) => n + c.lessons.length, 0);
  process.stdout.write(
    `\n${course.chapters.length} chapter(s), ${lessons} lesson(s), ${exercises} exercise block(s) proved, ${proved} clean; ` +
      `${exams.length} exam(s), ${examTasks.tasks} task draw(s) proved, ${examTasks.clean} clean; ${problems.length} problem(s)\n`,
  );
  if (only && exercises === 0 && examTasks.tasks === 0) {
    process.stderr.write(`kubelab lessons check: no exercise or exam task ${only} under ${path}\n`);
    return 1;
  }
  return problems.length ? 1 : 0;
}

function template(locale: "ko" | "en", slug: string): string {
  const title = slug.replace(/-/g, " ");
  const text =
    locale === "ko"
      ? { intro: "이 레슨에서 배울 내용을 한두 문장으로 적으세요.", task: "학습자가 할 일을 적으세요.", hint: "첫 번째 힌트", message: "검사가 실패할 때 학습자에게 보일 문장" }
      : { intro: "Say in a sentence or two what this lesson teaches.", task: "Say what the learner does.", hint: "A first hint", message: "What the learner reads when this check fails" };
  return `---
title: ${title}
minutes: 10
---

${text.intro}

## ${locale === "ko" ? "실습" : "Exercise"}

${text.task}

\`\`\`exercise
id: ${slug}
title: ${title}
setup: ""
solution: |
  kubectl run web --image=nginx:1.27
  sleep 10
checks:
  - pod: {name: web}
    expect: {phase: Running, ready: true}
    message: ${text.message}
hints:
  - ${text.hint}
\`\`\`
`;
}

function scaffold(args: readonly string[]): number {
  const [chapter, slug] = args;
  if (!chapter || !slug || args.length > 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(chapter) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    process.stderr.write("kubelab lessons new: chapter and slug are lower-case words joined by hyphens, like multi-container and init-containers\n");
    return 2;
  }
  const dir = join(LESSONS_ROOT, chapter);
  mkdirSync(dir, { recursive: true });
  const created: string[] = [];
  const meta = join(dir, "chapter.yaml");
  if (!existsSync(meta)) {
    writeFileSync(meta, `order: ${readdirSync(LESSONS_ROOT).length}\ntitle:\n  ko: ${chapter}\n  en: ${chapter}\n`);
    created.push(meta);
  }
  const taken = readdirSync(dir).map((n) => lessonFileName(n)).filter((n) => n !== undefined);
  if (taken.some((n) => n.slug === slug)) {
    process.stderr.write(`kubelab lessons new: ${dir} already has a lesson ${slug}\n`);
    return 1;
  }
  const order = String(Math.max(0, ...taken.map((n) => n.order)) + 1).padStart(2, "0");
  for (const locale of ["ko", "en"] as const) {
    const file = join(dir, `${order}-${slug}.${locale}.md`);
    writeFileSync(file, template(locale, slug));
    created.push(file);
  }
  for (const f of created) process.stdout.write(`created ${f}\n`);
  process.stdout.write(`next: write the lesson, then run: kubelab lessons check ${dir}\n`);
  return 0;
}

export async function lessonsCommand(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "check") return check(rest);
  if (sub === "new") return scaffold(rest);
  process.stderr.write(sub === undefined || sub === "help" || sub === "--help" ? USAGE : `kubelab lessons: unknown command "${sub}"\n\n${USAGE}`);
  return sub === undefined || sub === "help" || sub === "--help" ? 0 : 2;
}
