import { hasGlobChars, matchPattern, unescapePattern } from "./pattern";
import type { Vfs } from "./vfs";

const MAX_MATCHES = 10_000;

/**
 * Pathname expansion of one pattern (escaped as in pattern.ts) against a host's files.
 * Returns the sorted matches, or the unescaped pattern itself when nothing matches, as bash does.
 */
export function globPaths(pattern: string, cwd: string, fs: Vfs): string[] {
  if (!hasGlobChars(pattern)) return [unescapePattern(pattern)];
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  let found: string[] = [absolute ? "/" : ""];
  for (const seg of segments.slice(absolute ? 1 : 0)) {
    const next: string[] = [];
    for (const base of found) {
      const dir = base === "" ? cwd : fs.resolve(cwd, base);
      if (!hasGlobChars(seg)) {
        const p = join(base, unescapePattern(seg));
        if (fs.stat(fs.resolve(cwd, p))) next.push(p);
        continue;
      }
      const names = fs.readdir(dir);
      if (!Array.isArray(names)) continue;
      const showHidden = seg.startsWith(".") || seg.startsWith("\\.");
      for (const name of names) {
        if (name.startsWith(".") && !showHidden) continue;
        if (matchPattern(seg, name, { pathname: true })) next.push(join(base, name));
        if (next.length > MAX_MATCHES) break;
      }
    }
    found = next;
    if (found.length === 0) break;
  }
  if (pattern.endsWith("/")) found = found.filter((p) => fs.stat(fs.resolve(cwd, p))?.type === "dir").map((p) => p + "/");
  return found.length === 0 ? [unescapePattern(pattern)] : found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function join(base: string, name: string): string {
  if (base === "") return name;
  return base.endsWith("/") ? base + name : `${base}/${name}`;
}
