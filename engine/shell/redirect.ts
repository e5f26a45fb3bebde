import type { Redirection } from "unbash";
import { newExpander } from "./shell-expander";
import type { Ctx, Interp } from "./interpreter";
import { DISCARD, Input, type Io, type Sink } from "./io";
import type { Vfs } from "./vfs";

/** Output to a file, kept in memory and appended when the command finishes. */
class FileSink implements Sink {
  private chunks: string[] = [];

  constructor(
    private readonly fs: Vfs,
    private readonly path: string,
    private readonly shown: string,
    private readonly errors: Sink,
  ) {}

  write(s: string): void {
    this.chunks.push(s);
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const err = this.fs.appendFile(this.path, this.chunks.join(""));
    this.chunks = [];
    if (err) this.errors.write(`bash: ${this.shown}: write error: ${err.message}\n`);
  }
}

export type Redirected = { ctx: Ctx; close(): void } | { error: string };

/**
 * Applies redirections left to right (so `>f 2>&1` and `2>&1 >f` differ as in bash).
 * Files are truncated or created before the command runs; `close()` writes buffered output.
 */
export async function withRedirects(sh: Interp, redirects: readonly Redirection[], ctx: Ctx): Promise<Redirected> {
  if (redirects.length === 0) return { ctx, close: () => undefined };
  const io: Io = { ...ctx.io };
  const sinks: FileSink[] = [];
  const exp = newExpander(sh, ctx);
  const fs = sh.fs();
  for (const r of redirects) {
    const fd = r.descriptor?.type === "FileDescriptor" ? r.descriptor.value : undefined;
    if (r.type === "HereDoc") {
      const body = r.delimiter?.quoted ? (r.operator === "<<-" ? r.body.text.replace(/^\t+/gm, "") : r.body.text) : await exp.heredoc(r.body, r.operator === "<<-");
      if (exp.error) return { error: exp.error };
      if ((fd ?? 0) === 0) io.stdin = new Input(body);
      continue;
    }
    if (r.type === "HereString") {
      const text = r.target ? await exp.string(r.target) : "";
      if (exp.error) return { error: exp.error };
      if ((fd ?? 0) === 0) io.stdin = new Input(text + "\n");
      continue;
    }
    if (!r.target) continue;
    const op = r.operator;
    if ((op === ">&" || op === "<&") && /^[0-9]+-?$|^-$/.test(r.target.value)) {
      const src = r.target.value.replace(/-$/, "");
      const target = fd ?? (op === ">&" ? 1 : 0);
      if (src === "") {
        if (target === 1) io.stdout = DISCARD;
        if (target === 2) io.stderr = DISCARD;
        continue;
      }
      const from = src === "1" ? io.stdout : src === "2" ? io.stderr : undefined;
      if (src !== "0" && !from) return { error: `bash: ${src}: Bad file descriptor` };
      if (target === 1 && from) {
        io.stdout = from;
        io.tty = from === ctx.io.stdout && ctx.io.tty;
      }
      if (target === 2 && from) io.stderr = from;
      continue;
    }
    const words = await exp.fields([r.target]);
    if (exp.error) return { error: exp.error };
    if (words.length !== 1) return { error: `bash: ${r.target.text}: ambiguous redirect` };
    const shown = words[0];
    const path = fs.resolve(sh.cwd(), shown, sh.home());
    if (op === "<" || op === "<>" || op === "<&") {
      const content = fs.read(path);
      if (typeof content !== "string") return { error: `bash: ${shown}: ${content.message}` };
      if ((fd ?? 0) === 0) io.stdin = new Input(content);
      continue;
    }
    const both = op === "&>" || op === "&>>" || (op === ">&" && fd === undefined);
    const target = both ? 1 : (fd ?? 1);
    let sink = special(path, io);
    if (!sink) {
      const append = op === ">>" || op === "&>>";
      const err = append ? fs.appendFile(path, "") : fs.writeFile(path, "");
      if (err) return { error: `bash: ${shown}: ${err.message}` };
      const file = new FileSink(fs, path, shown, ctx.io.stderr);
      sinks.push(file);
      sink = sh.limits.counted(file, false);
    }
    if (target === 1 || both) {
      io.stdout = sink;
      io.tty = false;
    }
    if (target === 2 || both) io.stderr = sink;
  }
  return { ctx: { ...ctx, io }, close: () => sinks.forEach((s) => s.flush()) };
}

function special(path: string, io: Io): Sink | undefined {
  if (path === "/dev/null") return DISCARD;
  if (path === "/dev/stdout" || path === "/dev/fd/1") return io.stdout;
  if (path === "/dev/stderr" || path === "/dev/fd/2") return io.stderr;
  return undefined;
}
