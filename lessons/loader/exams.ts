/** Reads the mock exams from disk: every `<id>.yaml` in an exams folder, parsed, problems kept. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseExam, type Exam } from "./exam";
import type { Problem } from "./problem";

export function readExamFile(path: string, problems: Problem[]): Exam | undefined {
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    problems.push({ file: shown, line: 1, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  const parsed = parseExam(text, shown);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return parsed.exam;
}

export function loadExams(dir: string): { exams: Exam[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { exams: [], problems };
  const exams = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readExamFile(join(dir, f), problems))
    .filter((e): e is Exam => e !== undefined);
  return { exams, problems };
}
