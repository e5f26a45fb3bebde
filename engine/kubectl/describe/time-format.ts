/** Go's time.RFC1123Z layout, which describe uses for every absolute time. */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** What Go prints for a zero metav1.Time (a field that was never set). */
const ZERO_TIME = "Mon, 01 Jan 0001 00:00:00 +0000";

const pad = (n: number) => String(n).padStart(2, "0");

/** `Mon, 27 Jan 2026 10:00:00 +0000`; the simulated cluster runs in UTC. */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return ZERO_TIME;
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return ZERO_TIME;
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
