import { z } from "zod";
import { body, problem, signedIn } from "../../../lib/api";
import { reply } from "../../../lib/pending-replies";

// The browser answers a question a running command asked: the editor's text (null: quit
// without saving), or what was typed at a container shell's prompt.

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
  return reply(who.id, (await ctx.params).id, input) ? Response.json({ ok: true }) : problem(404, "nothing is waiting for that answer");
}
