import type { ProgramContext } from "../program";

/** Standard text for a file a coreutil could not read, e.g. `cat: x: No such file or directory`. */
export function readOperand(ctx: ProgramContext, name: string): { text: string } | { error: string } {
  if (name === "-") return { text: ctx.stdin };
  const r = ctx.fs.read(ctx.fs.resolve(ctx.cwd, name, ctx.env.HOME ?? "/root"));
  return typeof r === "string" ? { text: r } : { error: r.message };
}

/** Lines of a text; a final newline does not start another line. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Writes lines, each ended by a newline. */
export function writeLines(ctx: ProgramContext, out: string[]): void {
  if (out.length) ctx.stdout(out.join("\n") + "\n");
}

export function resolve(ctx: ProgramContext, name: string): string {
  return ctx.fs.resolve(ctx.cwd, name, ctx.env.HOME ?? "/root");
}
