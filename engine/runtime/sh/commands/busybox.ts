/**
 * BusyBox's own words: the banner its usage messages start with (the image's version and
 * build stamp), `applet: unrecognized option`, and the `busybox` binary itself, which runs
 * the applet it is given (`busybox sed ...`) or lists them.
 */
import { DOCKER_APPLETS } from "../../images/busybox-builds";
import type { Command, CommandContext } from "../command";

/** "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary." */
export function banner(ctx: CommandContext): string {
  const b = ctx.sys.busybox ?? { version: "1.36.1", built: "2023-05-18 22:34:17 UTC" };
  return `BusyBox v${b.version} (${b.built}) multi-call binary.\n`;
}

/** What bb_show_usage prints on stderr: the banner, then `Usage: applet ...` (and its help). */
export function usage(ctx: CommandContext, text: string): string {
  return `${banner(ctx)}\nUsage: ${text}`;
}

/** The applet names the binary lists, in its order, with no more than `width - 1` columns a line. */
function functionList(names: readonly string[], width: number): string {
  let out = "";
  let col = 0;
  for (const a of names) {
    const len2 = a.length + 2;
    if (col >= width - 1 - len2) {
      out += ",\n";
      col = 0;
    }
    if (col === 0) {
      col = 6;
      out += "\t";
    } else out += ", ";
    out += a;
    col += len2;
  }
  return `${out}\n`;
}

/**
 * `busybox` itself (libbb/appletlib.c busybox_main): with no arguments its help and the
 * applets it has, on stdout; `--list`, one a line; `busybox APPLET ARGS` runs the applet.
 */
export const busybox: Command = (ctx) => {
  const [, first, ...rest] = ctx.argv;
  if (first === undefined || (first === "--help" && rest.length === 0)) {
    ctx.out(
      `${banner(ctx)}BusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\nCurrently defined functions:\n` +
        functionList(DOCKER_APPLETS, 80),
    );
    return 0;
  }
  if (first.startsWith("--list")) {
    ctx.out(DOCKER_APPLETS.map((a) => `${a}\n`).join(""));
    return 0;
  }
  const applet = first === "--help" ? rest[0] : first;
  const name = applet.slice(applet.lastIndexOf("/") + 1);
  if (!DOCKER_APPLETS.includes(name)) {
    ctx.err(`${name}: applet not found\n`);
    return 127;
  }
  return { exec: first === "--help" ? [name, "--help"] : [name, ...rest] };
};
