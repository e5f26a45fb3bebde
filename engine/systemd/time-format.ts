/**
 * The ways systemd, journald and klog write a moment or a span of time (src/basic/time-util.c,
 * klog's header). Hosts run in UTC, as a CKA node does.
 */
import { strftime } from "../shell/coreutils/date";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800 * SEC;
const YEAR = 31_557_600 * SEC;

/** format_timestamp: `Tue 2026-01-27 10:00:05 UTC`. */
export function systemdTimestamp(ms: number): string {
  return strftime("%a %Y-%m-%d %H:%M:%S UTC", ms);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** format_timestamp_relative: `5s ago`, `1min 5s ago`, `1h 19min ago`, `1 week 0 days ago`. */
export function relativeAgo(ms: number, now: number): string {
  const d = now - ms;
  if (d <= 0) return "now";
  if (d >= YEAR) return `${plural(Math.floor(d / YEAR), "year", "years")} ${plural(Math.floor((d % YEAR) / MONTH), "month", "months")} ago`;
  if (d >= MONTH) return `${plural(Math.floor(d / MONTH), "month", "months")} ${plural(Math.floor((d % MONTH) / DAY), "day", "days")} ago`;
  if (d >= WEEK) return `${plural(Math.floor(d / WEEK), "week", "weeks")} ${plural(Math.floor((d % WEEK) / DAY), "day", "days")} ago`;
  if (d >= 2 * DAY) return `${Math.floor(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${Math.floor(d / HOUR)}h ago`;
  if (d >= HOUR) return `${Math.floor(d / HOUR)}h ${Math.floor((d % HOUR) / MIN)}min ago`;
  if (d >= 5 * MIN) return `${Math.floor(d / MIN)}min ago`;
  if (d >= MIN) return `${Math.floor(d / MIN)}min ${Math.floor((d % MIN) / SEC)}s ago`;
  if (d >= SEC) return `${Math.floor(d / SEC)}s ago`;
  return `${d}ms ago`;
}

const SPAN_UNITS: readonly [string, number][] = [
  ["y", YEAR],
  ["month", MONTH],
  ["w", WEEK],
  ["d", DAY],
  ["h", HOUR],
  ["min", MIN],
  ["s", SEC],
  ["ms", 1],
];

/**
 * format_timespan with millisecond accuracy, as `CPU:`, `Duration:` and "Consumed" show it:
 * `84ms`, `12.016s`, `1min 23.456s`, `2h 21min 56.422s`. Below a minute a remainder is
 * written after a dot instead of as smaller units.
 */
export function timespan(ms: number): string {
  let t = Math.max(0, Math.round(ms));
  if (t === 0) return "0";
  const parts: string[] = [];
  for (const [suffix, size] of SPAN_UNITS) {
    if (t <= 0) break;
    if (t < size) continue;
    const whole = Math.floor(t / size);
    const rest = t % size;
    if (t < MIN && rest > 0 && size > 1) {
      const digits = String(size).length - 1;
      parts.push(`${whole}.${String(rest).padStart(digits, "0")}${suffix}`);
      t = 0;
      break;
    }
    parts.push(`${whole}${suffix}`);
    t = rest;
  }
  return parts.join(" ");
}

/** journalctl's short output: `Jan 27 10:00:05`. */
export function journalTimestamp(ms: number): string {
  return strftime("%b %d %H:%M:%S", ms);
}

/**
 * klog's header: `I0127 10:00:05.412345    1234 server.go:529] `. The microseconds below
 * the virtual clock's millisecond are made up from the pid and the line's place (`salt`, below
 * 70), so they are stable and grow line by line.
 */
export function klogHeader(level: "I" | "W" | "E", ms: number, pid: number, source: string, salt = 0): string {
  const micros = String((ms % 1000) * 1000 + ((pid * 37) % 500) + salt * 7).padStart(6, "0");
  return `${level}${strftime("%m%d %H:%M:%S", ms)}.${micros} ${String(pid).padStart(7)} ${source}] `;
}
