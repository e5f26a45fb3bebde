import { z } from "zod";
import { body, problem, signedIn } from "../../../../../lib/api";
import { completion } from "../../../../../lib/command-stream";
import { lessonView } from "../../../../../lib/course";
import { lessonKey } from "../../../../../lib/workspaces/service";

// Tab in a lesson's terminal, answered from the learner's own cluster and files.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string().max(10_000), cursor: z.number().int().nonnegative() });

export async function POST(req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(await completion(who, lessonKey(chapter, slug), input.line, Math.min(input.cursor, input.line.length)));
}
