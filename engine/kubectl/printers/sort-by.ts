/**
 * `kubectl get --sort-by=<jsonpath>`, as kubectl/pkg/cmd/get/sorter.go orders objects:
 * the first value the path finds in each object, compared as numbers, as quantities when
 * both strings parse as one (`100m` < `1`), else in natural string order (`pod2` <
 * `pod10`); objects without the field sort first. Go's sort.Sort is not stable, and its
 * exact pdqsort is reproduced so ties land where kubectl puts them.
 */

import { relaxedJsonPathExpression } from "./custom-columns";
import { GoByte, GoFloat, NO_VALUE, findJsonPathResults, goKind, goQuote, goSyntax } from "./jsonpath";
import type { ListNode } from "./jsonpath-parser";
import { parseJsonPathTemplate } from "./jsonpath-parser";

export type SortOutcome = { ok: true; value: unknown[] } | { ok: false; error: string };

/**
 * `table` is kubectl get's human-readable output (the default and `-o wide`), which sorts
 * table rows and leaves a single row alone; `list` is every other output format
 * (`-o json|yaml|name|jsonpath|custom-columns`), which sorts and checks the field for
 * any list of one or more objects.
 */
export interface SortOptions {
  readonly mode: "table" | "list";
}

const INT64_MAX = 2n ** 63n - 1n;

/** A decimal m × 10^exp, the value of a resource.Quantity. */
interface Decimal {
  readonly m: bigint;
  readonly exp: number;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** parseQuantityString: sign, digits, fraction and suffix, with its permissive quirks (`m` is 0m). */
function scanQuantity(str: string): { positive: boolean; value: string; num: string; denom: string; suffix: string } | undefined {
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  const positive = str[0] !== "-";
  let pos = str[0] === "-" || str[0] === "+" ? 1 : 0;
  while (str[pos] === "0") pos++;
  if (pos >= str.length) return { positive, value: "0", num: "0", denom: "", suffix: "" };
  let i = pos;
  while (isDigit(str[i])) i++;
  if (i >= str.length) return { positive, value: str, num: str.slice(pos), denom: "", suffix: "" };
  const num = str.slice(pos, i) || "0";
  let denom = "";
  if (str[i] === ".") {
    const start = ++i;
    while (isDigit(str[i])) i++;
    denom = str.slice(start, i);
    if (i >= str.length) return { positive, value: str, num, denom, suffix: "" };
  }
  const value = str.slice(0, i);
  const suffixStart = i;
  while (i < str.length && "eEinumkKMGTP".includes(str[i])) i++;
  if (i < str.length && (str[i] === "-" || str[i] === "+")) i++;
  while (isDigit(str[i])) i++;
  return i >= str.length ? { positive, value, num, denom, suffix: str.slice(suffixStart) } : undefined;
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; binary: boolean } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], binary: false };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], binary: true };
  const exponent = suffix.slice(1);
  if (suffix.length < 2 || (suffix[0] !== "e" && suffix[0] !== "E") || !/^[+-]?[0-9]+$/.test(exponent)) return undefined;
  const n = BigInt(exponent);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : { base: 10, exponent: Number(BigInt.asIntN(32, n)), binary: false };
}

const digitCount = (m: bigint) => (m < 0n ? -m : m).toString().length;

/** resource.ParseQuantity, as the value it compares by; undefined when it fails. */
export function parseGoQuantity(str: string): Decimal | undefined {
  if (str === "") return undefined;
  const scanned = scanQuantity(str);
  const unit = scanned && interpretSuffix(scanned.suffix);
  if (!scanned || !unit) return undefined;
  const { positive, value, num, denom } = scanned;
  const precision = unit.binary
    ? denom === "" ? 15 - num.length - Math.trunc((unit.exponent * 3) / 10) - 1 : -1
    : 18 - num.length - denom.length;
  const scale = (unit.binary ? 0 : unit.exponent) - denom.length;
  if (precision >= 0 && scale >= -9) {
    const fast = BigInt(num + denom) * (unit.binary ? 2n ** BigInt(unit.exponent) : 1n);
    if (fast <= INT64_MAX) return { m: positive ? fast : -fast, exp: scale };
  }
  const parts = /^[+-]?([0-9]*)(?:\.([0-9]*))?$/.exec(value);
  if (!parts || `${parts[1]}${parts[2] ?? ""}` === "") return undefined;
  let m = BigInt(`${parts[1]}${parts[2] ?? ""}`);
  let exp = -(parts[2] ?? "").length;
  if (unit.binary) m *= 2n ** BigInt(unit.exponent);
  else exp += unit.exponent;
  if (m !== 0n && exp < -9) {
    const drop = -9 - exp;
    m = digitCount(m) <= drop ? 1n : (m + 10n ** BigInt(drop) - 1n) / 10n ** BigInt(drop);
    exp = -9;
  }
  if (unit.binary && compareDecimals({ m, exp }, { m: INT64_MAX, exp: 0 }) > 0) [m, exp] = [INT64_MAX, 0];
  return { m: positive ? m : -m, exp };
}

function compareDecimals(a: Decimal, b: Decimal): number {
  const sign = (d: Decimal) => (d.m > 0n ? 1 : d.m < 0n ? -1 : 0);
  if (sign(a) !== sign(b) || sign(a) === 0) return sign(a) - sign(b);
  const order = (d: Decimal) => digitCount(d.m) + d.exp;
  if (order(a) !== order(b)) return (order(a) - order(b)) * sign(a);
  const exp = Math.min(a.exp, b.exp);
  const x = a.m * 10n ** BigInt(a.exp - exp);
  const y = b.m * 10n ** BigInt(b.exp - exp);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** sortorder.NaturalLess, on utf-8 bytes: digit runs compare as numbers, digits before other bytes. */
export function naturalLess(str1: string, str2: string): boolean {
  const [a, b] = [new TextEncoder().encode(str1), new TextEncoder().encode(str2)];
  const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const [d1, d2] = [isDigit(a[i]), isDigit(b[j])];
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (a[i] === 0x30) i++;
    while (b[j] === 0x30) j++;
    const [nonZero1, nonZero2] = [i, j];
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    if (i - nonZero1 !== j - nonZero2) return i - nonZero1 < j - nonZero2;
    for (let k = 0; k < i - nonZero1; k++) {
      if (a[nonZero1 + k] !== b[nonZero2 + k]) return a[nonZero1 + k] < b[nonZero2 + k];
    }
    if (nonZero1 !== nonZero2) return nonZero1 < nonZero2;
  }
  return a.length < b.length;
}

type Less = { less: boolean; error?: undefined; kind?: undefined } | { less?: undefined; error: string; kind: string };

/** isLess for the first value found in two objects. */
function isLess(x: unknown, y: unknown): Less {
  if (x instanceof GoByte || x instanceof GoFloat) {
    const other = y instanceof GoByte || y instanceof GoFloat ? y.value : Number(y);
    return { less: x.value < other };
  }
  if (x === NO_VALUE) return { error: "unsortable type: invalid", kind: "invalid" };
  const unsortable = (type: string): Less => ({ error: `unsortable type: ${type}`, kind: "interface" });
  const [kx, ky] = [goKind(x), goKind(y)];
  if (kx === "nil" || ky === "nil") return { less: kx === "nil" && ky !== "nil" };
  if (kx === "bool") return unsortable("bool");
  if (kx === "map") return unsortable("map[string]interface {}");
  if (kx === "slice") return unsortable("[]interface {}");
  if (kx !== ky) return { error: "unsortable interface: interface", kind: "interface" };
  if (kx !== "string") return { less: (x as number) < (y as number) };
  const [qx, qy] = [parseGoQuantity(x as string), parseGoQuantity(y as string)];
  if (qx && qy) return { less: compareDecimals(qx, qy) < 0 };
  return { less: naturalLess(x as string, y as string) };
}

interface SortData {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

function insertionSort(d: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown(d: SortData, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: SortData, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(a, a + i);
    siftDown(d, 0, i, a);
  }
}

const bitsLen = (n: number) => 32 - Math.clz32(n);

function breakPatterns(d: SortData, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const mask64 = 2n ** 64n - 1n;
  let random = BigInt(length);
  const modulus = 1 << bitsLen(length);
  const middle = a + Math.floor(length / 4) * 2;
  for (let idx = middle - 1; idx <= middle + 1; idx++) {
    random ^= (random << 13n) & mask64;
    random ^= random >> 7n;
    random ^= (random << 17n) & mask64;
    let other = Number(random & BigInt(modulus - 1));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

function choosePivot(d: SortData, a: number, b: number): [number, number] {
  const l = b - a;
  const swaps = { n: 0 };
  const order2 = (x: number, y: number): [number, number] => (d.less(y, x) ? (swaps.n++, [y, x]) : [x, y]);
  const median = (x: number, y: number, z: number) => {
    [x, y] = order2(x, y);
    [y, z] = order2(y, z);
    [x, y] = order2(x, y);
    return y;
  };
  let [i, j, k] = [a + Math.floor(l / 4), a + Math.floor(l / 4) * 2, a + Math.floor(l / 4) * 3];
  if (l >= 8) {
    if (l >= 50) [i, j, k] = [median(i - 1, i, i + 1), median(j - 1, j, j + 1), median(k - 1, k, k + 1)];
    j = median(i, j, k);
  }
  return [j, swaps.n === 0 ? INCREASING_HINT : swaps.n === 12 ? DECREASING_HINT : UNKNOWN_HINT];
}

function partialInsertionSort(d: SortData, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) for (let j = i - 1; j >= 1 && d.less(j, j - 1); j--) d.swap(j, j - 1);
    if (b - i >= 2) for (let j = i + 1; j < b && d.less(j, j - 1); j++) d.swap(j, j - 1);
  }
  return false;
}

function partition(d: SortData, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let [i, j] = [a + 1, b - 1];
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i++, j--);
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i++, j--);
  }
  d.swap(j, a);
  return [j, false];
}

function partitionEqual(d: SortData, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let [i, j] = [a + 1, b - 1];
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) return i;
    d.swap(i++, j--);
  }
}

function pdqsort(d: SortData, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) return insertionSort(d, a, b);
    if (limit === 0) return heapSort(d, a, b);
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === DECREASING_HINT) {
      for (let [i, j] = [a, b - 1]; i < j; i++, j--) d.swap(i, j);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const [leftLen, rightLen] = [mid - a, b - mid];
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** sort.Sort. */
function goSort(n: number, d: SortData): void {
  if (n > 1) pdqsort(d, 0, n, bitsLen(n));
}

const firstValue = (groups: unknown[][]) => (groups.length > 0 && groups[0].length > 0 ? { value: groups[0][0] } : undefined);

/** TableSorter: every row's values up front, then the sort. */
function sortTable(objects: readonly unknown[], field: string): SortOutcome {
  if (objects.length <= 1) return { ok: true, value: [...objects] };
  const relaxed = relaxedJsonPathExpression(field);
  const path = relaxed.ok ? relaxed.value : field;
  const parsed = parseJsonPathTemplate(path);
  if (!parsed.ok) return { ok: false, error: `error: sorting error: ${parsed.error}` };
  const rows = objects.map((object) => ({ object, found: findJsonPathResults(parsed.value, object, true) }));
  for (const row of rows) {
    if (!row.found.ok) {
      return { ok: false, error: `error: Failed to get values for [][]reflect.Value(nil) using ${path} (&errors.errorString{s:${goQuote(row.found.error)}})` };
    }
  }
  const values = rows.map((row) => (row.found.ok ? firstValue(row.found.value) : undefined));
  if (values.every((v) => v === undefined)) return { ok: false, error: `error: couldn't find any field with path ${goQuote(path)} in the list of objects` };
  const sorted = [...objects];
  let failure: string | undefined;
  goSort(sorted.length, {
    less(i, j) {
      if (failure !== undefined) return false;
      if (values[i] === undefined) return true;
      if (values[j] === undefined) return false;
      const r = isLess(values[i]?.value, values[j]?.value);
      if (r.error !== undefined) failure = `Field ${path} in [][][]reflect.Value is an unsortable type: ${r.kind}, err: ${r.error}`;
      return r.less ?? false;
    },
    swap(i, j) {
      [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
      [values[i], values[j]] = [values[j], values[i]];
    },
  });
  return failure === undefined ? { ok: true, value: sorted } : { ok: false, error: failure };
}

/** SortingPrinter.sortObj / SortObjects: the path is checked, then evaluated per comparison. */
function sortList(objects: readonly unknown[], field: string): SortOutcome {
  if (objects.length === 0) return { ok: true, value: [] };
  const relaxed = relaxedJsonPathExpression(field);
  if (!relaxed.ok) return { ok: false, error: `error: ${relaxed.error}` };
  const parsed = parseJsonPathTemplate(relaxed.value);
  if (!parsed.ok) return { ok: false, error: `error: ${parsed.error}` };
  const root: ListNode = parsed.value;
  let foundOnce = false;
  for (const object of objects) {
    const found = findJsonPathResults(root, object, true);
    if (!found.ok) return { ok: false, error: `error: ${found.error}` };
    if (firstValue(found.value)) {
      foundOnce = true;
      break;
    }
  }
  if (!foundOnce) return { ok: false, error: `error: couldn't find any field with path ${goQuote(relaxed.value)} in the list of objects` };
  const sorted = [...objects];
  let failure: string | undefined;
  const valueOf = (index: number, which: "i" | "j") => {
    const found = findJsonPathResults(root, sorted[index], true);
    if (found.ok) return firstValue(found.value);
    const object = `&unstructured.Unstructured{Object:${goSyntax(sorted[index])}}`;
    const error = which === "i" ? `&errors.errorString{s:${goQuote(found.error)}}` : found.error;
    failure ??= `Failed to get ${which} values for ${object} using ${relaxed.value} (${error})`;
    return undefined;
  };
  goSort(sorted.length, {
    less(i, j) {
      if (failure !== undefined) return false;
      const x = valueOf(i, "i");
      const y = valueOf(j, "j");
      if (failure !== undefined) return false;
      if (x === undefined) return true;
      if (y === undefined) return false;
      const r = isLess(x.value, y.value);
      if (r.error !== undefined) failure = `Field ${relaxed.value} in *unstructured.Unstructured is an unsortable type: ${r.kind}, err: ${r.error}`;
      return r.less ?? false;
    },
    swap(i, j) {
      [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
    },
  });
  return failure === undefined ? { ok: true, value: sorted } : { ok: false, error: failure };
}

/**
 * The objects of a list in `--sort-by` order. Errors are kubectl's stderr text; the
 * unsortable-type and per-comparison failures, which kubectl reports through klog
 * (Fatalf/Exitf) with a timestamped header, are given without that header.
 */
export function sortObjects(objects: readonly unknown[], field: string, opts: SortOptions = { mode: "table" }): SortOutcome {
  return opts.mode === "table" ? sortTable(objects, field) : sortList(objects, field);
}
