import { formatG, formatPrintf } from "../format";

/** awk values: numbers, strings, and strnums (fields and split() elements that look numeric). */

/** A field or split() element: a string that also compares as a number when it looks like one. */
export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

/** undefined is an uninitialised variable: "" as a string, 0 as a number. */
export type Val = number | string | StrNum | undefined;

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const PREFIX = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;
/** mawk prints a whole number as an integer only within C int range; beyond it, OFMT applies. */
const MAX_INT = 2147483647;

export function strnum(s: string): Val {
  return NUMERIC.test(s) ? new StrNum(s, Number(s)) : s;
}

export function toNum(v: Val): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  if (v instanceof StrNum) return v.n;
  const m = PREFIX.exec(v);
  return m ? Number(m[0]) : 0;
}

export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) <= MAX_INT) return String(n);
  if (Number.isNaN(n)) return "-nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return fmt === "%.6g" ? formatG(n, 6) : formatPrintf(fmt, [String(n)], (a) => ({ value: Number(a) })).text;
}

/** Whether comparisons treat the value as a number. */
export function isNumeric(v: Val): boolean {
  return v === undefined || typeof v === "number" || v instanceof StrNum;
}
