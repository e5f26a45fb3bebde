import { z } from "zod";
import { body, lessonRequest, type LessonParams } from "../../../../../lib/api";
import { completion } from "../../../../../lib/command-stream";
import { lessonKey } from "../../../../../lib/workspaces/service";

// Tab in a lesson's terminal, answered from the learner's own cluster and files.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string().max(10_000), cursor: z.number().int().nonnegative() });

export async function POST(req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(await completion(at.who, lessonKey(at.chapter, at.slug), input.line, Math.min(input.cursor, input.line.length)));
}
