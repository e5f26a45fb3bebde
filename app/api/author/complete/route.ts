import { z } from "zod";
import { body, teacher } from "../../../lib/api";
import { AUTHOR_KEY } from "../../../lib/author";
import { completion } from "../../../lib/command-stream";

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string().max(10_000), cursor: z.number().int().nonnegative() });

export async function POST(req: Request): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(await completion(who, AUTHOR_KEY, input.line, Math.min(input.cursor, input.line.length)));
}
