import { z } from "zod";
import { body, teacher } from "../../../lib/api";
import { AUTHOR_KEY } from "../../../lib/author";
import { commandStream, terminalState } from "../../../lib/command-stream";

// The author's scratch terminal.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string() });

export async function POST(req: Request): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return commandStream(req, who, AUTHOR_KEY, input.line);
}

export async function GET(): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  return Response.json(await terminalState(who, AUTHOR_KEY));
}
