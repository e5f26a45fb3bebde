/**
 * `journalctl` on a node: the host's journal in the short format, filtered by unit (`-u`,
 * several allowed), the last N entries (`-n`, `-e` jumps to the end as the pager would),
 * newest first (`-r`), with the message catalog (`-x`), following new entries (`-f`) until
 * Ctrl-C. Without a terminal to press Ctrl-C at (a script, a check), following stops once
 * nothing more is on its way, or after ten minutes.
 */
import { catalogLines, formatEntry, journalEntries, type JournalEntry } from "../../systemd/journal";
import { readServices } from "../../systemd/state";
import type { Program, ProgramContext } from "../program";

/** `-e` without `-n` shows this many, as journalctl does for the pager. */
const PAGER_END_LINES = 1000;
const FOLLOW_LINES = 10;
const POLL_MS = 1000;
const UNATTENDED_FOLLOW_MS = 10 * 60 * 1000;

interface Options {
  readonly units: string[];
  lines?: number;
  follow: boolean;
  catalog: boolean;
  reverse: boolean;
  pagerEnd: boolean;
}

const unitName = (arg: string) => (arg.includes(".") ? arg : `${arg}.service`);

/** journalctl's own option letters; `u` and `n` take a value, attached or next. */
function parseArgs(args: readonly string[]): Options | { error: string } {
  const o: Options = { units: [], follow: false, catalog: false, reverse: false, pagerEnd: false };
  const lines = (v: string | undefined) => {
    const n = v === undefined || v === "all" || v === "+all" ? Infinity : Number(v.replace(/^\+/, ""));
    if (!Number.isFinite(n) && v !== undefined && v !== "all" && v !== "+all") return false;
    o.lines = n;
    return true;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const [name, value] = a.includes("=") ? [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a.slice(2), undefined];
      if (name === "unit") o.units.push(unitName(value ?? args[++i] ?? ""));
      else if (name === "lines") {
        if (!lines(value ?? args[++i])) return { error: `Failed to parse lines '${value ?? args[i]}'\n` };
      } else if (name === "follow") o.follow = true;
      else if (name === "catalog") o.catalog = true;
      else if (name === "reverse") o.reverse = true;
      else if (name === "pager-end") o.pagerEnd = true;
      else if (name === "boot" || name === "no-pager" || name === "no-hostname" || name === "quiet") continue;
      else return { error: `journalctl: unrecognized option '${a}'\n` };
      continue;
    }
    if (!a.startsWith("-") || a === "-") return { error: `Failed to add match '${a}': Invalid argument\n` };
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === "u") {
        o.units.push(unitName(j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? "")));
        break;
      }
      if (c === "n") {
        // the count is optional; a number in the next word is taken as it, as journalctl does
        const attached = j + 1 < a.length ? a.slice(j + 1) : undefined;
        const next = attached === undefined && /^\+?(\d+|all)$/.test(args[i + 1] ?? "") ? args[++i] : undefined;
        if (!lines(attached ?? next ?? "10")) return { error: `Failed to parse lines '${attached}'\n` };
        break;
      }
      if (c === "f") o.follow = true;
      else if (c === "x") o.catalog = true;
      else if (c === "r") o.reverse = true;
      else if (c === "e") o.pagerEnd = true;
      else if (c === "b" || c === "q") continue;
      else return { error: `journalctl: invalid option -- '${c}'\n` };
    }
  }
  return o;
}

function render(entries: readonly JournalEntry[], host: string, catalog: boolean): string {
  return entries.map((e) => [formatEntry(e, host), ...(catalog ? catalogLines(e) : [])].join("\n") + "\n").join("");
}

function selected(ctx: ProgramContext, o: Options, now: number, limit: number): JournalEntry[] {
  const state = readServices(ctx.fs);
  if (!state) return [];
  const all = journalEntries(state.journal, now, limit === Infinity ? Infinity : limit + 1);
  return o.units.length ? all.filter((e) => o.units.includes(e.unit)) : all;
}

/** The entries already shown are told apart by position in time, so a re-read finds the new ones. */
const key = (e: JournalEntry) => `${e.at}/${e.ident}/${e.pid}/${e.message}`;

async function follow(ctx: ProgramContext, o: Options, shown: readonly JournalEntry[]): Promise<void> {
  const start = ctx.now?.() ?? 0;
  let seen = new Set(shown.map(key));
  for (;;) {
    if (ctx.signal.aborted) return;
    const now = ctx.now?.() ?? 0;
    if (now - start >= UNATTENDED_FOLLOW_MS) return;
    await ctx.sleep(POLL_MS);
    const entries = selected(ctx, o, ctx.now?.() ?? 0, 50);
    const fresh = entries.filter((e) => !seen.has(key(e)));
    if (fresh.length) ctx.stdout(render(fresh, ctx.host, o.catalog));
    seen = new Set([...seen, ...fresh.map(key)]);
    if (!ctx.terminal && fresh.length === 0) return;
  }
}

export const journalctl: Program = async (ctx) => {
  const o = parseArgs(ctx.argv.slice(1));
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  if (!readServices(ctx.fs)) {
    ctx.stdout("No journal files were found.\n-- No entries --\n");
    return 0;
  }
  const limit = o.lines ?? (o.follow ? FOLLOW_LINES : o.pagerEnd ? PAGER_END_LINES : Infinity);
  const entries = selected(ctx, o, ctx.now?.() ?? 0, limit);
  const shown = entries.slice(limit === Infinity ? 0 : Math.max(0, entries.length - limit));
  if (shown.length === 0 && !o.follow) {
    ctx.stdout("-- No entries --\n");
    return 0;
  }
  ctx.stdout(render(o.reverse ? [...shown].reverse() : shown, ctx.host, o.catalog));
  if (o.follow) await follow(ctx, o, entries);
  return ctx.signal.aborted ? 130 : 0;
};
