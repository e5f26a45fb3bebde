import { lessonRequest, type LessonParams } from "../../../../../lib/api";
import { clusterPicture } from "../../../../../lib/cluster-view";
import { freshWorkspace, lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// The live cluster panel asks for its picture after each command.

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  return Response.json(await workspaces().use(at.who.id, lessonKey(at.chapter, at.slug), freshWorkspace, async (ws) => clusterPicture(ws)));
}
