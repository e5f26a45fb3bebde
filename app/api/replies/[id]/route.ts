import { z } from "zod";
import { body, problem, signedIn } from "../../../lib/api";
import { pendingReplies } from "../../../lib/pending-replies";

// The browser answers a question a running command asked: the editor's text (null: quit
// without saving), or what was typed at a container shell's prompt. The command may run
// on another instance: the answer then waits for it in the database.

/** Questions are named by random UUIDs (see pending-replies.ts). */
const QUESTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const Input = z.union([
  z.object({ content: z.string().nullable() }),
  z.object({ line: z.string() }),
  z.object({ eof: z.literal(true) }),
  z.object({ interrupt: z.literal(true) }),
]);

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const { id } = await ctx.params;
  if (!QUESTION_ID.test(id)) return problem(404, "nothing is waiting for that answer");
  await pendingReplies().reply(who.id, id, input);
  return Response.json({ ok: true });
}
