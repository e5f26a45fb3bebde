/**
 * How a resource.Quantity reads in a field error when validation passes one by value
 * (`field.Invalid(path, minQuantity, ...)` in ValidateLimitRange): Quantity's String has a
 * pointer receiver, so field.Error falls back to Go's `%#v` and prints the struct as
 * ParseQuantity built it — its int64Amount, the cached string `s` (kept only when the
 * text was already canonical) and its Format. Values that take ParseQuantity's slow path
 * hold an *inf.Dec, whose address Go prints; a fixed one stands in for it.
 */

const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENTS: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_MAX = 2n ** 63n - 1n;
/** maxInt64Factors: the decimal digits an int64 always holds. */
const MAX_INT64_FACTORS = 18;
const NANO = -9;

interface Parts {
  readonly positive: boolean;
  /** the numerator without leading zeros ("0" when none are left) */
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

/** parseQuantityString, for text the API server already accepted as a quantity. */
function split(str: string): Parts | undefined {
  const m = /^([+-]?)0*(\d*)(?:\.(\d*))?(.*)$/.exec(str);
  if (!m) return undefined;
  return { positive: m[1] !== "-", num: m[2] || "0", denom: m[3] ?? "", suffix: m[4] };
}

function interpret(suffix: string): { exponent: number; format: "DecimalSI" | "BinarySI" | "DecimalExponent" } | undefined {
  if (suffix in DECIMAL_EXPONENTS) return { exponent: DECIMAL_EXPONENTS[suffix], format: "DecimalSI" };
  if (suffix in BINARY_EXPONENTS) return { exponent: BINARY_EXPONENTS[suffix], format: "BinarySI" };
  const e = /^[eE]([+-]?\d+)$/.exec(suffix);
  return e ? { exponent: Number(e[1]), format: "DecimalExponent" } : undefined;
}

function struct(value: bigint, scale: number, dec: string, s: string, format: string): string {
  return `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(${dec})}, s:${JSON.stringify(s)}, Format:"${format}"}`;
}

/** `%#v` of the Quantity ParseQuantity makes of `input` (a stored quantity, string or JSON number). */
export function goQuantitySyntax(input: unknown): string {
  const str = String(input).trim();
  if (str === "0") return struct(0n, 0, "nil", "0", "DecimalSI");
  const parts = split(str);
  const kind = parts && interpret(parts.suffix);
  if (!parts || !kind) return struct(0n, 0, "nil", "", "DecimalSI");
  const { num, denom, positive } = parts;
  let scale = 0;
  let mantissa = 1n;
  let precision: number;
  if (kind.format === "BinarySI") {
    if (denom.length === 0) {
      mantissa = 1n << BigInt(kind.exponent);
      precision = 15 - num.length - Math.trunc((kind.exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = kind.exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  scale -= denom.length;
  if (precision >= 0 && scale >= NANO) {
    const shifted = num + denom;
    const value = BigInt(shifted);
    const product = value * mantissa;
    if (product <= INT64_MAX) {
      const result = positive ? product : -product;
      const canonical =
        kind.format === "BinarySI" ? kind.exponent % 10 === 0 && (value & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
      return struct(result, scale, "nil", canonical ? str : "", kind.format);
    }
  }
  return struct(0n, 0, "0xc000a1c060", "", kind.format);
}
