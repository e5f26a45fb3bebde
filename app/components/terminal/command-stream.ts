/**
 * The browser's side of the command route: sends a line, hands each piece of output to
 * `write` as it arrives, and resolves with the exit status and the next prompt. Aborting
 * the signal (Ctrl-C) closes the request, which interrupts the command on the server.
 */

export interface CommandEnd {
  /** the text is unfinished (an open quote, a heredoc): nothing ran */
  readonly more?: boolean;
  readonly exit: number;
  readonly prompt?: string;
  readonly error?: string;
}

/** The command opens the editor on a file: answer with the saved text, or null to leave it. */
export interface EditRequest {
  readonly id: string;
  readonly path: string;
  readonly content: string;
}

/** The command reads a line at `prompt` (a shell in a container). */
export interface ReadRequest {
  readonly id: string;
  readonly prompt: string;
}

export interface StreamHandlers {
  write(text: string, stream: "out" | "err"): void;
  edit(request: EditRequest): void;
  read(request: ReadRequest): void;
}

type Message = { out?: string; err?: string; exit?: number; prompt?: string; error?: string; more?: boolean; edit?: EditRequest; read?: ReadRequest };

/** Answers a question a running command asked (see EditRequest, ReadRequest). */
export async function answer(id: string, value: { content: string | null } | { line: string } | { eof: true } | { interrupt: true }): Promise<void> {
  await fetch(`/api/replies/${id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(value) });
}

export async function streamCommand(endpoint: string, line: string, on: StreamHandlers, signal: AbortSignal): Promise<CommandEnd> {
  let response: Response;
  try {
    response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ line }), signal });
  } catch {
    return { exit: 130 };
  }
  if (!response.ok || !response.body) {
    const error = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? `the server answered ${response.status}`;
    return { exit: 1, error };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let end: CommandEnd = { exit: 130 };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const m = JSON.parse(buffer.slice(0, nl)) as Message;
        buffer = buffer.slice(nl + 1);
        if (m.out !== undefined) on.write(m.out, "out");
        if (m.err !== undefined) on.write(m.err, "err");
        if (m.edit) on.edit(m.edit);
        if (m.read) on.read(m.read);
        if (m.exit !== undefined) end = { exit: m.exit, ...(m.prompt ? { prompt: m.prompt } : {}) };
        if (m.error !== undefined) end = { exit: 1, error: m.error };
        if (m.more) end = { exit: 0, more: true };
      }
    }
  } catch {
    // the request was aborted: the command was interrupted
  }
  return end;
}
