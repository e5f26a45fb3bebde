import "server-only";
import type { Completion, Editor, Terminal, TerminalInput } from "../../engine/index";
import type { Viewer } from "./auth";
import { pendingReplies } from "./pending-replies";
import { LIVE, freshWorkspace, workspaces } from "./workspaces/service";
import { WorkspaceConflict } from "./workspaces/workspace-service";

// The terminal's protocol, shared by the lesson pages and the author's preview: one
// command line in, newline-delimited JSON out ({"out"}, {"err"} as the command writes,
// then {"exit", "prompt"}; or {"more": true} for unfinished text). A command that needs
// the learner asks in the stream and waits for /api/replies/[id]: {"edit": {id, path,
// content}} opens the editor (vi, kubectl edit), {"read": {id, prompt}} reads a line
// (a shell in a container, `kubectl exec -it`).

export function commandStream(req: Request, who: Viewer, key: string, line: string, after?: () => Promise<void>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      // What is sent in one turn of the event loop goes out as one chunk: a quick command's
      // output and its exit are one write to the socket, not one each.
      let pending = "";
      const flush = () => {
        if (open && pending) controller.enqueue(encoder.encode(pending));
        pending = "";
      };
      const send = (message: object) => {
        if (!open) return;
        if (!pending) setImmediate(flush);
        pending += JSON.stringify(message) + "\n";
      };
      workspaces()
        .use(who.id, key, freshWorkspace, async (ws) => {
          // an open quote or heredoc: the terminal shows `> ` and sends the rest
          if (ws.needsMoreInput(line)) return send({ more: true });
          ws.setTimeMode(LIVE);
          const editor: Editor = async (file) => {
            const q = pendingReplies().ask<{ content?: string | null }>(who.id, { content: null }, req.signal);
            send({ edit: { id: q.id, path: file.path, content: file.content } });
            return (await q.answer).content ?? undefined;
          };
          const terminal: Terminal = {
            read: async (prompt) => {
              const q = pendingReplies().ask<{ line?: string; eof?: true; interrupt?: true }>(who.id, { eof: true }, req.signal);
              send({ read: { id: q.id, prompt } });
              const a = await q.answer;
              const input: TerminalInput = a.line !== undefined ? { kind: "line", text: a.line } : a.interrupt ? { kind: "interrupt" } : { kind: "eof" };
              return input;
            },
          };
          const status = await ws.run(line, { stdout: (s) => send({ out: s }), stderr: (s) => send({ err: s }) }, { signal: req.signal, tty: true, terminal, editor });
          send({ exit: status, prompt: ws.prompt() });
        })
        .then(() => after?.())
        .catch((e: unknown) => {
          if (!(e instanceof WorkspaceConflict)) console.error("command failed:", e);
          send({ error: e instanceof WorkspaceConflict ? e.message : "the command could not run; try again" });
        })
        .finally(() => {
          flush();
          open = false;
          controller.close();
        });
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

/** What a terminal needs when it opens: the prompt and the history. */
export async function terminalState(who: Viewer, key: string): Promise<{ prompt: string; history: string[] }> {
  return workspaces().use(who.id, key, freshWorkspace, async (ws) => ({ prompt: ws.prompt(), history: ws.history() }));
}

/** Tab: what could complete the word before `cursor` (bash's and kubectl's completion). */
export async function completion(who: Viewer, key: string, line: string, cursor: number): Promise<Completion> {
  return workspaces().use(who.id, key, freshWorkspace, async (ws) => ws.complete(line, cursor));
}
