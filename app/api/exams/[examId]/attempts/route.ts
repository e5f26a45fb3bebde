import { z } from "zod";
import { body, problem, signedIn } from "../../../../lib/api";
import { startAttempt } from "../../../../lib/exams/attempts";
import { examById } from "../../../../lib/exams/catalog";

// Starts an attempt of an exam (timed, or practice without a timer), or resumes the one
// still running; answers where the exam room is.

export const dynamic = "force-dynamic";

const Input = z.object({ mode: z.enum(["exam", "practice"]) });

export async function POST(req: Request, ctx: { params: Promise<{ examId: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { examId } = await ctx.params;
  const exam = examById(examId);
  if (!exam) return problem(404, `no exam ${examId}`);
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const attempt = await startAttempt(who, exam, input.mode);
  return Response.json({ id: attempt.id, url: `/exams/attempts/${attempt.id}`, deadline: attempt.deadline?.toISOString() ?? null });
}
