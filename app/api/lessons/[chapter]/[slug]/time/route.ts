import { z } from "zod";
import { body, problem, signedIn } from "../../../../../lib/api";
import { lessonView } from "../../../../../lib/course";
import { freshWorkspace, lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// The fast-forward control: let the cluster live through some minutes at once, for a
// back-off or a probe the learner would otherwise wait for.

const Input = z.object({ seconds: z.number().int().positive().max(3600) });

export async function POST(req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const now = await workspaces().fastForward(who.id, lessonKey(chapter, slug), freshWorkspace, input.seconds * 1000);
  return Response.json({ now: new Date(now).toISOString() });
}
