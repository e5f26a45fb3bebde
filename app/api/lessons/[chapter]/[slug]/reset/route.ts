import { problem, signedIn } from "../../../../../lib/api";
import { lessonView } from "../../../../../lib/course";
import { database } from "../../../../../lib/db";
import { lessonKey, workspaces } from "../../../../../lib/workspaces/service";

// "Reset cluster": the lesson's next command meets a fresh cluster, and its exercises
// wait to be started again.

export async function POST(_req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  const lesson = lessonView(chapter, slug, "en");
  if (!lesson) return problem(404, `no lesson ${chapter}/${slug}`);
  await workspaces().reset(who.id, lessonKey(chapter, slug));
  await database().db.exerciseProgress.updateMany({ where: { userId: who.id, exerciseId: { in: lesson.exercises.map((e) => e.id) } }, data: { startedAt: null } });
  return Response.json({ ok: true });
}
