import type { Program } from "../program";
import { tryHelp } from "./getopt";

const UNIT_MS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** `sleep infinity` waits this long at most, so a virtual clock is never pushed to infinity. */
export const SLEEP_CAP_MS = 7 * 86_400_000;

/** Parses `30`, `1.5`, `2m`, `1h`, `infinity`; undefined when invalid. */
export function parseDuration(s: string): number | undefined {
  if (s === "inf" || s === "infinity") return SLEEP_CAP_MS;
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

/** `sleep NUMBER[smhd]...`: the sum of all arguments, through the host's clock. */
export const sleep: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr(`sleep: missing operand\n${tryHelp("sleep")}`);
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === undefined) {
      ctx.stderr(`sleep: invalid time interval '${a}'\n${tryHelp("sleep")}`);
      return 1;
    }
    total += ms;
  }
  await ctx.sleep(Math.min(Math.round(total), SLEEP_CAP_MS));
  return ctx.signal.aborted ? 130 : 0;
};
