import type { Program } from "../program";
import { tryHelp } from "./getopt";
import { resolve } from "./io-helpers";

const UMASK = 0o022;

/** Applies an octal or symbolic mode (`755`, `u+x`, `go-w`, `a=r,u+w`) to `old`; undefined if invalid. */
export function applyMode(spec: string, old: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1];
    let mask = 0;
    if (who === "" || who.includes("a")) mask = 0o7777;
    if (who.includes("u")) mask |= 0o4700;
    if (who.includes("g")) mask |= 0o2070;
    if (who.includes("o")) mask |= 0o1007;
    const limit = who === "" ? ~UMASK : 0o7777;
    for (const [, op, perms] of m[2].matchAll(/([-+=])([rwxXst]*)/g)) {
      let bits = 0;
      for (const p of perms) {
        if (p === "r") bits |= 0o444;
        if (p === "w") bits |= 0o222;
        if (p === "x" || (p === "X" && (isDir || (mode & 0o111) !== 0))) bits |= 0o111;
        if (p === "s") bits |= 0o6000;
        if (p === "t") bits |= 0o1000;
      }
      bits &= mask & limit;
      if (op === "+") mode |= bits;
      else if (op === "-") mode &= ~bits;
      else mode = (mode & ~mask) | bits;
    }
  }
  return mode & 0o7777;
}

/** `chmod [-R] [-v] MODE file...` */
export const chmod: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[Rvfc]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a === "--recursive") flags.add("R");
    else rest.push(a);
  }
  if (rest.length === 0) {
    ctx.stderr(`chmod: missing operand\n${tryHelp("chmod")}`);
    return 1;
  }
  const [spec, ...files] = rest;
  if (files.length === 0) {
    ctx.stderr(`chmod: missing operand after '${spec}'\n${tryHelp("chmod")}`);
    return 1;
  }
  if (applyMode(spec, 0, false) === undefined) {
    ctx.stderr(`chmod: invalid mode: '${spec}'\n${tryHelp("chmod")}`);
    return 1;
  }
  let status = 0;
  const change = (path: string) => {
    const st = ctx.fs.stat(path);
    if (!st) return;
    ctx.fs.chmod(path, applyMode(spec, st.mode, st.type === "dir") ?? st.mode);
    if (st.type === "dir" && flags.has("R")) {
      const names = ctx.fs.readdir(path);
      if (Array.isArray(names)) for (const n of names) change(path === "/" ? `/${n}` : `${path}/${n}`);
    }
  };
  for (const name of files) {
    const path = resolve(ctx, name);
    if (!ctx.fs.stat(path)) {
      if (!flags.has("f")) ctx.stderr(`chmod: cannot access '${name}': No such file or directory\n`);
      status = 1;
      continue;
    }
    change(path);
  }
  return status;
};
