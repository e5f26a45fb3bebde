import "server-only";
import { problem, signedIn } from "../api";
import type { Viewer } from "../auth";
import { currentLocale } from "../locale";
import { endedMessage, openAttempt, type Attempt } from "./attempts";

export type AttemptParams = { params: Promise<{ attemptId: string }> };

/**
 * An attempt route's caller and attempt (graded first if its time is up). Another user's
 * attempt id answers 404, as if it did not exist. With `running`, an ended attempt
 * answers 409 with the reason, in the caller's language.
 */
export async function attemptRequest(ctx: AttemptParams, opts: { running?: boolean } = {}): Promise<{ who: Viewer; attempt: Attempt } | Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { attemptId } = await ctx.params;
  const attempt = await openAttempt(who, attemptId);
  if (!attempt) return problem(404, `no exam attempt ${attemptId}`);
  if (opts.running && attempt.endedAt) return Response.json({ error: endedMessage(attempt, await currentLocale()), ended: true }, { status: 409 });
  return { who, attempt };
}
