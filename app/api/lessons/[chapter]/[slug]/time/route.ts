import { z } from "zod";
import { body, lessonRequest, type LessonParams } from "../../../../../lib/api";
import { freshWorkspace, lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// The fast-forward control: let the cluster live through some minutes at once, for a
// back-off or a probe the learner would otherwise wait for.

const Input = z.object({ seconds: z.number().int().positive().max(3600) });

export async function POST(req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const now = await workspaces().fastForward(at.who.id, lessonKey(at.chapter, at.slug), freshWorkspace, input.seconds * 1000);
  return Response.json({ now: new Date(now).toISOString() });
}
