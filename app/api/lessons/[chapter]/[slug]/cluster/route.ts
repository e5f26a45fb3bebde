import { problem, signedIn } from "../../../../../lib/api";
import { clusterPicture } from "../../../../../lib/cluster-view";
import { lessonView } from "../../../../../lib/course";
import { freshWorkspace, lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// The live cluster panel asks for its picture after each command.

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  return Response.json(await workspaces().use(who.id, lessonKey(chapter, slug), freshWorkspace, async (ws) => clusterPicture(ws)));
}
