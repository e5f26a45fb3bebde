/**
 * apimachinery's resource.Quantity, exactly: values held in nano-units as bigint so sums
 * and comparisons never drift, the suffix family remembered from parsing, and String()'s
 * canonical form (`1000m` → `1`, `1024Mi` → `1Gi`, `0.5` → `500m`). The API server
 * stores, compares and sums quantities with it (LimitRange, ResourceQuota); kubectl
 * describe prints them with it. quantity.ts is the float approximation the runtime uses.
 */

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: "DecimalSI" };

const NANO = 1_000_000_000n;
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL_EXPONENTS).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const pow10 = (n: number) => 10n ** BigInt(n);

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? parseQuantity(String(input)) : undefined;
  if (typeof input !== "string") return undefined;
  const m = QUANTITY.exec(input.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const [, sign, whole, fraction = "", suffix = ""] = m;
  let mantissa = BigInt((whole || "0") + fraction);
  let scale = -fraction.length;
  let format: QuantityFormat = "DecimalSI";
  if (suffix in BINARY_POWERS) {
    mantissa *= 1024n ** BigInt(BINARY_POWERS[suffix]);
    format = "BinarySI";
  } else if (suffix in DECIMAL_EXPONENTS) {
    scale += DECIMAL_EXPONENTS[suffix];
  } else {
    scale += Number(suffix.slice(1));
    format = "DecimalExponent";
  }
  const shift = scale + 9;
  let nanos = shift >= 0 ? mantissa * pow10(shift) : ceilDiv(mantissa, pow10(-shift));
  if (sign === "-") nanos = -nanos;
  return { nanos, format };
}

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * ParseQuantity's error for text it refuses: ErrSuffix when the text has a quantity's
 * shape but no known suffix (`32MMi`, `1mi`), ErrFormatWrong for anything else (`512MB`,
 * `""`, `true`). Undefined when the value is a quantity. JSON null decodes to zero.
 */
export function quantityParseError(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input !== "string" && typeof input !== "number") return FORMAT_WRONG;
  if (parseQuantity(input)) return undefined;
  const text = String(input).trim();
  return text !== "" && /^[+-]?\d*(\.\d*)?[eEinumkKMGTP]*([+-]?\d+)?$/.test(text) ? "unable to parse quantity's suffix" : FORMAT_WRONG;
}

/** A quantity from a stored value, zero when absent or malformed (Go's zero Quantity). */
export function quantityOf(input: unknown): Quantity {
  return parseQuantity(input) ?? ZERO_QUANTITY;
}

function decimalString(q: Quantity, exponentStyle: boolean): string {
  if (q.nanos === 0n) return "0";
  const negative = q.nanos < 0n;
  let amount = negative ? -q.nanos : q.nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const extra = ((exponent % 3) + 3) % 3;
  amount *= pow10(extra);
  exponent -= extra;
  while (exponent > 18) {
    amount *= 1000n;
    exponent -= 3;
  }
  const suffix = exponentStyle ? (exponent === 0 ? "" : `e${exponent}`) : (DECIMAL_SUFFIX.get(exponent) ?? "");
  return `${negative ? "-" : ""}${amount}${suffix}`;
}

/** Quantity.String(). */
export function formatQuantity(q: Quantity): string {
  if (q.format === "BinarySI") {
    const whole = q.nanos % NANO === 0n;
    const small = q.nanos > -1024n * NANO && q.nanos < 1024n * NANO;
    if (whole && !small) {
      const negative = q.nanos < 0n;
      let amount = (negative ? -q.nanos : q.nanos) / NANO;
      let power = 0;
      while (amount % 1024n === 0n && power < BINARY_SUFFIX.length - 1) {
        amount /= 1024n;
        power++;
      }
      return `${negative ? "-" : ""}${amount}${BINARY_SUFFIX[power]}`;
    }
  }
  return decimalString(q, q.format === "DecimalExponent");
}

/** NewQuantity(value, format): whole units. */
export function newQuantity(value: bigint, format: QuantityFormat): Quantity {
  return { nanos: value * NANO, format };
}

/** Quantity.Add: the receiver keeps its suffix family unless it is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos === b.nanos ? 0 : a.nanos < b.nanos ? -1 : 1;
}

/** Quantity.Value(): whole units, rounded up. */
export function quantityValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO);
}

/** Quantity.MilliValue(): thousandths, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n);
}

/** A stored quantity string in canonical form, or the text unchanged when it does not parse. */
export function canonicalQuantity(input: unknown): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input ?? "");
}
