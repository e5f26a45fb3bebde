import { z } from "zod";
import { body } from "../../../../lib/api";
import { commandStream, terminalState } from "../../../../lib/command-stream";
import { attemptRequest, type AttemptParams } from "../../../../lib/exams/api";
import { examKey, recordCommand } from "../../../../lib/exams/attempts";

// The exam terminal: one command line on the attempt's clusters, refused once the
// attempt ended (submitted, or its deadline passed). GET: the prompt and the history.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string() });

export async function POST(req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx, { running: true });
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return commandStream(req, at.who, examKey(at.attempt.id), input.line, () => recordCommand(at.who, at.attempt));
}

export async function GET(_req: Request, ctx: AttemptParams): Promise<Response> {
  const at = await attemptRequest(ctx);
  if (at instanceof Response) return at;
  return Response.json(await terminalState(at.who, examKey(at.attempt.id)));
}
