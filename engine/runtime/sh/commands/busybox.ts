/**
 * BusyBox's own words: the banner its usage messages start with (the image's version and
 * build stamp), `applet: unrecognized option`, and the `busybox` binary itself, which runs
 * the applet it is given (`busybox sed ...`) or lists them.
 */
import type { CommandContext } from "../command";

/** "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary." */
export function banner(ctx: CommandContext): string {
  const b = ctx.sys.busybox ?? { version: "1.36.1", built: "2023-05-18 22:34:17 UTC" };
  return `BusyBox v${b.version} (${b.built}) multi-call binary.\n`;
}

/** What bb_show_usage prints on stderr: the banner, then `Usage: applet ...` (and its help). */
export function usage(ctx: CommandContext, text: string): string {
  return `${banner(ctx)}\nUsage: ${text}`;
}
