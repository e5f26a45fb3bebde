import type { Program, ProgramContext } from "../program";
import type { VfsStat } from "../vfs";
import { parseOpts, type ParsedOpts } from "./getopt";
import { resolve } from "./io-helpers";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SIX_MONTHS_MS = (365.2425 / 2) * 24 * 3600 * 1000;

interface Entry {
  name: string;
  path: string;
  st: VfsStat;
}

function modeString(st: VfsStat): string {
  const m = st.mode;
  const bit = (mask: number, c: string) => (m & mask ? c : "-");
  let s = st.type === "dir" ? "d" : "-";
  s += bit(0o400, "r") + bit(0o200, "w") + (m & 0o4000 ? (m & 0o100 ? "s" : "S") : bit(0o100, "x"));
  s += bit(0o40, "r") + bit(0o20, "w") + (m & 0o2000 ? (m & 0o10 ? "s" : "S") : bit(0o10, "x"));
  s += bit(0o4, "r") + bit(0o2, "w") + (m & 0o1000 ? (m & 0o1 ? "t" : "T") : bit(0o1, "x"));
  return s;
}

/** `Nov 24 08:04` for recent files, `Nov 24  2025` for those over six months old or in the future. */
export function lsTime(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = mtime <= now && now - mtime < SIX_MONTHS_MS;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function blocks(st: VfsStat): number {
  return st.type === "dir" ? 4 : Math.ceil(st.size / 4096) * 4;
}

function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sortEntries(entries: Entry[], o: ParsedOpts): Entry[] {
  const sorted = [...entries].sort(byName);
  if (o.has("t")) sorted.sort((a, b) => b.st.mtime - a.st.mtime || byName(a, b));
  if (o.has("S")) sorted.sort((a, b) => b.st.size - a.st.size || byName(a, b));
  return o.has("r") ? sorted.reverse() : sorted;
}

/** GNU ls -C: names in columns, filled top to bottom, within the terminal width. */
export function columns(names: string[], width: number): string[] {
  if (names.length === 0) return [];
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    if (used !== cols && cols > 1) continue;
    const widths: number[] = [];
    for (let c = 0; c < used; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)) + (c === used - 1 ? 0 : 2));
    if (cols > 1 && widths.reduce((a, b) => a + b, 0) >= width) continue;
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = "";
      for (let c = 0; c < used; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const isLast = c === used - 1 || names[(c + 1) * rows + r] === undefined;
        line += isLast ? name : name.padEnd(widths[c]);
      }
      out.push(line);
    }
    return out;
  }
  return names;
}

function longLines(ctx: ProgramContext, entries: Entry[], o: ParsedOpts, now: number): string[] {
  const size = (e: Entry) => (o.has("h") ? humanSize(e.st.size) : String(e.st.size));
  const links = (e: Entry) => {
    if (e.st.type !== "dir") return "1";
    const names = ctx.fs.readdir(e.path);
    return String(2 + (Array.isArray(names) ? names.filter((n) => ctx.fs.stat(`${e.path}/${n}`.replace("//", "/"))?.type === "dir").length : 0));
  };
  const rows = entries.map((e) => ({ e, links: links(e), size: size(e) }));
  const lw = Math.max(...rows.map((r) => r.links.length));
  const sw = Math.max(...rows.map((r) => r.size.length));
  return rows.map(({ e, links: l, size: s }) => `${modeString(e.st)} ${l.padStart(lw)} root root ${s.padStart(sw)} ${lsTime(e.st.mtime, now)} ${e.name}`);
}

function render(ctx: ProgramContext, entries: Entry[], o: ParsedOpts, withTotal: boolean, now: number): string[] {
  if (o.has("l")) {
    const total = withTotal ? [`total ${o.has("h") ? humanSize(entries.reduce((n, e) => n + blocks(e.st), 0) * 1024) : entries.reduce((n, e) => n + blocks(e.st), 0)}`] : [];
    return [...total, ...longLines(ctx, entries, o, now)];
  }
  const names = entries.map((e) => e.name);
  if (ctx.tty && !o.has("1")) return columns(names, Number(ctx.env.COLUMNS) || 80);
  return names;
}

function listDir(ctx: ProgramContext, path: string, o: ParsedOpts): Entry[] {
  const names = ctx.fs.readdir(path);
  if (!Array.isArray(names)) return [];
  const entries: Entry[] = [];
  if (o.has("a")) {
    for (const [name, p] of [[".", path], ["..", path.replace(/\/[^/]*$/, "") || "/"]] as const) {
      const st = ctx.fs.stat(p);
      if (st) entries.push({ name, path: p, st });
    }
  }
  for (const name of names) {
    if (name.startsWith(".") && !o.has("a") && !o.has("A")) continue;
    const p = path === "/" ? `/${name}` : `${path}/${name}`;
    const st = ctx.fs.stat(p);
    if (st) entries.push({ name, path: p, st });
  }
  return sortEntries(entries, o);
}

/** `ls [-l] [-a] [-A] [-1] [-R] [-d] [-h] [-t] [-S] [-r] [path...]` with GNU's layout and errors. */
export const ls: Program = async (ctx) => {
  const o = parseOpts("ls", ctx.argv.slice(1), {
    short: "laA1RdhtSrFCp",
    long: { all: "a", "almost-all": "A", recursive: "R", directory: "d", "human-readable": "h", reverse: "r", "color?": "color?", color: "color?" },
  });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 2;
  }
  const now = ctx.now?.() ?? 0;
  const operands = o.operands.length ? o.operands : ["."];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  let status = 0;
  for (const name of operands) {
    const path = resolve(ctx, name);
    const st = ctx.fs.stat(path);
    if (!st) {
      ctx.stderr(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
      continue;
    }
    (st.type === "dir" && !o.has("d") ? dirs : files).push({ name, path, st });
  }
  const out: string[] = [];
  const sortedFiles = sortEntries(files, o);
  out.push(...render(ctx, sortedFiles, o, false, now));
  const headers = operands.length > 1 || o.has("R");
  const queue = sortEntries(dirs, o);
  let first = sortedFiles.length === 0;
  while (queue.length) {
    const d = queue.shift() as Entry;
    if (!first) out.push("");
    first = false;
    if (headers) out.push(`${d.name}:`);
    const entries = listDir(ctx, d.path, o);
    out.push(...render(ctx, entries, o, true, now));
    if (o.has("R")) {
      const subs = entries.filter((e) => e.st.type === "dir" && e.name !== "." && e.name !== "..");
      queue.unshift(...subs.map((e) => ({ ...e, name: d.name === "/" ? `/${e.name}` : `${d.name}/${e.name}` })));
    }
  }
  if (out.length) ctx.stdout(out.join("\n") + "\n");
  return status;
};
