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

type Message = { out?: string; err?: string; exit?: number; prompt?: string; error?: string; more?: boolean };

export async function streamCommand(endpoint: string, line: string, write: (text: string, stream: "out" | "err") => void, signal: AbortSignal): Promise<CommandEnd> {
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
        if (m.out !== undefined) write(m.out, "out");
        if (m.err !== undefined) write(m.err, "err");
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
