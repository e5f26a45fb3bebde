import type { ProgramContext } from "../program";
import { basename, isWithin } from "../vfs-path";
import { tryHelp } from "./getopt";
import { resolve } from "./io-helpers";

/** One source → destination pair of cp or mv, with the names as the user typed them. */
export interface Transfer {
  src: string;
  srcPath: string;
  dst: string;
  dstPath: string;
}

/** Resolves `SOURCE... DEST` the way cp and mv do: into DEST when it is a directory. */
export function transfers(ctx: ProgramContext, cmd: string, operands: string[]): Transfer[] | { error: string } {
  if (operands.length === 0) return { error: `${cmd}: missing file operand\n${tryHelp(cmd)}` };
  if (operands.length === 1) return { error: `${cmd}: missing destination file operand after '${operands[0]}'\n${tryHelp(cmd)}` };
  const dest = operands[operands.length - 1];
  const destPath = resolve(ctx, dest);
  const destIsDir = ctx.fs.stat(destPath)?.type === "dir";
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !destIsDir) return { error: `${cmd}: target '${dest}': Not a directory\n` };
  return sources.map((src) => {
    const srcPath = resolve(ctx, src);
    if (!destIsDir) return { src, srcPath, dst: dest, dstPath: destPath };
    const name = basename(srcPath);
    const dst = dest.endsWith("/") ? dest + name : `${dest}/${name}`;
    return { src, srcPath, dst, dstPath: destPath === "/" ? `/${name}` : `${destPath}/${name}` };
  });
}

/** GNU's checks shared by cp and mv; returns the message when the pair must be skipped. */
export function transferProblem(ctx: ProgramContext, cmd: string, t: Transfer, recursive: boolean): string | undefined {
  const st = ctx.fs.stat(t.srcPath);
  if (!st) return `${cmd}: cannot stat '${t.src}': No such file or directory`;
  if (st.type === "dir" && !recursive) return `${cmd}: -r not specified; omitting directory '${t.src}'`;
  if (t.srcPath === t.dstPath) return `${cmd}: '${t.src}' and '${t.dst}' are the same file`;
  if (st.type === "dir" && isWithin(t.dstPath, t.srcPath)) {
    return cmd === "mv" ? `mv: cannot move '${t.src}' to a subdirectory of itself, '${t.dst}'` : `cp: cannot copy a directory, '${t.src}', into itself, '${t.dst}'`;
  }
  const target = ctx.fs.stat(t.dstPath);
  if (target?.type === "dir" && st.type !== "dir") return `${cmd}: cannot overwrite directory '${t.dst}' with non-directory`;
  if (target && target.type !== "dir" && st.type === "dir") return `${cmd}: cannot overwrite non-directory '${t.dst}' with directory '${t.src}'`;
  return undefined;
}
