/**
 * A mock exam file (`lessons/exams/<id>.yaml`): its schema and its parsing, with every
 * problem placed on the line of the file it comes from. Tasks are written like lesson
 * exercises, plus the cluster they belong to, a weight and `{{param}}` placeholders that
 * are drawn per attempt (see exam-instance.ts).
 */
import { basename } from "node:path";
import { z } from "zod";
import type { Locale } from "./lesson";
import type { Problem } from "./problem";
import { parseYamlWithLines } from "./yaml-lines";

const localized = z.object({ ko: z.string().min(1), en: z.string().min(1) }).strict();
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case words joined by hyphens, like static-pod");
const hostName = z.string().regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, "a cluster name is a host name: lower-case letters, digits and hyphens");
const paramName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "a parameter name is a word, like name or port");

/** A value drawn per attempt: one of a list, an integer in a range, or random letters. */
const paramSchema = z.union([
  z.object({ pick: z.array(z.union([z.string().min(1), z.number()])).min(2, "pick needs at least two values to draw from") }).strict(),
  z
    .object({ range: z.tuple([z.number().int(), z.number().int()]) })
    .strict()
    .refine((p) => p.range[0] < p.range[1], "range is [lowest, highest] with lowest < highest"),
  z.object({ suffix: z.number().int().min(3).max(10) }).strict(),
]);

const paramsSchema = z.record(paramName, paramSchema);

const taskSchema = z
  .object({
    id,
    cluster: hostName,
    weight: z.number().int().positive(),
    text: localized,
    params: paramsSchema.default({}),
    setup: z.string().default(""),
    solution: z.string().min(1),
    wait: z.number().int().nonnegative().max(3600).default(0),
    checks: z.array(z.unknown()).min(1),
  })
  .strict();

const examSchema = z
  .object({
    title: localized,
    description: localized.optional(),
    /** minutes */
    duration: z.number().positive().max(300).default(120),
    /** percent of the weighted score needed to pass */
    passMark: z.number().min(1).max(100).default(66),
    /** `ssh`: one host per cluster, as the exam since 2025; `context`: kubectl contexts from one host */
    access: z.enum(["ssh", "context"]).default("ssh"),
    clusters: z.array(z.object({ name: hostName, workers: z.number().int().min(0).max(3).default(1) }).strict()).min(1),
    params: paramsSchema.default({}),
    tasks: z.array(z.unknown()).min(1),
  })
  .strict();

export type ParamSpec = z.infer<typeof paramSchema>;

export interface ExamTask {
  readonly id: string;
  readonly cluster: string;
  readonly weight: number;
  readonly text: Readonly<Record<Locale, string>>;
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly setup: string;
  readonly solution: string;
  readonly wait: number;
  /** the checks as written, placeholders and all; parsed once the parameters are drawn */
  readonly checks: readonly unknown[];
  readonly line: number;
  readonly checkLines: readonly number[];
}

export interface Exam {
  readonly id: string;
  readonly file: string;
  readonly title: Readonly<Record<Locale, string>>;
  readonly description?: Readonly<Record<Locale, string>>;
  readonly durationMinutes: number;
  readonly passMark: number;
  readonly access: "ssh" | "context";
  readonly clusters: readonly { readonly name: string; readonly workers: number }[];
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly tasks: readonly ExamTask[];
}

export type ExamParse = { readonly ok: true; readonly exam: Exam } | { readonly ok: false; readonly problems: readonly Problem[] };

export function examIdOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/, "");
}

/** Parses an exam file's text; `file` names it in problems and gives the exam its id. */
export function parseExam(text: string, file: string): ExamParse {
  const yaml = parseYamlWithLines(text);
  const problem = (path: readonly PropertyKey[], message: string): Problem => ({ file, line: yaml.lineOf(path), message });
  if (yaml.error) return { ok: false, problems: [{ file, line: yaml.error.line, message: `not valid YAML: ${yaml.error.message}` }] };
  const examId = examIdOf(file);
  if (!id.safeParse(examId).success) return { ok: false, problems: [{ file, line: 1, message: `the file name "${examId}" is not an exam id: lower-case words joined by hyphens, like cka-mock-1` }] };
  const parsed = examSchema.safeParse(yaml.value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => problem(i.path, zodMessage(i.path, i.message))) };
  const exam = parsed.data;
  const problems: Problem[] = [];
  const clusterNames = exam.clusters.map((c) => c.name);
  clusterNames.forEach((name, i) => {
    if (clusterNames.indexOf(name) !== i) problems.push(problem(["clusters", i, "name"], `cluster "${name}" is declared twice`));
  });
  const tasks: ExamTask[] = [];
  exam.tasks.forEach((raw, i) => {
    const t = taskSchema.safeParse(raw);
    if (!t.success) {
      for (const issue of t.error.issues) problems.push(problem(["tasks", i, ...issue.path], zodMessage(["tasks", i, ...issue.path], issue.message)));
      return;
    }
    const task = t.data;
    if (!clusterNames.includes(task.cluster)) problems.push(problem(["tasks", i, "cluster"], `task ${task.id}: no cluster "${task.cluster}" (the exam declares ${clusterNames.join(", ")})`));
    if (tasks.some((o) => o.id === task.id)) problems.push(problem(["tasks", i, "id"], `task id "${task.id}" is used twice`));
    for (const name of Object.keys(task.params)) {
      if (name in exam.params) problems.push(problem(["tasks", i, "params", name], `task ${task.id}: parameter "${name}" is already declared for the whole exam`));
    }
    const known = new Set([...Object.keys(exam.params), ...Object.keys(task.params)]);
    for (const name of placeholdersIn(raw)) {
      if (!known.has(name)) problems.push(problem(["tasks", i], `task ${task.id}: {{${name}}} is not a declared parameter`));
    }
    tasks.push({
      ...task,
      line: yaml.lineOf(["tasks", i]),
      checkLines: task.checks.map((_, j) => yaml.lineOf(["tasks", i, "checks", j])),
    });
  });
  if (problems.length) return { ok: false, problems };
  const total = tasks.reduce((n, t) => n + t.weight, 0);
  if (total !== 100) return { ok: false, problems: [problem(["tasks"], `task weights add up to ${total}; they must add up to 100`)] };
  return {
    ok: true,
    exam: {
      id: examId,
      file,
      title: exam.title,
      description: exam.description,
      durationMinutes: exam.duration,
      passMark: exam.passMark,
      access: exam.access,
      clusters: exam.clusters,
      params: exam.params,
      tasks,
    },
  };
}

function zodMessage(path: readonly PropertyKey[], message: string): string {
  return path.length ? `${path.map(String).join(".")}: ${message}` : message;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** Every `{{name}}` in the strings of a value. */
export function placeholdersIn(value: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") for (const m of v.matchAll(PLACEHOLDER)) found.add(m[1]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/**
 * Replaces `{{name}}` in every string of `value`. A string that is nothing but one
 * placeholder of a number becomes that number, so `equals: "{{port}}"` compares as the
 * number it stands for.
 */
export function substitute<T>(value: T, params: Readonly<Record<string, string | number>>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const whole = /^\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}$/.exec(v);
      if (whole && typeof params[whole[1]] === "number") return params[whole[1]];
      return v.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name]) : m));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
