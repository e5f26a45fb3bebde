import "server-only";
import type { z } from "zod";
import { viewer, type Viewer } from "./auth";
import { hasLesson } from "./course";

// What every API route does first: who is asking, and is the body what it should be.
// Errors are JSON `{ error }` with the status a client can act on.

export function problem(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

export async function signedIn(): Promise<Viewer | Response> {
  return (await viewer()) ?? problem(401, "sign in, or open the home page to start as a guest");
}

const MAX_BODY = 256 * 1024;

export async function body<T>(req: Request, schema: z.ZodType<T>): Promise<T | Response> {
  const text = await req.text();
  if (text.length > MAX_BODY) return problem(413, `request too large: ${text.length} bytes (the limit is ${MAX_BODY})`);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    return problem(400, "the body is not JSON");
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : problem(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
}

export async function teacher(): Promise<Viewer | Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  return who.role === "teacher" ? who : problem(403, "only teachers may use the lesson preview");
}

export type LessonParams = { params: Promise<{ chapter: string; slug: string }> };

/** A lesson route's caller and lesson, or the answer to give when either is missing. */
export async function lessonRequest(ctx: LessonParams): Promise<{ who: Viewer; chapter: string; slug: string } | Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!hasLesson(chapter, slug)) return problem(404, `no lesson ${chapter}/${slug}`);
  return { who, chapter, slug };
}
