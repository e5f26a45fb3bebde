import type { Program } from "../program";
import { tryHelp } from "./getopt";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function p2(n: number): string {
  return String(n).padStart(2, "0");
}

/** strftime in UTC for the conversions GNU date users reach for. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAYS[wd].slice(0, 3),
    A: () => DAYS[wd],
    b: () => MONTHS[m].slice(0, 3),
    h: () => MONTHS[m].slice(0, 3),
    B: () => MONTHS[m],
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    e: () => String(day).padStart(2),
    F: () => `${Y}-${p2(m + 1)}-${p2(day)}`,
    H: () => p2(H),
    I: () => p2(H % 12 || 12),
    j: () => String(yday).padStart(3, "0"),
    k: () => String(H).padStart(2),
    l: () => String(H % 12 || 12).padStart(2),
    m: () => p2(m + 1),
    M: () => p2(M),
    n: () => "\n",
    N: () => String(ms % 1000).padStart(3, "0") + "000000",
    p: () => (H < 12 ? "AM" : "PM"),
    P: () => (H < 12 ? "am" : "pm"),
    r: () => `${p2(H % 12 || 12)}:${p2(M)}:${p2(S)} ${H < 12 ? "AM" : "PM"}`,
    R: () => `${p2(H)}:${p2(M)}`,
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => "\t",
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    u: () => String(wd || 7),
    w: () => String(wd),
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => "+0000",
    Z: () => "UTC",
    "%": () => "%",
  };
  return format.replace(/%(:?)([a-zA-Z%])/g, (all, colon: string, c: string) => {
    if (colon && c === "z") return "+00:00";
    const f = conv[c];
    return f ? f() : all;
  });
}

/** GNU date's default output, e.g. `Tue Nov 24 08:04:59 UTC 2026`. */
export const DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

function parseDate(s: string, now: number): number | undefined {
  const t = s.trim();
  if (t === "" || t === "now") return now;
  if (/^@-?\d+$/.test(t)) return Number(t.slice(1)) * 1000;
  const iso = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(t) ? Date.parse(t.replace(" ", "T") + "Z") : Date.parse(t);
  return Number.isNaN(iso) ? undefined : iso;
}

/** `date [-u] [-d STRING] [-I] [-R] [+FORMAT]`, always in UTC. */
export const date: Program = async (ctx) => {
  const now = ctx.now?.() ?? 0;
  let when = now;
  let format = DEFAULT_FORMAT;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-u" || a === "--utc" || a === "--universal") continue;
    if (a === "-d" || a === "--date" || a.startsWith("--date=") || (a.startsWith("-d") && a.length > 2)) {
      const v = a === "-d" || a === "--date" ? args[++i] : a.startsWith("--date=") ? a.slice(7) : a.slice(2);
      const t = v === undefined ? undefined : parseDate(v, now);
      if (t === undefined) {
        ctx.stderr(v === undefined ? `date: option requires an argument -- 'd'\n${tryHelp("date")}` : `date: invalid date '${v}'\n`);
        return 1;
      }
      when = t;
    } else if (a === "-I" || a === "--iso-8601" || a === "--iso-8601=date") format = "%F";
    else if (a === "-Iseconds" || a === "--iso-8601=seconds") format = "%FT%T%:z";
    else if (a === "-R" || a === "--rfc-email") format = "%a, %d %b %Y %T %z";
    else if (a.startsWith("+")) format = a.slice(1);
    else {
      ctx.stderr(a.startsWith("-") ? `date: invalid option -- '${a.slice(1, 2)}'\n${tryHelp("date")}` : `date: invalid date '${a}'\n`);
      return 1;
    }
  }
  ctx.stdout(strftime(format, when) + "\n");
  return 0;
};
