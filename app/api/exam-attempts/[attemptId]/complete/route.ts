import { z } from "zod";
import { body } from "../../../../lib/api";
import { completion } from "../../../../lib/command-stream";
import { attemptRequest, type AttemptParams } from "../../../../lib/exams/api";
import { examKey } from "../../../../lib/exams/attempts";

// Tab in the exam terminal, answered from the attempt's clusters and hosts.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string().max(10_000), cursor: z.number().int().nonnegative() });

export async function POST(req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx, { running: true });
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(await completion(at.who, examKey(at.attempt.id), input.line, Math.min(input.cursor, input.line.length)));
}
