import { z } from "zod";
import { body, problem, signedIn } from "../../../../../lib/api";
import { lessonView } from "../../../../../lib/course";
import { recordActivity } from "../../../../../lib/progress";
import { LIVE, freshWorkspace, lessonKey, workspaces } from "../../../../../lib/workspaces/service";
import { WorkspaceConflict } from "../../../../../lib/workspaces/workspace-service";

// One command line typed in a lesson's terminal. The answer streams as newline-delimited
// JSON: {"out": text} and {"err": text} as the command writes, then {"exit": status,
// "prompt": "controlplane:~$ "}; or only {"more": true} when the text is unfinished.
// Closing the request (Ctrl-C) interrupts the command. GET answers the prompt and the
// history, for a terminal that opens.

export const dynamic = "force-dynamic";

const Input = z.object({ line: z.string() });

export async function POST(req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  const input = await body(req, Input);
  if (input instanceof Response) return input;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (message: object) => {
        if (open) controller.enqueue(encoder.encode(JSON.stringify(message) + "\n"));
      };
      workspaces()
        .use(who.id, lessonKey(chapter, slug), freshWorkspace, async (ws) => {
          // an open quote or heredoc: the terminal shows `> ` and sends the rest
          if (ws.needsMoreInput(input.line)) return send({ more: true });
          ws.setTimeMode(LIVE);
          const status = await ws.run(input.line, { stdout: (s) => send({ out: s }), stderr: (s) => send({ err: s }) }, { signal: req.signal, tty: true });
          send({ exit: status, prompt: ws.prompt() });
        })
        .catch((e: unknown) => {
          if (!(e instanceof WorkspaceConflict)) console.error("command failed:", e);
          send({ error: e instanceof WorkspaceConflict ? e.message : "the command could not run; try again" });
        })
        .then(() => recordActivity(who.id, `${chapter}/${slug}`))
        .catch((e: unknown) => console.error("progress not recorded:", e))
        .finally(() => {
          open = false;
          controller.close();
        });
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(_req: Request, ctx: { params: Promise<{ chapter: string; slug: string }> }): Promise<Response> {
  const who = await signedIn();
  if (who instanceof Response) return who;
  const { chapter, slug } = await ctx.params;
  if (!lessonView(chapter, slug, "en")) return problem(404, `no lesson ${chapter}/${slug}`);
  return Response.json(await workspaces().use(who.id, lessonKey(chapter, slug), freshWorkspace, async (ws) => ({ prompt: ws.prompt(), history: ws.history() })));
}
