/**
 * readline's file name completion (complete.c rl_filename_completion_function) over a
 * host's virtual file system: the entries of the word's directory that begin with the rest
 * of the word, spelled with the directory as typed (`~/`, `../`). Hidden files match as
 * readline's default `match-hidden-files on` has it; `.` and `..` only when the word begins
 * with a dot, as readdir(3) lists them.
 */
import { resolvePath } from "../vfs-path";
import type { Vfs } from "../vfs";
import type { FileFilter } from "./completion";

export interface FileSystemView {
  readonly fs: Vfs;
  readonly cwd: string;
  readonly home: string;
}

function resolve(v: FileSystemView, path: string): string {
  return resolvePath(v.cwd, path === "" ? "." : path, v.home);
}

/** True when `path` (as typed, relative to the working directory) names a directory. */
export function isDirectory(v: FileSystemView, path: string): boolean {
  return v.fs.stat(resolve(v, path))?.type === "dir";
}

/** True for a file a command can run: any execute bit. */
export function isExecutable(v: FileSystemView, path: string): boolean {
  const st = v.fs.stat(resolve(v, path));
  return st?.type === "file" && (st.mode & 0o111) !== 0;
}

/** bash-completion's `_filedir ext`, `compgen -f -X '!*.@(ext|EXT)' -o plusdirs`: the extension in lower or upper case. */
function hasExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.some((e) => name.endsWith(`.${e}`) || name.endsWith(`.${e.toUpperCase()}`));
}

/** The paths that complete `text` (already dequoted), directory part as typed. */
export function matchingFiles(v: FileSystemView, text: string, filter: FileFilter = {}): string[] {
  const slash = text.lastIndexOf("/");
  const dirPart = text.slice(0, slash + 1);
  const prefix = text.slice(slash + 1);
  const names = v.fs.readdir(resolve(v, dirPart));
  if (!Array.isArray(names)) return [];
  const entries = prefix.startsWith(".") ? [".", "..", ...names] : names;
  return entries
    .filter((name) => name.startsWith(prefix))
    .map((name) => dirPart + name)
    .filter((path) => {
      if (isDirectory(v, path)) return true;
      if (filter.dirsOnly) return false;
      return filter.extensions === undefined || hasExtension(path, filter.extensions);
    });
}
