import { z } from "zod";
import { body, problem } from "../../../../lib/api";
import { attemptRequest, type AttemptParams } from "../../../../lib/exams/api";
import { changeState } from "../../../../lib/exams/attempts";

// The task list's marks: flag for review, done; and which task the candidate opened
// (the report's time per task). Answers the attempt's state.

export const dynamic = "force-dynamic";

const Input = z.union([
  z.object({ flag: z.string(), on: z.boolean() }).strict(),
  z.object({ done: z.string(), on: z.boolean() }).strict(),
  z.object({ open: z.string() }).strict(),
]);

export async function POST(req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx, { running: true });
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const task = "flag" in input ? input.flag : "done" in input ? input.done : input.open;
  if (!at.attempt.instance.tasks.some((t) => t.id === task)) return problem(404, `no task ${task} in this exam`);
  const s = await changeState(at.who, at.attempt, input);
  return Response.json({ flagged: s.flagged, done: s.done });
}
