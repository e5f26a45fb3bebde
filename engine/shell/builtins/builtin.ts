import type { Ctx, Interp } from "../interpreter";
import type { ProgramContext } from "../program";

/** A shell builtin sees the running shell and the interpreter's own streams besides what programs get. */
export interface BuiltinContext extends ProgramContext {
  sh: Interp;
  ctx: Ctx;
}

export type Builtin = (b: BuiltinContext) => Promise<number>;

/** Quotes a value the way `alias` and `declare -p` print it. */
export function singleQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The same context with other arguments; stdin stays lazy (spreading would consume it). */
export function withArgv(b: BuiltinContext, argv: string[]): BuiltinContext {
  return Object.assign(Object.create(b) as BuiltinContext, { argv });
}
