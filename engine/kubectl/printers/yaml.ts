/**
 * `-o yaml`: kubectl hands the object to sigs.k8s.io/yaml, which marshals it to JSON and
 * re-emits that JSON through go-yaml v2. Every quote, block and line break of the output is
 * a decision of go-yaml v2's emitter: YAML 1.1 quoting of `"True"`, `"1578"` and timestamps,
 * single quotes around a leading `*`, `|` blocks, `\U0001F600` escapes, and folding of long
 * lines past column 80. No option of the `yaml` package reproduces those choices, so this
 * file ports the part of that emitter a JSON value can reach, decision for decision; the
 * tests use the `yaml` package to prove that what is printed reads back as the same value.
 */

type Style = "plain" | "single" | "double" | "literal";

/** go-yaml v2 emitter: best_indent 2, best_width 80 (sigs.k8s.io/yaml never changes them). */
const INDENT = 2;
const WIDTH = 80;

/** One object as `kubectl get -o yaml` prints it, ending in a newline. */
export function toYaml(value: unknown): string {
  const json = JSON.stringify(value);
  const e = new Emitter();
  e.node(json === undefined ? null : (JSON.parse(json) as unknown), -1, false);
  e.writeIndent(-1);
  return e.out;
}

/** Several objects printed by one command: YAMLPrinter writes `---` before every document but the first. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYaml).join("---\n");
}

class Emitter {
  out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;

  node(v: unknown, indent: number, mappingContext: boolean): void {
    if (Array.isArray(v)) return v.length === 0 ? this.flowEmpty("[", "]") : this.sequence(v, indent, mappingContext);
    if (v !== null && typeof v === "object") {
      const keys = Object.keys(v).sort(compareKeys);
      return keys.length === 0 ? this.flowEmpty("{", "}") : this.mapping(v as Record<string, unknown>, keys, indent);
    }
    if (typeof v === "string") {
      const s = wellFormed(v);
      return this.scalar(s, stringStyle(s), indent, false);
    }
    if (typeof v === "number") return this.scalar(formatNumber(v), "plain", indent, false);
    if (typeof v === "boolean") return this.scalar(String(v), "plain", indent, false);
    this.scalar("null", "plain", indent, false);
  }

  private mapping(m: Record<string, unknown>, keys: string[], parentIndent: number): void {
    const indent = parentIndent < 0 ? 0 : parentIndent + INDENT;
    for (const rawKey of keys) {
      const key = wellFormed(rawKey);
      this.writeIndent(indent);
      if (isSimpleKey(key)) {
        this.scalar(key, stringStyle(key), indent, true);
        this.indicator(":", false, false, false);
      } else {
        this.indicator("?", true, false, true);
        this.scalar(key, stringStyle(key), indent, false);
        this.writeIndent(indent);
        this.indicator(":", true, false, true);
      }
      this.node(m[rawKey], indent, true);
    }
  }

  private sequence(items: unknown[], parentIndent: number, mappingContext: boolean): void {
    // A list under a mapping key is not indented: `containers:\n- image: nginx`.
    const indentless = mappingContext && !this.indention;
    const indent = parentIndent < 0 ? 0 : indentless ? parentIndent : parentIndent + INDENT;
    for (const item of items) {
      this.writeIndent(indent);
      this.indicator("-", true, false, true);
      this.node(item, indent, false);
    }
  }

  private flowEmpty(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private scalar(value: string, requested: Style, parentIndent: number, simpleKey: boolean): void {
    const indent = parentIndent < 0 ? INDENT : parentIndent + INDENT;
    const cps = Array.from(value, (c) => c.codePointAt(0) ?? 0);
    const style = selectStyle(requested, analyze(cps), cps.length, simpleKey);
    const allowBreaks = !simpleKey;
    if (style === "plain") this.plain(cps, indent, allowBreaks);
    else if (style === "single") this.singleQuoted(cps, indent, allowBreaks);
    else if (style === "double") this.doubleQuoted(cps, indent, allowBreaks);
    else this.literal(cps, indent);
  }

  private plain(cps: number[], indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] === SPACE) {
        if (allowBreaks && !spaces && this.column > WIDTH && cps[i + 1] !== SPACE) this.writeIndent(indent);
        else this.write(cps[i]);
        spaces = true;
      } else {
        this.write(cps[i]);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(cps: number[], indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === SPACE) {
        const fold = allowBreaks && !spaces && this.column > WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== SPACE;
        if (fold) this.writeIndent(indent);
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === LF) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (c === QUOTE) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(cps: number[], indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || isBreak(c) || c === DQUOTE || c === BACKSLASH) {
        this.put(escape(c));
        spaces = false;
      } else if (c === SPACE) {
        if (allowBreaks && !spaces && this.column > WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent(indent);
          if (cps[i + 1] === SPACE) this.put("\\");
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(cps: number[], indent: number): void {
    this.indicator("|", true, false, false);
    if (cps[0] === SPACE || isBreak(cps[0])) this.indicator(String(INDENT), false, false, false);
    const chomp = chompIndicator(cps);
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        breaks = false;
        this.write(c);
        this.indention = false;
      }
    }
  }

  writeIndent(wanted: number): void {
    const indent = Math.max(wanted, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private put(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }

  private write(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeBreak(c: number): void {
    if (c === LF) return this.putBreak();
    this.out += String.fromCodePoint(c);
    this.column = 0;
  }
}

const SPACE = 0x20;
const LF = 0x0a;
const QUOTE = 0x27;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

function isBreak(c: number | undefined): boolean {
  return c === LF || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number | undefined): boolean {
  return c === SPACE || c === 0x09;
}

/** libyaml's is_printable over UTF-8 bytes, restated on code points (no C1 controls, BOM or astral planes). */
function isPrintable(c: number): boolean {
  return c === LF || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

const ESCAPES: Record<number, string> = {
  0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e",
  0x22: '"', 0x5c: "\\", 0x85: "N", 0x2028: "L", 0x2029: "P",
};

function escape(c: number): string {
  const named = ESCAPES[c];
  if (named !== undefined) return `\\${named}`;
  const [prefix, digits] = c <= 0xff ? ["x", 2] : c <= 0xffff ? ["u", 4] : ["U", 8];
  return `\\${prefix}${c.toString(16).toUpperCase().padStart(digits, "0")}`;
}

interface Analysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, keeping only what matters outside flow collections. */
function analyze(cps: number[]): Analysis {
  const n = cps.length;
  if (n === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const triple = (ch: number) => n >= 3 && cps[0] === ch && cps[1] === ch && cps[2] === ch;
  let blockIndicators = triple(0x2d) || triple(0x2e);
  let lineBreaks = false, special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    const c = cps[i];
    const followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(String.fromCodePoint(c))) blockIndicators = true;
      else if ((c === 0x3f || c === 0x3a || c === 0x2d) && followedByWhitespace) blockIndicators = true;
    } else if ((c === 0x3a && followedByWhitespace) || (c === 0x23 && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === SPACE) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  }
  const edges = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
  const unquotable = spaceBreak || special;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: !edges && !breakSpace && !unquotable && !lineBreaks && !blockIndicators,
    singleQuotedAllowed: !breakSpace && !unquotable,
    blockAllowed: !trailingSpace && !unquotable,
  };
}

/** yaml_emitter_select_scalar_style for block context. */
function selectStyle(requested: Style, a: Analysis, length: number, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && a.multiline) style = "double";
  if (style === "plain" && (!a.blockPlainAllowed || (length === 0 && simpleKey))) style = "single";
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
  return style;
}

function chompIndicator(cps: number[]): string {
  const n = cps.length;
  if (n === 0 || !isBreak(cps[n - 1])) return "-";
  if (n === 1 || isBreak(cps[n - 2])) return "+";
  return "";
}

/** yaml_emitter_check_simple_key: a key longer than 128 bytes or spanning lines becomes `? key`. */
function isSimpleKey(key: string): boolean {
  const cps = Array.from(key, (c) => c.codePointAt(0) ?? 0);
  const utf8Length = cps.reduce((n, c) => n + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4), 0);
  return utf8Length <= 128 && !cps.some(isBreak);
}

/** Go decodes a lone UTF-16 surrogate in JSON as U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/\p{Cs}/gu, "\uFFFD");
}

/** go-yaml encoder.stringv: a string that would read back as anything but a string is quoted. */
function stringStyle(s: string): Style {
  if (s.includes("\n")) return "literal";
  return resolvesToNonString(s) || isBase60Float(s) ? "double" : "plain";
}

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
]);

/** go-yaml v2 resolve(): does the unquoted text carry a bool, null, int, float or timestamp tag? */
function resolvesToNonString(s: string): boolean {
  if (s === "") return true;
  const c = s[0];
  const hint = c === "+" || c === "-" ? "S" : c >= "0" && c <= "9" ? "D" : "yYnNtTfFoO~".includes(c) ? "M" : c === "." ? "." : "";
  if (hint === "") return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === "M") return false;
  if (hint === ".") return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll("_", "");
  if (isGoInt(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain) && Number.isFinite(Number(plain))) return true;
  // go-yaml retries "0b…" as strconv.ParseInt(s[2:], 2, 64), which also takes a sign: "0b-101".
  return plain.startsWith("0b") && isGoInt(plain.slice(2).replace(/^([-+]?)/, "$10b"));
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * strconv.ParseInt(s, 0, 64), then ParseUint, then (sigs.k8s.io's fork of go-yaml v2) a
 * big.Int for an unsigned literal out of uint64 range, so `"0x0000000000000000000000010000000000000000"` stays quoted.
 */
function isGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const digits = m[2];
  const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
  const value = m[1] === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  return m[1] === "";
}

/** go-yaml v2 parseTimestamp: the four time.Parse layouts it tries, with time.Parse's range checks. */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, zone] = m;
  if (sep === undefined) return validDate(+y, +mo, +d);
  if ((sep === " ") === (zone !== undefined)) return false;
  if (zone && zone !== "Z" && (+zone.slice(1, 3) > 24 || +zone.slice(4) > 60)) return false;
  return validDate(+y, +mo, +d) && +h < 24 && +mi < 60 && +sec < 60;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** JSON integers come back from go-yaml as int; anything else as float64, printed with %g. */
function formatNumber(n: number): string {
  return Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64 ? BigInt(n).toString() : formatGoFloat(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64). */
function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (!Number.isFinite(f)) return f > 0 ? ".inf" : "-.inf";
  if (f === 0) return "0";
  const [mantissa, e] = Math.abs(f).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(e);
  const sign = f < 0 ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

/** go-yaml v2 keyList.Less for string keys: digit runs compare as numbers, non-letters before letters. */
export function compareKeys(a: string, b: string): number {
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);

function keyLess(x: string, y: string): boolean {
  const ar = Array.from(x);
  const br = Array.from(y);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].codePointAt(0)! - 0x30);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].codePointAt(0)! - 0x30);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}
