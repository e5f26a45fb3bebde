import { z } from "zod";
import { body, problem, signedIn } from "../../../../../lib/api";
import { commandStream, terminalState } from "../../../../../lib/command-stream";
import { lessonView } from "../../../../../lib/course";
import { recordActivity } from "../../../../../lib/progress";
import { lessonKey } from "../../../../../lib/workspaces/service";

// A lesson's terminal: POST runs one command line on the learner's cluster for this
// lesson (see command-stream.ts for the answer); closing the request (Ctrl-C) interrupts
// it. GET answers the prompt and the history, for a terminal that opens.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string() });

type Params = { params: Promise<{ chapter: string; slug: string }> };

export async function POST(req: Request, ctx: Params): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return commandStream(req, who, lessonKey(chapter, slug), input.line, () => recordActivity(who.id, `${chapter}/${slug}`));
}

export async function GET(_req: Request, ctx: Params): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  return Response.json(await terminalState(who, lessonKey(chapter, slug)));
}
