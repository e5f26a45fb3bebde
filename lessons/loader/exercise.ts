/**
 * The exercise block of a lesson (a fenced ```exercise block, in YAML): its schema and
 * its parsing, with every problem placed on the line of the lesson file it comes from.
 */
import { z } from "zod";
import { parseCheck, type Check } from "../../engine/index";
import type { Problem } from "./problem";
import { parseYamlWithLines } from "./yaml-lines";

const exerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case words joined by hyphens, like sidecar-logs"),
    title: z.string().min(1),
    /** a broken setup the learner repairs, rather than something to build */
    kind: z.enum(["task", "troubleshooting"]).default("task"),
    /** shell run before the learner starts; its output is not shown */
    setup: z.string().default(""),
    /** the reference solution, run by `kubelab lessons check` and revealed on request */
    solution: z.string().min(1),
    /** seconds of virtual time to let pass after the solution before grading */
    wait: z.number().int().nonnegative().max(3600).default(0),
    checks: z.array(z.unknown()).min(1),
    hints: z.array(z.string().min(1)).min(1),
  })
  .strict();

export interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly kind: "task" | "troubleshooting";
  readonly setup: string;
  readonly solution: string;
  readonly wait: number;
  readonly checks: readonly Check[];
  readonly hints: readonly string[];
  /** where the block is: the line of its opening fence */
  readonly file: string;
  readonly line: number;
  /** the line of each check in the file, for messages about it */
  readonly checkLines: readonly number[];
}

export type ExerciseParse = { readonly ok: true; readonly exercise: Exercise } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * `text` is the block's YAML, which starts on line `fence + 1` of `file`. Problems name
 * the exercise (when its id is readable) and the YAML path.
 */
export function parseExercise(text: string, file: string, fence: number): ExerciseParse {
  const yaml = parseYamlWithLines(text);
  const at = (line: number) => fence + line;
  if (yaml.error) return { ok: false, problems: [{ file, line: at(yaml.error.line), message: `exercise block is not valid YAML: ${yaml.error.message}` }] };
  const raw = yaml.value;
  const id = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
  const label = id ? `exercise ${id}` : "exercise";
  const parsed = exerciseSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ file, line: at(yaml.lineOf(i.path)), message: `${label}: ${i.path.length ? `${i.path.map(String).join(".")}: ` : ""}${i.message}` })) };
  }
  const problems: Problem[] = [];
  const checks: Check[] = [];
  parsed.data.checks.forEach((c, i) => {
    const check = parseCheck(c, `checks[${i}]`);
    if (check.ok) checks.push(check.value);
    else for (const p of check.problems) problems.push({ file, line: at(yaml.lineOf(["checks", i])), message: `${label}: ${p.path}: ${p.message}` });
  });
  if (problems.length) return { ok: false, problems };
  const checkLines = parsed.data.checks.map((_, i) => at(yaml.lineOf(["checks", i])));
  return { ok: true, exercise: { ...parsed.data, checks, file, line: fence, checkLines } };
}
