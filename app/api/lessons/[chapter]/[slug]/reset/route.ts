import { lessonRequest, type LessonParams } from "../../../../../lib/api";
import { lessonView } from "../../../../../lib/course";
import { database } from "../../../../../lib/db";
import { lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// "Reset cluster": the lesson's next command meets a fresh cluster, and its exercises
// wait to be started again.

export async function POST(_req: Request, ctx: LessonParams): Promise<Response> {
  const at = await lessonRequest(ctx);
  if (at instanceof Response) return at;
  const exercises = lessonView(at.chapter, at.slug, "en")?.exercises ?? [];
  await workspaces().reset(at.who.id, lessonKey(at.chapter, at.slug));
  await database().db.exerciseProgress.updateMany({ where: { userId: at.who.id, exerciseId: { in: exercises.map((e) => e.id) } }, data: { startedAt: null } });
  return Response.json({ ok: true });
}
