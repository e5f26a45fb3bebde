import { problem, signedIn } from "../../../../lib/api";
import { checkExercise, findExercise, revealHint, revealSolution, startExercise } from "../../../../lib/exercises";

// An exercise's buttons: start (its setup runs in the lesson's cluster), check, the next
// hint, the solution. Each is recorded for the learner.

export const dynamic = "force-dynamic";

const ACTIONS = { start: startExercise, check: checkExercise, hint: revealHint, solution: revealSolution } as const;

export async function POST(_req: Request, ctx: { params: Promise<{ id: string; action: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { id, action } = await ctx.params;
  if (!(action in ACTIONS)) return problem(404, `no action ${action}`);
  const found = await findExercise(id);
  if (!found) return problem(404, "no such exercise");
  return Response.json(await ACTIONS[action as keyof typeof ACTIONS](who, found));
}
