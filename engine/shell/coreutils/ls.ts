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

/** GNU ls's indent(): pads with tabs (every 8 columns) where it can, then spaces. */
function indent(from: number, to: number): string {
  let out = "";
  let pos = from;
  while (pos < to) {
    if (Math.floor(to / 8) > Math.floor((pos + 1) / 8)) {
      out += "\t";
      pos += 8 - (pos % 8);
    } else {
      out += " ";
      pos++;
    }
  }
  return out;
}

/** GNU ls -C: names filled top to bottom in as many columns as fit in the line (calculate_columns). */
export function columns(names: string[], width: number): string[] {
  const n = names.length;
  if (n === 0) return [];
  const maxCols = Math.max(1, Math.min(Math.floor(width / 3), n));
  const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: 0, cols: new Array<number>(i + 1).fill(0) }));
  names.forEach((name, k) => {
    for (let i = 0; i < maxCols; i++) {
      const c = info[i];
      if (!c.valid) continue;
      const idx = Math.floor(k / Math.floor((n + i) / (i + 1)));
      const real = name.length + (idx === i ? 0 : 2);
      if (c.cols[idx] < real) {
        c.lineLen += real - c.cols[idx];
        c.cols[idx] = real;
        c.valid = c.lineLen < width;
      }
    }
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1].valid) cols--;
  const widths = info[cols - 1].cols;
  const rows = Math.floor((n + cols - 1) / cols);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    let pos = 0;
    for (let c = 0, k = r; k < n; c++, k += rows) {
      line += names[k];
      if (k + rows >= n) break;
      line += indent(pos + names[k].length, pos + widths[c]);
      pos += widths[c];
    }
    out.push(line);
  }
  return out;
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
  const last = o.list.filter(([k]) => k === "1" || k === "C").pop()?.[0];
  if (last === "C" || (ctx.tty && last !== "1")) return columns(names, Number(ctx.env.COLUMNS) || 80);
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
