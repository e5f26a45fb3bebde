/**
 * A comparator applied to a value as kubectl prints it (`kubectl get -o jsonpath`, a
 * command's output, a file's text): whether it holds and, either way, what was seen.
 */
import type { Comparator } from "./check";

export interface Outcome {
  readonly ok: boolean;
  readonly detail: string;
}

const SHOWN = 160;

/** The value quoted for a message, cut short when long. */
export function shown(value: string): string {
  const one = value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
  return JSON.stringify(one);
}

function numeric(value: string): number | undefined {
  const n = Number(value.trim());
  return value.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

/** Regexes come from teachers' files: a bad one is reported, not thrown. */
function regex(source: string): RegExp | string {
  try {
    return new RegExp(source, "m");
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Every comparator given must hold; with none, the value must be non-empty. */
export function compare(c: Comparator, value: string, what = "value"): Outcome {
  const failures: string[] = [];
  if (c.equals !== undefined && value.replace(/\n$/, "") !== String(c.equals)) failures.push(`expected ${what} ${shown(String(c.equals))}, found ${shown(value)}`);
  if (c.matches !== undefined) {
    const re = regex(c.matches);
    if (typeof re === "string") failures.push(`invalid pattern /${c.matches}/: ${re}`);
    else if (!re.test(value)) failures.push(`expected ${what} to match /${c.matches}/, found ${shown(value)}`);
  }
  if (c.contains !== undefined && !value.includes(c.contains)) failures.push(`expected ${what} to contain ${shown(c.contains)}, found ${shown(value)}`);
  if (c.notContains !== undefined && value.includes(c.notContains)) failures.push(`expected ${what} not to contain ${shown(c.notContains)}`);
  if (c.oneOf !== undefined && !c.oneOf.map(String).includes(value.replace(/\n$/, ""))) failures.push(`expected ${what} to be one of ${c.oneOf.map((v) => shown(String(v))).join(", ")}, found ${shown(value)}`);
  for (const [key, bound] of [["atLeast", c.atLeast], ["atMost", c.atMost]] as const) {
    if (bound === undefined) continue;
    const n = numeric(value);
    const holds = n !== undefined && (key === "atLeast" ? n >= bound : n <= bound);
    if (!holds) failures.push(`expected ${what} ${key === "atLeast" ? "at least" : "at most"} ${bound}, found ${shown(value)}`);
  }
  const any = Object.values(c).some((v) => v !== undefined);
  if (!any && value.trim() === "") failures.push(`expected a ${what}, found none`);
  return failures.length ? { ok: false, detail: failures.join("; ") } : { ok: true, detail: `${what} ${shown(value)}` };
}

/** The comparator fields of a check (it carries other keys too). */
export function comparatorOf(check: Comparator): Comparator {
  const { equals, matches, contains, notContains, oneOf, atLeast, atMost } = check;
  return Object.fromEntries(Object.entries({ equals, matches, contains, notContains, oneOf, atLeast, atMost }).filter(([, v]) => v !== undefined)) as Comparator;
}
