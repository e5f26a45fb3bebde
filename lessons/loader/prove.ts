/**
 * Proves an exercise in a fresh workspace, in virtual time: after its setup the checks
 * fail (each one, unless marked `passesBeforeSolution`), and after the reference solution
 * and `wait` seconds they all pass.
 */
import { Workspace, grade, type Check, type GradeReport } from "../../engine/index";
import type { Exercise } from "./exercise";
import type { Problem } from "./problem";

/** The workspace every exercise is proved in starts here: a fixed time and seed, so proofs repeat exactly. */
export const PROOF_START = Date.UTC(2026, 0, 27, 10, 0, 0);
const PROOF_SEED = 1;

export interface Proof {
  readonly exercise: Exercise;
  readonly problems: readonly Problem[];
  readonly before: GradeReport;
  readonly after?: GradeReport;
}

async function runScript(ws: Workspace, text: string, history: boolean): Promise<{ status: number; stderr: string }> {
  let stderr = "";
  const status = await ws.run(text, { stdout: () => undefined, stderr: (s) => (stderr += s) }, { tty: false, history });
  return { status, stderr };
}

export function tail(text: string): string {
  const lines = text.trim().split("\n");
  return lines.slice(-3).join(" | ").slice(0, 300);
}

/** A fresh workspace with the exercise's setup run in it, as a learner starts it. */
export async function startExercise(e: Exercise): Promise<{ ws: Workspace; status: number; stderr: string }> {
  const ws = Workspace.create({ startTime: PROOF_START, seed: PROOF_SEED });
  const r = e.setup.trim() ? await runScript(ws, e.setup, false) : { status: 0, stderr: "" };
  return { ws, ...r };
}

type Report = (line: number, message: string) => void;

/** After the setup: not everything passes, and each check fails unless marked as holding already. */
export function judgeBefore(before: GradeReport, checks: readonly Check[], checkLines: readonly number[], line: number, at: Report): void {
  if (before.passed) at(line, "every check passes before the solution ran: it would be done before the learner starts");
  before.checks.forEach((r, i) => {
    const marked = checks[i].passesBeforeSolution === true;
    if (r.passed && !marked && !before.passed) at(checkLines[i], `check ${i + 1} passes before the solution ran (${r.detail}); make it stricter, or mark it passesBeforeSolution: true if it guards what must stay`);
    if (!r.passed && marked) at(checkLines[i], `check ${i + 1} is marked passesBeforeSolution but fails after the setup (${r.detail})`);
  });
}

/** After the solution (and `wait`): every check passes. */
export function judgeAfter(after: GradeReport, checkLines: readonly number[], waited: string, at: Report): void {
  after.checks.forEach((r, i) => {
    if (!r.passed) at(checkLines[i], `check ${i + 1} fails after the solution${waited}: ${r.detail}`);
  });
}

export async function proveExercise(e: Exercise): Promise<Proof> {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file: e.file, line, message: `exercise ${e.id}: ${message}` });
  const { ws, status, stderr } = await startExercise(e);
  if (status !== 0) at(e.line, `setup failed with exit status ${status}: ${tail(stderr)}`);

  const before = await grade(ws, e.checks);
  judgeBefore(before, e.checks, e.checkLines, e.line, at);

  const solved = await runScript(ws, e.solution, true);
  if (solved.status !== 0) at(e.line, `solution failed with exit status ${solved.status}: ${tail(solved.stderr)}`);
  if (e.wait > 0) ws.advance(e.wait * 1000);
  const after = await grade(ws, e.checks);
  judgeAfter(after, e.checkLines, e.wait ? ` and ${e.wait}s` : "", at);
  return { exercise: e, problems, before, after };
}
