/** printf-style formatting shared by the `printf` builtin and awk's printf/sprintf. */

/** Backslash escapes of echo -e, printf formats and %b; `\c` stops all further output. */
export function unescape(s: string, opts: { octalNeedsZero?: boolean } = {}): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"' };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\x";
    } else if (n === "u" || n === "U") {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === "u" ? 4 : 8}}`).exec(s.slice(i + 1));
      if (m) {
        out += String.fromCodePoint(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\" + n;
    } else if (/[0-7]/.test(n)) {
      const from = opts.octalNeedsZero && n === "0" ? i + 1 : i;
      if (opts.octalNeedsZero && n !== "0") {
        out += "\\" + n;
        continue;
      }
      const m = /^[0-7]{1,3}/.exec(s.slice(from));
      const digits = m ? m[0] : "";
      out += String.fromCharCode(parseInt(digits || "0", 8) & 0xff);
      i = from + digits.length - 1;
    } else out += "\\" + n;
  }
  return { text: out, stop: false };
}

export interface FormatResult {
  text: string;
  errors: string[];
}

/** How each argument becomes a number: the shell accepts 'c, 0x, 0 (octal); awk takes leading numbers. */
export type NumberParser = (arg: string) => { value: number; error?: string };

export function shellNumber(arg: string): { value: number; error?: string } {
  const s = arg.trim();
  if (s === "") return { value: 0 };
  if (/^['"]/.test(s)) return { value: s.length > 1 ? (s.codePointAt(1) ?? 0) : 0 };
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(s)) return { value: parseInt(s, 16) };
  if (/^[-+]?0[0-7]+$/.test(s)) return { value: parseInt(s, 8) };
  if (/^[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$|^[-+]?\.[0-9]+$/.test(s)) return { value: Number(s) };
  const m = /^[-+]?[0-9]+/.exec(s);
  return { value: m ? Number(m[0]) : 0, error: `${arg}: invalid number` };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : "";
    const body = sign ? s.slice(1) : s;
    const prefix = /^0[xX]/.test(body) ? body.slice(0, 2) : "";
    return sign + prefix + body.slice(prefix.length).padStart(width - sign.length - prefix.length, "0");
  }
  return s.padStart(width);
}

/** C's %g: shortest of %e and %f with `prec` significant digits, trailing zeros removed unless `#`. */
export function formatG(v: number, prec: number, alt = false, upper = false): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : v < 0 ? "-inf" : "nan";
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(p)))));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = v.toExponential(p - 1);
    if (!alt) s = s.replace(/\.?0+e/, "e");
    s = s.replace(/e([-+])(\d)$/, "e$10$2");
  } else {
    s = v.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes(".")) s = s.replace(/\.?0+$/, "");
  }
  return upper ? s.toUpperCase() : s;
}

function exponential(v: number, prec: number): string {
  return v.toExponential(prec).replace(/e([-+])(\d)$/, "e$10$2");
}

function shellQuote(s: string): string {
  if (s === "") return "''";
  return s.replace(/[^A-Za-z0-9_./,:=@%+-]/g, (c) => (c === "\n" ? "$'\\n'" : "\\" + c));
}

/**
 * Formats `args` with `format`, reusing the format while arguments remain, as printf(1) does.
 * Conversions: %s %b %q %c %d %i %u %o %x %X %e %E %f %F %g %G %%.
 */
export function formatPrintf(format: string, args: string[], num: NumberParser = shellNumber): FormatResult {
  const errors: string[] = [];
  let out = "";
  let argi = 0;
  const next = (): string | undefined => (argi < args.length ? args[argi++] : undefined);
  const spec = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([\s\S]?)/g;
  do {
    const startArg = argi;
    let last = 0;
    let stopped = false;
    spec.lastIndex = 0;
    for (let m = spec.exec(format); m; m = spec.exec(format)) {
      const lit = unescape(format.slice(last, m.index));
      out += lit.text;
      last = spec.lastIndex;
      const [, flags, w, p, conv] = m;
      if (conv === "%") {
        out += "%";
        continue;
      }
      if (!/[sbqcdiuoxXeEfFgG]/.test(conv)) {
        errors.push(conv === "" ? "`%': missing format character" : `\`${conv}': invalid format character`);
        return { text: out, errors };
      }
      const width = w === "*" ? num(next() ?? "0").value : w ? Number(w) : 0;
      const precArg = p === "*" ? String(num(next() ?? "0").value) : p;
      const prec = precArg === undefined ? undefined : Number(precArg || 0);
      const left = flags.includes("-") || width < 0;
      const zero = flags.includes("0") && !left;
      const arg = next();
      let s: string;
      switch (conv) {
        case "s":
          s = arg ?? "";
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case "b": {
          const u = unescape(arg ?? "", { octalNeedsZero: true });
          s = u.text;
          stopped = u.stop;
          break;
        }
        case "q":
          s = shellQuote(arg ?? "");
          break;
        case "c":
          s = (arg ?? "").slice(0, 1);
          break;
        case "d":
        case "i":
        case "u":
        case "o":
        case "x":
        case "X": {
          const r = num(arg ?? "0");
          if (r.error) errors.push(r.error);
          const v = Math.trunc(r.value);
          const base = conv === "o" ? 8 : conv === "x" || conv === "X" ? 16 : 10;
          let digits = Math.abs(v).toString(base);
          if (prec !== undefined) digits = digits.padStart(prec, "0");
          if (flags.includes("#") && v !== 0 && base !== 10) digits = (base === 8 ? "0" : "0x") + digits;
          if (conv === "X") digits = digits.toUpperCase();
          const sign = v < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
          s = sign + digits;
          out += pad(s, Math.abs(width), left, zero && prec === undefined);
          continue;
        }
        default: {
          const r = num(arg ?? "0");
          if (r.error) errors.push(r.error);
          const v = r.value;
          const pr = prec ?? 6;
          if (conv === "f" || conv === "F") s = v.toFixed(pr);
          else if (conv === "e" || conv === "E") s = exponential(v, pr);
          else if (conv === "g" || conv === "G") s = formatG(v, pr, flags.includes("#"));
          else {
            s = m[0];
            break;
          }
          if (conv === "E" || conv === "G") s = s.toUpperCase();
          if (v >= 0 && flags.includes("+")) s = "+" + s;
          else if (v >= 0 && flags.includes(" ")) s = " " + s;
        }
      }
      out += pad(s, Math.abs(width), left, zero && !["s", "b", "q", "c"].includes(conv));
      if (stopped) return { text: out, errors };
    }
    const tail = unescape(format.slice(last));
    out += tail.text;
    if (tail.stop) break;
    if (argi === startArg) break;
  } while (argi < args.length);
  return { text: out, errors };
}
