import { attemptRequest, type AttemptParams } from "../../../../lib/exams/api";
import { endAttempt } from "../../../../lib/exams/attempts";

// Ends the attempt now and grades it; answers where the report is. Submitting an attempt
// that already ended (its time ran out meanwhile) answers the same, without grading twice.

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx);
  if (at instanceof Response) return at;
  const ended = at.attempt.endedAt ? at.attempt : await endAttempt(at.who, at.attempt, "submitted");
  return Response.json({ url: `/exams/attempts/${ended.id}/report`, total: ended.report?.total ?? null, passed: ended.report?.passed ?? null });
}
