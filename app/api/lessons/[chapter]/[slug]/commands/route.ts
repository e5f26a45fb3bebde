import { after } from "next/server";
import { z } from "zod";
import { body, lessonRequest, type LessonParams } from "../../../../../lib/api";
import { commandStream, terminalState } from "../../../../../lib/command-stream";
import { recordActivity } from "../../../../../lib/progress";
import { lessonKey } from "../../../../../lib/workspaces/service";

// A lesson's terminal: POST runs one command line on the learner's cluster for this
// lesson (see command-stream.ts for the answer); closing the request (Ctrl-C) interrupts
// it. GET answers the prompt and the history, for a terminal that opens.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string() });

export async function POST(req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  // time spent is bookkeeping: the answer does not wait for its queries
  after(() => recordActivity(at.who.id, `${at.chapter}/${at.slug}`));
  return commandStream(req, at.who, lessonKey(at.chapter, at.slug), input.line);
}

export async function GET(_req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  return Response.json(await terminalState(at.who, lessonKey(at.chapter, at.slug)));
}
