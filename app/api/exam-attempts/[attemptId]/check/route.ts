import { z } from "zod";
import { body, problem } from "../../../../lib/api";
import { attemptRequest, type AttemptParams } from "../../../../lib/exams/api";
import { checkTask } from "../../../../lib/exams/attempts";
import { currentLocale } from "../../../../lib/locale";

// Practice mode's "check this task": one task graded now. A timed attempt is graded only
// at its end, so this answers 403 there.

export const dynamic = "force-dynamic";

const Input = z.object({ task: z.string() });

export async function POST(req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx, { running: true });
  if (at instanceof Response) return at;
  if (at.attempt.mode !== "practice") return problem(403, "a timed exam is graded when it ends; checking a task is for practice");
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const report = await checkTask(at.who, at.attempt, input.task, await currentLocale());
  return report ? Response.json(report) : problem(404, `no task ${input.task} in this exam`);
}
