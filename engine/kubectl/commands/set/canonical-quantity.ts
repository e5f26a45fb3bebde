/**
 * resource.ParseQuantity followed by String(): the canonical text kubectl sends for a
 * quantity a learner typed (`0.5` → `500m`, `1024Mi` → `1Gi`, `1000m` → `1`), keeping the
 * input's format (binary suffix, decimal suffix, or exponent).
 */

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const pow = (b: bigint, e: number) => b ** BigInt(e);

/** The canonical text, or undefined when the text is not a quantity. */
export function canonicalQuantity(text: string): string | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const frac = m[3] ?? "";
  const digits = BigInt((m[2] || "0") + frac);
  const suffix = m[4] ?? "";
  // value × 10^9 (nano units), rounded up as Quantity rounds to nano precision
  let nano: bigint;
  let format: "binary" | "decimal" | "exponent" = "decimal";
  let exp10 = -frac.length;
  let mult = 1n;
  if (BINARY.includes(suffix) && suffix !== "") {
    format = "binary";
    mult = pow(1024n, BINARY.indexOf(suffix));
  } else if (/^[eE]/.test(suffix)) {
    format = "exponent";
    exp10 += Number(suffix.slice(1));
  } else {
    exp10 += DECIMAL[suffix];
  }
  const scaled = digits * mult;
  const shift = exp10 + 9;
  nano = shift >= 0 ? scaled * pow(10n, shift) : (scaled + pow(10n, -shift) - 1n) / pow(10n, -shift);
  if (nano === 0n) return "0";
  const sgn = sign < 0n ? "-" : "";
  if (format === "binary" && nano % 1_000_000_000n === 0n) {
    const bytes = nano / 1_000_000_000n;
    let n = BINARY.length - 1;
    while (n > 0 && bytes % pow(1024n, n) !== 0n) n--;
    return `${sgn}${bytes / pow(1024n, n)}${BINARY[n]}`;
  }
  let k = 18;
  while (k > -9 && nano % pow(10n, k + 9) !== 0n) k -= 3;
  const mantissa = nano / pow(10n, k + 9);
  if (format === "exponent") return `${sgn}${mantissa}${k === 0 ? "" : `e${k}`}`;
  return `${sgn}${mantissa}${DECIMAL_SUFFIX[k]}`;
}
