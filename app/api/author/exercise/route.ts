import { z } from "zod";
import { body, problem, teacher } from "../../../lib/api";
import { tryDraftExercise } from "../../../lib/author";

const Input = z.object({ markdown: z.string(), locale: z.enum(["ko", "en"]), id: z.string(), action: z.enum(["start", "check"]) });

export async function POST(req: Request): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const result = await tryDraftExercise(who, input.markdown, input.locale, input.id, input.action);
  return result ? Response.json(result) : problem(404, `no exercise ${input.id} in the pasted lesson`);
}
