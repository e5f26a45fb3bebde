import { z } from "zod";
import { body, teacher } from "../../../lib/api";
import { previewDraft } from "../../../lib/author";

const Input = z.object({ markdown: z.string(), locale: z.enum(["ko", "en"]), chapter: z.string().regex(/^[a-z0-9-]+$/) });

export async function POST(req: Request): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(previewDraft(input.markdown, input.locale, input.chapter));
}
