/** `command:` a command line's output and status, run on a copy of the workspace. */
import type { Comparator } from "./check";
import { compare, type Outcome } from "./compare";
import type { GradeTarget } from "./target";

export async function commandCheck(target: GradeTarget, spec: { command: string; stdout?: Comparator; stderr?: Comparator; exitCode?: number }): Promise<Outcome> {
  const r = await target.run(spec.command);
  const parts: Outcome[] = [];
  if (spec.exitCode !== undefined) parts.push(r.status === spec.exitCode ? { ok: true, detail: `exit status ${r.status}` } : { ok: false, detail: `expected exit status ${spec.exitCode}, found ${r.status}${r.stderr ? ` (${r.stderr.trim().slice(0, 160)})` : ""}` });
  if (spec.stdout) parts.push(compare(spec.stdout, r.stdout, "output"));
  if (spec.stderr) parts.push(compare(spec.stderr, r.stderr, "error output"));
  if (!parts.length) parts.push(r.status === 0 ? { ok: true, detail: "exit status 0" } : { ok: false, detail: `\`${spec.command}\` failed: ${r.stderr.trim().slice(0, 160)}` });
  const failed = parts.filter((p) => !p.ok);
  return failed.length ? { ok: false, detail: failed.map((p) => p.detail).join("; ") } : { ok: true, detail: parts.map((p) => p.detail).join("; ") };
}
