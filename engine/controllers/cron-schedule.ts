/**
 * Cron schedules as the CronJob controller reads them (robfig/cron v3 ParseStandard):
 * five fields with names, ranges, lists and steps, the @hourly-style descriptors and
 * @every, an optional TZ= / CRON_TZ= prefix; Next() walks month, day, hour and minute
 * the way SpecSchedule.Next does, in the schedule's time zone.
 */

export type Schedule =
  | { readonly kind: "spec"; readonly minute: bigint; readonly hour: bigint; readonly dom: bigint; readonly month: bigint; readonly dow: bigint; readonly zone?: string }
  | { readonly kind: "every"; readonly delayMs: number };

export type ScheduleParse = { ok: true; value: Schedule } | { ok: false; error: string };

const STAR = 1n << 63n;

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS }];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

type Num = { ok: true; value: number } | { ok: false; error: string };

function parseInt10(s: string): Num {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  return n < 0 ? { ok: false, error: `negative number (${n}) not allowed: ${s}` } : { ok: true, value: n };
}

function intOrName(s: string, b: Bounds): Num {
  const named = b.names?.[s.toLowerCase() as keyof typeof b.names];
  return named !== undefined ? { ok: true, value: named } : parseInt10(s);
}

function bits(start: number, end: number, step: number): bigint {
  let b = 0n;
  for (let i = start; i <= end; i += step) b |= 1n << BigInt(i);
  return b;
}

/** getRange: `*`, `?`, `n`, `a-b`, each optionally `/step`. */
function range(expr: string, b: Bounds): { ok: true; value: bigint } | { ok: false; error: string } {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
    extra = STAR;
  } else {
    if (lowAndHigh.length > 2) return { ok: false, error: `too many hyphens: ${expr}` };
    const s = intOrName(lowAndHigh[0], b);
    if (!s.ok) return s;
    start = s.value;
    end = start;
    if (lowAndHigh.length === 2) {
      const e = intOrName(lowAndHigh[1], b);
      if (!e.ok) return e;
      end = e.value;
    }
  }
  let step = 1;
  if (rangeAndStep.length > 2) return { ok: false, error: `too many slashes: ${expr}` };
  if (rangeAndStep.length === 2) {
    const st = parseInt10(rangeAndStep[1]);
    if (!st.ok) return st;
    step = st.value;
    if (single) end = b.max;
    if (step > 1) extra = 0n;
  }
  if (start < b.min) return { ok: false, error: `beginning of range (${start}) below minimum (${b.min}): ${expr}` };
  if (end > b.max) return { ok: false, error: `end of range (${end}) above maximum (${b.max}): ${expr}` };
  if (start > end) return { ok: false, error: `beginning of range (${start}) beyond end of range (${end}): ${expr}` };
  if (step === 0) return { ok: false, error: `step of range should be a positive number: ${expr}` };
  return { ok: true, value: bits(start, end, step) | extra };
}

function field(expr: string, b: Bounds): { ok: true; value: bigint } | { ok: false; error: string } {
  let value = 0n;
  for (const part of expr.split(",")) {
    const r = range(part, b);
    if (!r.ok) return r;
    value |= r.value;
  }
  return { ok: true, value };
}

/** A Go duration for @every (`1h30m`, `90s`), in ms, or undefined. */
function goDuration(s: string): number | undefined {
  const units: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
    i = re.lastIndex;
  }
  return s.length ? total : undefined;
}

export function parseSchedule(spec: string): ScheduleParse {
  let text = spec.trim();
  let zone: string | undefined;
  const tz = /^(?:CRON_)?TZ=(\S+)\s*/.exec(text);
  if (tz) {
    zone = tz[1];
    if (zoneOffset(zone, 0) === undefined) return { ok: false, error: `provided bad location ${zone}: unknown time zone ${zone}` };
    text = text.slice(tz[0].length);
  }
  if (text.startsWith("@every ")) {
    const d = goDuration(text.slice(7).trim());
    if (d === undefined) return { ok: false, error: `failed to parse duration ${text}: time: invalid duration ${JSON.stringify(text.slice(7).trim())}` };
    return { ok: true, value: { kind: "every", delayMs: Math.max(1000, Math.floor(d / 1000) * 1000) } };
  }
  if (text.startsWith("@")) {
    const expanded = DESCRIPTORS[text];
    if (!expanded) return { ok: false, error: `unrecognized descriptor: ${text}` };
    text = expanded;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return { ok: false, error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]` };
  const parsed: bigint[] = [];
  for (let i = 0; i < 5; i++) {
    const f = field(fields[i], FIELDS[i]);
    if (!f.ok) return f;
    parsed.push(f.value);
  }
  const [minute, hour, dom, month, dow] = parsed;
  return { ok: true, value: { kind: "spec", minute, hour, dom, month, dow, ...(zone ? { zone } : {}) } };
}

/** The UTC offset of a zone at an instant, in ms, or undefined for an unknown zone. */
export function zoneOffset(zone: string | undefined, at: number): number | undefined {
  if (!zone || zone === "UTC" || zone === "Etc/UTC") return 0;
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return wall - Math.floor(at / 1000) * 1000;
  } catch {
    return undefined;
  }
}

const has = (set: bigint, i: number): boolean => (set & (1n << BigInt(i))) !== 0n;

function dayMatches(s: Extract<Schedule, { kind: "spec" }>, d: Date): boolean {
  const domMatch = has(s.dom, d.getUTCDate());
  const dowMatch = has(s.dow, d.getUTCDay());
  if ((s.dom & STAR) !== 0n || (s.dow & STAR) !== 0n) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** SpecSchedule.Next on wall-clock time (a Date read through its UTC fields). */
function nextWall(s: Extract<Schedule, { kind: "spec" }>, wallMs: number): number | undefined {
  const t = new Date(Math.floor(wallMs / 1000) * 1000 + 1000);
  const yearLimit = t.getUTCFullYear() + 5;
  let added = false;
  const trunc = (y: number, mo: number, d = 1, h = 0, mi = 0) => {
    if (!added) {
      added = true;
      t.setTime(Date.UTC(y, mo, d, h, mi));
    }
  };
  for (;;) {
    if (t.getUTCFullYear() > yearLimit) return undefined;
    let wrapped = false;
    while (!has(s.month, t.getUTCMonth() + 1)) {
      trunc(t.getUTCFullYear(), t.getUTCMonth());
      t.setUTCMonth(t.getUTCMonth() + 1);
      if (t.getUTCMonth() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!dayMatches(s, t)) {
      trunc(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
      t.setUTCDate(t.getUTCDate() + 1);
      if (t.getUTCDate() === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!has(s.hour, t.getUTCHours())) {
      trunc(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours());
      t.setTime(t.getTime() + 3_600_000);
      if (t.getUTCHours() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!has(s.minute, t.getUTCMinutes())) {
      trunc(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes());
      t.setTime(t.getTime() + 60_000);
      if (t.getUTCMinutes() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    if (t.getUTCSeconds() !== 0) {
      if (!added) t.setUTCSeconds(0, 0);
      added = true;
      t.setTime(t.getTime() + 60_000);
      continue;
    }
    return t.getTime();
  }
}

/** The first activation strictly after `after` (ms), or undefined when there is none within five years. */
export function nextAfter(s: Schedule, after: number, defaultZone?: string): number | undefined {
  if (s.kind === "every") return Math.floor(after / 1000) * 1000 + s.delayMs;
  const zone = s.zone ?? defaultZone;
  const offset = zoneOffset(zone, after) ?? 0;
  const wall = nextWall(s, after + offset);
  if (wall === undefined) return undefined;
  return wall - (zoneOffset(zone, wall - offset) ?? 0);
}
