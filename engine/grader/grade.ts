/**
 * Grades a workspace against an exercise's checks: each check passes or fails with what
 * the grader saw, groups combine theirs, and the score is the weighted share passed.
 * Nothing here changes the workspace (commands run on a copy).
 */
import type { Workspace } from "../workspace";
import type { Check } from "./check";
import { comparatorOf, type Outcome } from "./compare";
import { commandCheck } from "./command-check";
import { eventCheck } from "./event-check";
import { fileCheck } from "./file-check";
import { absent, count, exists, jsonpath } from "./object-checks";
import { podCheck } from "./pod-check";
import { report, type CheckResult, type GradeReport } from "./report";
import { targetOf, type GradeScope, type GradeTarget } from "./target";
import { sharedVolume } from "./volume-check";

async function outcome(t: GradeTarget, c: Check, cluster: string | undefined): Promise<Outcome> {
  if ("exists" in c) return exists(t, c.exists, cluster);
  if ("absent" in c) return absent(t, c.absent, cluster);
  if ("jsonpath" in c) return jsonpath(t, c.jsonpath, comparatorOf(c), cluster);
  if ("count" in c) return count(t, c.count, comparatorOf(c), cluster);
  if ("pod" in c) return podCheck(t, c.pod, c.expect, cluster);
  if ("sharedVolume" in c) return sharedVolume(t, c.sharedVolume, cluster);
  if ("event" in c) return eventCheck(t, c.event, cluster);
  if ("command" in c) return commandCheck(t, c);
  if ("file" in c) return fileCheck(t, c.file, comparatorOf(c));
  throw new Error("group checks are graded by gradeCheck");
}

export async function gradeCheck(t: GradeTarget, c: Check, inherited?: string): Promise<CheckResult> {
  const cluster = c.cluster ?? inherited;
  const weight = c.weight ?? 1;
  if ("allOf" in c || "anyOf" in c) {
    const all = "allOf" in c;
    const children: CheckResult[] = [];
    for (const child of all ? c.allOf : c.anyOf) children.push(await gradeCheck(t, child, cluster));
    const passed = all ? children.every((r) => r.passed) : children.some((r) => r.passed);
    const detail = children
      .filter((r) => r.passed === passed)
      .map((r) => r.detail)
      .join("; ");
    return { passed, message: c.message, detail, weight, children };
  }
  const o = await outcome(t, c, cluster);
  return { passed: o.ok, message: c.message, detail: o.detail, weight };
}

export async function gradeTarget(t: GradeTarget, checks: readonly Check[]): Promise<GradeReport> {
  const results: CheckResult[] = [];
  for (const c of checks) results.push(await gradeCheck(t, c));
  return report(results);
}

/** Grades `ws` as it is now against `checks`, looking by default where `scope` says. */
export function grade(ws: Workspace, checks: readonly Check[], scope?: GradeScope): Promise<GradeReport> {
  return gradeTarget(targetOf(ws, scope), checks);
}
