import { compilePosix } from "../posix-regex";

/** Parses GNU sed scripts: addresses, `!`, blocks and the commands s y p P d D q Q a i c = n N h H g G x l. */

export type Address = { kind: "line"; n: number } | { kind: "last" } | { kind: "re"; re: RegExp | undefined } | { kind: "step"; first: number; step: number };

export interface SedCommand {
  a1?: Address;
  a2?: Address | { kind: "plus"; n: number };
  negate: boolean;
  name: string;
  /** s: the regex (undefined = reuse the last one), replacement, flags. */
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  /** a/i/c text; y source; q exit code. */
  text?: string;
  to?: string;
  code?: number;
  /** For `{`: index of the matching `}`. */
  blockEnd?: number;
}

/**
 * Why a script does not parse: GNU sed's whole message, and what went wrong as data
 * (`detail`: the delimiter, command or regex concerned, `reason`: the regex compiler's
 * words), so another sed (BusyBox's) can word it its own way.
 */
export interface SedError {
  readonly error: string;
  readonly kind: "regex" | "unmatched" | "comma" | "missing-command" | "stray-brace" | "y-lengths" | "unknown-command" | "extra-chars" | "unmatched-brace" | "bad-s" | "s-option";
  readonly detail?: string;
  readonly reason?: string;
}

export type SedParse = { commands: SedCommand[] } | SedError;

class Parser {
  i = 0;

  constructor(
    private readonly s: string,
    private readonly extended: boolean,
    private readonly exprNo: number,
  ) {}

  fail(msg: string, kind: SedError["kind"], detail?: string, reason?: string): SedError {
    return { error: `sed: -e expression #${this.exprNo}, char ${Math.min(this.i + 1, this.s.length)}: ${msg}`, kind, detail, reason };
  }

  skipSpace(): void {
    while (this.i < this.s.length && /[ \t]/.test(this.s[this.i])) this.i++;
  }

  /** Reads up to an unescaped delimiter; `\delim` becomes delim, other escapes stay. */
  delimited(delim: string): string | undefined {
    let out = "";
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === "\\" && this.i < this.s.length) {
        const n = this.s[this.i++];
        out += n === delim && delim !== "&" ? n : n === "n" && delim !== "n" ? "\\n" : "\\" + n;
        continue;
      }
      if (c === delim) return out;
      if (c === "\n" && delim !== "\n") return undefined;
      out += c;
    }
    return undefined;
  }

  regex(src: string, flags: string): RegExp | undefined | SedError {
    if (src === "") return undefined;
    const re = compilePosix(src, this.extended, flags);
    if ("error" in re) return this.fail(re.error, "regex", src, re.error);
    return re;
  }

  address(): Address | SedError | undefined {
    const s = this.s;
    const num = /^(\d+)(?:~(\d+))?/.exec(s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return num[2] !== undefined ? { kind: "step", first: Number(num[1]), step: Number(num[2]) } : { kind: "line", n: Number(num[1]) };
    }
    if (s[this.i] === "$") {
      this.i++;
      return { kind: "last" };
    }
    if (s[this.i] === "/" || s[this.i] === "\\") {
      const delim = s[this.i] === "\\" ? s[this.i + 1] : "/";
      this.i += s[this.i] === "\\" ? 2 : 1;
      const src = this.delimited(delim);
      if (src === undefined) return this.fail("unterminated address regex", "unmatched", delim);
      let flags = "";
      while (s[this.i] === "I" || s[this.i] === "M") flags += s[this.i++] === "I" ? "i" : "m";
      const re = this.regex(src, flags);
      if (re && "error" in re) return re;
      return { kind: "re", re };
    }
    return undefined;
  }

  /** Text argument of a/i/c: `a\` newline text, or GNU's one-liner `a text`. */
  text(): string {
    const s = this.s;
    this.skipSpace();
    if (s[this.i] === "\\") {
      this.i++;
      if (s[this.i] === "\n") this.i++;
    }
    let out = "";
    while (this.i < s.length && s[this.i] !== "\n") {
      if (s[this.i] === "\\" && this.i + 1 < s.length) {
        this.i++;
        out += s[this.i] === "n" ? "\n" : s[this.i] === "t" ? "\t" : s[this.i];
      } else out += s[this.i];
      this.i++;
    }
    return out;
  }

  parse(): SedParse {
    const s = this.s;
    const commands: SedCommand[] = [];
    const open: number[] = [];
    while (this.i < s.length) {
      while (this.i < s.length && /[\s;]/.test(s[this.i])) this.i++;
      if (this.i >= s.length) break;
      if (s[this.i] === "#") {
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
        continue;
      }
      const cmd: SedCommand = { negate: false, name: "" };
      const a1 = this.address();
      if (a1 && "error" in a1) return a1;
      cmd.a1 = a1;
      if (a1 && s[this.i] === ",") {
        this.i++;
        const plus = /^\+(\d+)/.exec(s.slice(this.i));
        if (plus) {
          this.i += plus[0].length;
          cmd.a2 = { kind: "plus", n: Number(plus[1]) };
        } else {
          const a2 = this.address();
          if (!a2) return this.fail("unexpected `,'", "comma");
          if ("error" in a2) return a2;
          cmd.a2 = a2;
        }
      }
      this.skipSpace();
      while (s[this.i] === "!") {
        cmd.negate = true;
        this.i++;
        this.skipSpace();
      }
      const name = s[this.i++];
      if (name === undefined) return this.fail("missing command", "missing-command");
      cmd.name = name;
      switch (name) {
        case "{":
          open.push(commands.length);
          break;
        case "}": {
          const start = open.pop();
          if (start === undefined) return this.fail("unexpected `}'", "stray-brace", "}");
          commands[start].blockEnd = commands.length;
          break;
        }
        case "s": {
          const err = this.substitute(cmd);
          if (err) return err;
          break;
        }
        case "y": {
          const delim = s[this.i++];
          const from = this.delimited(delim);
          const to = from === undefined ? undefined : this.delimited(delim);
          if (from === undefined || to === undefined) return this.fail("unterminated `y' command", "unmatched", delim);
          const unesc = (t: string) => t.replace(/\\n/g, "\n").replace(/\\\\/g, "\\");
          if ([...unesc(from)].length !== [...unesc(to)].length) return this.fail("strings for `y' command are different lengths", "y-lengths", "y");
          cmd.text = unesc(from);
          cmd.to = unesc(to);
          break;
        }
        case "a":
        case "i":
        case "c":
          cmd.text = this.text();
          break;
        case "q":
        case "Q": {
          this.skipSpace();
          const m = /^\d+/.exec(s.slice(this.i));
          if (m) this.i += m[0].length;
          cmd.code = m ? Number(m[0]) : 0;
          break;
        }
        case "p":
        case "P":
        case "d":
        case "D":
        case "=":
        case "n":
        case "N":
        case "h":
        case "H":
        case "g":
        case "G":
        case "x":
        case "l":
          break;
        default:
          return this.fail(`unknown command: \`${name}'`, "unknown-command", name);
      }
      commands.push(cmd);
      this.skipSpace();
      if (this.i < s.length && !/[;\n}#]/.test(s[this.i]) && name !== "{" && name !== "}") return this.fail(`extra characters after command`, "extra-chars", s[this.i]);
    }
    if (open.length) return this.fail("unmatched `{'", "unmatched-brace");
    return { commands };
  }

  private substitute(cmd: SedCommand): SedError | undefined {
    const s = this.s;
    const delim = s[this.i++];
    if (delim === undefined || delim === "\n" || delim === "\\") return this.fail("unterminated `s' command", "bad-s");
    const src = this.delimited(delim);
    const rep = src === undefined ? undefined : this.delimited(delim);
    if (src === undefined || rep === undefined) return this.fail("unterminated `s' command", "unmatched", delim);
    let flags = "";
    cmd.global = false;
    while (this.i < s.length && /[gpiImMe0-9w]/.test(s[this.i])) {
      const f = s[this.i++];
      if (f === "g") cmd.global = true;
      else if (f === "p") cmd.print = true;
      else if (f === "i" || f === "I") flags += "i";
      else if (f === "m" || f === "M") flags += "m";
      else if (/[0-9]/.test(f)) {
        const m = /^\d*/.exec(s.slice(this.i));
        cmd.nth = Number(f + (m ? m[0] : ""));
        this.i += m ? m[0].length : 0;
      } else if (f === "w") return this.fail("the `w' flag is not supported here", "s-option");
    }
    if (this.i < s.length && !/[\s;}#]/.test(s[this.i])) return this.fail("unknown option to `s'", "s-option");
    const re = this.regex(src, flags);
    if (re && "error" in re) return re;
    cmd.re = re;
    cmd.replacement = rep;
    return undefined;
  }
}

export function parseSed(script: string, extended: boolean, exprNo = 1): SedParse {
  return new Parser(script, extended, exprNo).parse();
}
