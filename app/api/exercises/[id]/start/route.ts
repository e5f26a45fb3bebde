import { problem, signedIn } from "../../../../lib/api";
import { startExercise, findExercise } from "../../../../lib/exercises";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const found = await findExercise((await ctx.params).id);
  if (!found) return problem(404, "no such exercise");
  return Response.json(await startExercise(who, found));
}
