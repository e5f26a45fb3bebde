/** Pure POSIX path arithmetic for the virtual file system; never touches any tree. */

/** Collapses `.`, `..` and repeated slashes of an absolute path; `..` at the root stays at the root. */
export function normalizePath(abs: string): string {
  const out: string[] = [];
  for (const seg of abs.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

/** Resolves `path` against `cwd`, expanding a leading `~` to `home`. */
export function resolvePath(cwd: string, path: string, home = "/root"): string {
  let p = path;
  if (p === "~" || p.startsWith("~/")) p = home + p.slice(1);
  return normalizePath(p.startsWith("/") ? p : `${cwd}/${p}`);
}

export function dirname(abs: string): string {
  const i = abs.lastIndexOf("/");
  return i <= 0 ? "/" : abs.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path === "" ? "" : "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** True when `abs` is `dir` itself or lies below it. */
export function isWithin(abs: string, dir: string): boolean {
  return abs === dir || dir === "/" || abs.startsWith(dir + "/");
}

/** Byte length of a string once encoded as UTF-8, which is what `stat` and `wc -c` count. */
/** Bytes of `s` in UTF-8 (file sizes, `wc -c`); native, since stat of a growing log calls it often. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}
