import { attemptRequest, type AttemptParams } from "../../../lib/exams/api";

// The room asks this when its countdown reaches zero (and now and then): whether the
// attempt is still running by the server's clock. Asking is what grades an attempt whose
// deadline passed.

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx);
  if (at instanceof Response) return at;
  const a = at.attempt;
  return Response.json({
    ended: a.endedAt !== undefined,
    endedBy: a.endedBy ?? null,
    deadline: a.deadline?.toISOString() ?? null,
    serverNow: new Date().toISOString(),
  });
}
