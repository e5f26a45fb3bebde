import "server-only";
import { randomInt } from "node:crypto";
import { evidence, type GradeReport, type Workspace } from "../../../engine/index";
import type { Exam } from "../../../lessons/loader/exam";
import { examWorkspace, gradeTask, inLocale, scopeOf, shownSolution, type ExamInstance } from "../../../lessons/loader/exam-instance";
import { scoreExam } from "../../../lessons/loader/exam-score";
import type { Locale } from "../../../lessons/loader/lesson";
import type { Viewer } from "../auth";
import { database } from "../db";
import { LIVE, workspaces } from "../workspaces/service";
import { readState, timePerTask, withDone, withEvent, withFlag, type AttemptState } from "./attempt-state";
import { examById, examInstance } from "./catalog";
import type { AttemptReport, TaskReport } from "./report";

// An exam attempt on the server: started with its clusters set up and, when timed, a
// deadline; its terminal's commands refused once it ended; graded when submitted or, at
// the latest, the first time anyone touches it after its deadline. Nothing here hands a
// check or a solution to the browser before the attempt ended.

export type Mode = "exam" | "practice";

export interface Attempt {
  readonly id: string;
  readonly exam: Exam;
  readonly instance: ExamInstance;
  readonly mode: Mode;
  readonly startedAt: Date;
  readonly deadline?: Date;
  readonly endedAt?: Date;
  readonly endedBy?: "submitted" | "deadline";
  readonly state: AttemptState;
  readonly report?: AttemptReport;
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof database>["db"]["examAttempt"]["findFirst"]>>>;

export function examKey(attemptId: string): string {
  return `exam:${attemptId}`;
}

function fromRow(row: Row): Attempt | undefined {
  const exam = examById(row.examId);
  if (!exam) return undefined;
  return {
    id: row.id,
    exam,
    instance: examInstance(exam, row.seed),
    mode: row.mode === "practice" ? "practice" : "exam",
    startedAt: row.startedAt,
    ...(row.deadline ? { deadline: row.deadline } : {}),
    ...(row.submittedAt ? { endedAt: row.submittedAt } : {}),
    ...(row.endedBy === "submitted" || row.endedBy === "deadline" ? { endedBy: row.endedBy } : {}),
    state: readState(row.state),
    ...(row.scores ? { report: row.scores as unknown as AttemptReport } : {}),
  };
}

/** The attempt's clusters, made the first time (at the start, with every task's setup). */
function useClusters<T>(who: Viewer, a: Pick<Attempt, "id" | "instance" | "startedAt">, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  return workspaces().use(who.id, examKey(a.id), async () => (await examWorkspace(a.instance, Math.floor(a.startedAt.getTime() / 1000) * 1000)).ws, fn);
}

/** Starts an attempt, or resumes the one of this exam and mode still running. */
export async function startAttempt(who: Viewer, exam: Exam, mode: Mode, now = new Date()): Promise<Attempt> {
  const { db } = database();
  const running = await db.examAttempt.findFirst({ where: { userId: who.id, examId: exam.id, mode, submittedAt: null }, orderBy: { startedAt: "desc" } });
  if (running) {
    const open = await openAttempt(who, running.id);
    if (open && !open.endedAt) return open;
  }
  const row = await db.examAttempt.create({
    data: {
      userId: who.id,
      examId: exam.id,
      mode,
      seed: randomInt(1, 2 ** 31),
      startedAt: now,
      deadline: mode === "exam" ? new Date(now.getTime() + exam.durationMinutes * 60_000) : null,
      state: { flagged: [], done: [], log: [] },
    },
  });
  const attempt = fromRow(row) as Attempt;
  await useClusters(who, attempt, async (ws) => ws.setTimeMode(LIVE));
  return attempt;
}

/**
 * The caller's attempt, graded first if its deadline has passed. Undefined when it is
 * not theirs (another user's id reads as no attempt at all) or its exam is gone.
 */
export async function openAttempt(who: Viewer, id: string, now = new Date()): Promise<Attempt | undefined> {
  const row = await database().db.examAttempt.findFirst({ where: { id, userId: who.id } });
  const attempt = row && fromRow(row);
  if (!attempt) return undefined;
  if (!attempt.endedAt && attempt.deadline && now >= attempt.deadline) return endAttempt(who, attempt, "deadline");
  return attempt;
}

/** Why a command or a change is refused once the attempt ended. */
export function endedMessage(a: Attempt, locale: Locale): string {
  const at = (a.endedAt ?? new Date()).toISOString().slice(11, 16);
  if (locale === "ko") return a.endedBy === "deadline" ? `시험 시간이 끝났습니다 (${at} UTC). 남은 상태로 채점했습니다. 보고서를 확인하세요.` : `이미 제출한 시험입니다 (${at} UTC). 보고서를 확인하세요.`;
  return a.endedBy === "deadline" ? `Time is up: the exam ended at ${at} UTC and was graded as it stood. See the report.` : `This attempt was submitted at ${at} UTC. See the report.`;
}

/** Grades every task as the clusters are now and records the report; a second caller gets the first one's result. */
export async function endAttempt(who: Viewer, a: Attempt, endedBy: "submitted" | "deadline", now = new Date()): Promise<Attempt> {
  const endedAt = endedBy === "deadline" && a.deadline ? a.deadline : now;
  const graded = await useClusters(who, a, async (ws) => {
    const out: { report: GradeReport; evidence: ReturnType<typeof evidence> }[] = [];
    for (const task of a.instance.tasks) out.push({ report: await gradeTask(ws, task), evidence: evidence(ws, task.checks, scopeOf(task)) });
    return out;
  });
  const score = scoreExam(
    a.exam.passMark,
    a.instance.tasks.map((t, i) => ({ id: t.id, weight: t.weight, report: graded[i].report })),
  );
  const times = timePerTask(a.state.log, a.startedAt.getTime(), endedAt.getTime(), a.instance.tasks.map((t) => t.id));
  const tasks: TaskReport[] = a.instance.tasks.map((t, i) => ({
    id: t.id,
    weight: t.weight,
    points: score.tasks[i].points,
    checks: { en: graded[i].report.checks, ko: inLocale(graded[i].report.checks, t.localized.ko) },
    solution: shownSolution(t),
    evidence: graded[i].evidence,
    timeMs: times[t.id] ?? 0,
  }));
  const report: AttemptReport = { total: score.total, passMark: score.passMark, passed: score.passed, tasks };
  const { db } = database();
  const claimed = await db.examAttempt.updateMany({
    where: { id: a.id, userId: who.id, submittedAt: null },
    data: { submittedAt: endedAt, endedBy, scores: report as unknown as object, total: report.total, passed: report.passed },
  });
  if (claimed.count === 0) {
    const row = await db.examAttempt.findFirst({ where: { id: a.id, userId: who.id } });
    return (row && fromRow(row)) ?? a;
  }
  return { ...a, endedAt, endedBy, report };
}

/** Practice only: one task graded now, with each check's result worded in `locale`. */
export async function checkTask(who: Viewer, a: Attempt, taskId: string, locale: Locale): Promise<GradeReport | undefined> {
  const task = a.instance.tasks.find((t) => t.id === taskId);
  if (!task) return undefined;
  const report = await useClusters(who, a, (ws) => gradeTask(ws, task));
  return { ...report, checks: inLocale(report.checks, task.localized[locale]) };
}

export type StateChange = { readonly flag: string; readonly on: boolean } | { readonly done: string; readonly on: boolean } | { readonly open: string };

/** Reads the attempt's state, changes it and writes it back. */
async function updateState(who: Viewer, a: Attempt, change: (s: AttemptState) => AttemptState): Promise<AttemptState> {
  const { db } = database();
  const row = await db.examAttempt.findFirst({ where: { id: a.id, userId: who.id }, select: { state: true } });
  const s = change(readState(row?.state));
  await db.examAttempt.updateMany({ where: { id: a.id, userId: who.id }, data: { state: s as unknown as object } });
  return s;
}

export function changeState(who: Viewer, a: Attempt, change: StateChange, now = Date.now()): Promise<AttemptState> {
  return updateState(who, a, (s) => {
    if ("flag" in change) return withFlag(s, change.flag, change.on);
    if ("done" in change) return withDone(s, change.done, change.on);
    return withEvent(s, { at: now, kind: "open", task: change.open });
  });
}

/** Notes that a command ran, for the time spent per task. */
export async function recordCommand(who: Viewer, a: Attempt, now = Date.now()): Promise<void> {
  await updateState(who, a, (s) => withEvent(s, { at: now, kind: "command" }));
}

export interface PastAttempt {
  readonly id: string;
  readonly examId: string;
  readonly mode: Mode;
  readonly startedAt: Date;
  readonly endedAt?: Date;
  readonly total?: number;
  readonly passed?: boolean;
}

/** The caller's attempts, newest first, ended or running (those whose time ran out are graded first). */
export async function pastAttempts(who: Viewer, now = new Date()): Promise<PastAttempt[]> {
  const { db } = database();
  const expired = await db.examAttempt.findMany({ where: { userId: who.id, submittedAt: null, deadline: { lte: now } }, select: { id: true } });
  for (const { id } of expired) await openAttempt(who, id, now);
  const rows = await db.examAttempt.findMany({ where: { userId: who.id }, orderBy: { startedAt: "desc" }, take: 200 });
  return rows.map((r) => ({
    id: r.id,
    examId: r.examId,
    mode: r.mode === "practice" ? "practice" : "exam",
    startedAt: r.startedAt,
    ...(r.submittedAt ? { endedAt: r.submittedAt } : {}),
    ...(r.total !== null ? { total: r.total } : {}),
    ...(r.passed !== null ? { passed: r.passed } : {}),
  }));
}
