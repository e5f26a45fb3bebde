/**
 * The timestamp formats servers print, hand-built because they run on every request
 * and start-up line (strftime's table of closures is too slow for that path).
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parts(ms: number) {
  const d = new Date(ms);
  return { Y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), H: d.getUTCHours(), M: d.getUTCMinutes(), S: d.getUTCSeconds(), w: d.getUTCDay(), ms: d.getUTCMilliseconds() };
}

/** `2026/01/01 12:00:00` (nginx error log, Go's log package) */
export function slashTime(ms: number): string {
  const t = parts(ms);
  return `${t.Y}/${p2(t.m + 1)}/${p2(t.d)} ${p2(t.H)}:${p2(t.M)}:${p2(t.S)}`;
}

/** `01/Jan/2026:12:00:00 +0000` (combined access log) */
export function accessTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.m]}/${t.Y}:${p2(t.H)}:${p2(t.M)}:${p2(t.S)} +0000`;
}

/** `Thu, 01 Jan 2026 12:00:00 GMT` (the HTTP Date header) */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.w]}, ${p2(t.d)} ${MONTHS[t.m]} ${t.Y} ${p2(t.H)}:${p2(t.M)}:${p2(t.S)} GMT`;
}
