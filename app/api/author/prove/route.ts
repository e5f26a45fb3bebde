import { z } from "zod";
import { body, teacher } from "../../../lib/api";
import { proveDraft } from "../../../lib/author";

// The self-check of `kubelab lessons check`, on the pasted lesson.

export const dynamic = "force-dynamic";

const Input = z.object({ markdown: z.string(), locale: z.enum(["ko", "en"]) });

export async function POST(req: Request): Promise<Response> {
  const who = await teacher();
  if (who instanceof Response) return who;
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  return Response.json(await proveDraft(input.markdown, input.locale));
}
