/**
 * One attempt's exam: the parameters drawn from its seed, the clusters built and set up,
 * and each task with its text, the line that reaches its cluster, and its checks. The
 * same exam and seed always give the same attempt; another seed gives other names,
 * images and numbers, so an attempt cannot be passed by remembering the last one.
 */
import { DEFAULT_CLUSTER, Workspace, grade, parseCheck, randomInt, randomSuffix, seededFrom, type Check, type ClusterShape, type CheckResult, type GradeScope, type NodeShape, type RandomState } from "../../engine/index";
import { substitute, type Exam, type ExamTask, type ParamSpec } from "./exam";
import { LOCALES, type Locale } from "./lesson";
import type { Problem } from "./problem";

/** The jump host the exam terminal opens on. */
export const EXAM_BASE_HOST = "base";

export interface TaskInstance {
  readonly id: string;
  readonly cluster: string;
  readonly weight: number;
  readonly text: Readonly<Record<Locale, string>>;
  /** the line that reaches the task's cluster, shown for the candidate to copy */
  readonly access: string;
  /** the host the task is solved on, where its files are and its command checks run */
  readonly host: string;
  /** the cluster's control plane, where the setup runs */
  readonly controlPlane: string;
  readonly setup: string;
  readonly solution: string;
  readonly wait: number;
  /** the checks with their English messages: what grading runs */
  readonly checks: readonly Check[];
  /** the same checks with each locale's messages, to word a result in the reader's language */
  readonly localized: Readonly<Record<Locale, readonly Check[]>>;
  readonly source: ExamTask;
}

export interface ExamInstance {
  readonly exam: Exam;
  readonly seed: number;
  readonly params: Readonly<Record<string, string | number>>;
  readonly clusters: readonly ClusterShape[];
  readonly tasks: readonly TaskInstance[];
}

export type Instantiation = { readonly ok: true; readonly instance: ExamInstance } | { readonly ok: false; readonly problems: readonly Problem[] };

function draw(spec: ParamSpec, rnd: RandomState): string | number {
  if ("pick" in spec) return spec.pick[randomInt(rnd, spec.pick.length)];
  if ("range" in spec) return spec.range[0] + randomInt(rnd, spec.range[1] - spec.range[0] + 1);
  return randomSuffix(rnd, spec.suffix);
}

function drawAll(specs: Readonly<Record<string, ParamSpec>>, rnd: RandomState): Record<string, string | number> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, draw(spec, rnd)]));
}

/** Node names as exam clusters have them: the control plane is the host `ssh` reaches. */
function clusterShape(exam: Exam, index: number): ClusterShape {
  const c = exam.clusters[index];
  const net = 10 * (index + 1);
  const cpName = exam.access === "ssh" ? c.name : `${c.name}-controlplane`;
  const node = (name: string, controlPlane: boolean, ip: string): NodeShape => ({ name, controlPlane, ip, cpu: "2", memory: "4Gi", pods: 110 });
  return {
    name: c.name,
    context: exam.access === "context" ? c.name : undefined,
    version: DEFAULT_CLUSTER.version,
    nodes: [node(cpName, true, `172.30.${net + 1}.2`), ...Array.from({ length: c.workers }, (_, j) => node(`${c.name}-node${j + 1}`, false, `172.30.${net + 2}.${j + 2}`))],
  };
}

function accessLine(exam: Exam, cluster: string): string {
  return exam.access === "ssh" ? `ssh ${cluster}` : `kubectl config use-context ${cluster}`;
}

/**
 * A check as written, with every `message: {ko, en}` replaced by the locale's text (a
 * plain string message serves both).
 */
function messagesIn(check: unknown, locale: Locale): unknown {
  if (Array.isArray(check)) return check.map((c) => messagesIn(c, locale));
  if (!check || typeof check !== "object") return check;
  return Object.fromEntries(
    Object.entries(check).map(([k, v]) => {
      if (k === "message" && v && typeof v === "object" && !Array.isArray(v)) return [k, (v as Record<string, unknown>)[locale]];
      return [k, messagesIn(v, locale)];
    }),
  );
}

/** Check results worded in another locale: the same results, each message taken from the matching check. */
export function inLocale(results: readonly CheckResult[], checks: readonly Check[]): CheckResult[] {
  return results.map((r, i) => {
    const c = checks[i];
    const children = c && ("allOf" in c ? c.allOf : "anyOf" in c ? c.anyOf : undefined);
    return { ...r, message: c?.message ?? r.message, ...(r.children && children ? { children: inLocale(r.children, children) } : {}) };
  });
}

/** Draws the parameters for `seed` and fills them in; the checks are parsed as lesson checks are. */
export function instantiate(exam: Exam, seed: number): Instantiation {
  const rnd = seededFrom(`${exam.id}:${seed}`);
  const shared = drawAll(exam.params, rnd);
  const clusters = exam.clusters.map((_, i) => clusterShape(exam, i));
  const problems: Problem[] = [];
  const tasks: TaskInstance[] = [];
  const params: Record<string, string | number> = { ...shared };
  for (const task of exam.tasks) {
    const own = drawAll(task.params, rnd);
    for (const [k, v] of Object.entries(own)) params[`${task.id}.${k}`] = v;
    const values = { ...shared, ...own };
    const filled = substitute({ text: task.text, setup: task.setup, solution: task.solution, checks: task.checks }, values);
    const localized: Record<Locale, Check[]> = { ko: [], en: [] };
    filled.checks.forEach((raw, j) => {
      const seen = new Set<string>();
      for (const locale of LOCALES) {
        const parsed = parseCheck(messagesIn(raw, locale), `checks[${j}]`);
        if (parsed.ok) localized[locale].push(parsed.value);
        // a problem both locales share is reported once
        else for (const p of parsed.problems) seen.add(`task ${task.id}: ${p.path}: ${p.message}`);
      }
      for (const message of seen) problems.push({ file: exam.file, line: task.checkLines[j] ?? task.line, message });
    });
    const shape = clusters[exam.clusters.findIndex((c) => c.name === task.cluster)];
    const controlPlane = shape.nodes[0].name;
    tasks.push({
      id: task.id,
      cluster: task.cluster,
      weight: task.weight,
      text: filled.text,
      access: accessLine(exam, task.cluster),
      host: exam.access === "ssh" ? controlPlane : EXAM_BASE_HOST,
      controlPlane,
      setup: filled.setup,
      solution: filled.solution,
      wait: task.wait,
      checks: localized.en,
      localized,
      source: task,
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, instance: { exam, seed, params, clusters, tasks } };
}

export interface SetupOutcome {
  readonly task: TaskInstance;
  readonly status: number;
  readonly stderr: string;
}

/**
 * The attempt's clusters as the candidate meets them: every task's setup run on its
 * cluster's control plane, the terminal on the base host.
 */
export async function examWorkspace(instance: ExamInstance, startTime: number): Promise<{ ws: Workspace; setups: SetupOutcome[] }> {
  const ws = Workspace.create({
    startTime,
    seed: instance.seed,
    clusters: instance.clusters,
    baseHost: EXAM_BASE_HOST,
    baseKubeconfig: instance.exam.access === "context",
  });
  const setups: SetupOutcome[] = [];
  for (const task of instance.tasks) {
    if (!task.setup.trim()) continue;
    let stderr = "";
    const status = await ws.runOn(task.controlPlane, task.setup, { stdout: () => undefined, stderr: (s) => (stderr += s) }, { tty: false, history: false });
    setups.push({ task, status, stderr });
  }
  return { ws, setups };
}

/** The reference solution as the candidate types it: the access line, then the solution. */
export function shownSolution(task: TaskInstance): string {
  return `${task.access}\n${task.solution.replace(/\n+$/, "")}\n`;
}

/** Runs the reference solution where the candidate would, in the task's cluster. */
export function runSolution(ws: Workspace, task: TaskInstance, out: { stdout(s: string): void; stderr(s: string): void }): Promise<number> {
  const text = task.host === EXAM_BASE_HOST ? `${task.access} >/dev/null\n${task.solution}` : task.solution;
  return ws.runOn(task.host, text, out, { tty: false, history: true });
}

/** Where a task's checks look: its cluster, the host it is solved on, and in context exams its context. */
export function scopeOf(task: TaskInstance): GradeScope {
  return { cluster: task.cluster, host: task.host, ...(task.host === EXAM_BASE_HOST ? { context: task.cluster } : {}) };
}

/** Grades one task where it lives: its cluster's objects, its host's files. */
export function gradeTask(ws: Workspace, task: TaskInstance) {
  return grade(ws, task.checks, scopeOf(task));
}
