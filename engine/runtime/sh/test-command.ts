/** `test` / `[` over argument strings, and `[[ ]]` over unbash's test expression tree. */
import type { TestExpression, Word } from "unbash";
import { matchPattern } from "../../shell/pattern";
import type { FileSystem } from "../fs/container-fs";
import { resolvePath } from "../../shell/vfs-path";

export type TestOutcome = { status: 0 | 1 } | { status: 2; error: TestError };

/** Errors a shell words in its own way: the operand it choked on. */
export type TestError = { kind: "missing-bracket" } | { kind: "bad-number"; arg: string } | { kind: "unexpected"; arg: string };

const UNARY = new Set(["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-p", "-S", "-b", "-c", "-t"]);
const BINARY = new Set(["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot"]);

class Fail {
  constructor(readonly error: TestError) {}
}

function fileTest(op: string, arg: string, fs: FileSystem, cwd: string): boolean {
  if (op === "-z") return arg === "";
  if (op === "-n") return arg !== "";
  if (op === "-t") return false;
  const st = arg === "" ? undefined : fs.stat(resolvePath(cwd, arg));
  switch (op) {
    case "-e":
    case "-r":
    case "-w":
      return st !== undefined;
    case "-f":
      return st?.type === "file";
    case "-d":
      return st?.type === "dir";
    case "-s":
      return (st?.size ?? 0) > 0;
    case "-x":
      return st !== undefined && (st.type === "dir" || (st.mode & 0o111) !== 0);
    default:
      return false;
  }
}

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new Fail({ kind: "bad-number", arg: s });
  return Number(t);
}

function compare(op: string, l: string, r: string): boolean {
  switch (op) {
    case "=":
    case "==":
      return l === r;
    case "!=":
      return l !== r;
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "-eq":
      return integer(l) === integer(r);
    case "-ne":
      return integer(l) !== integer(r);
    case "-lt":
      return integer(l) < integer(r);
    case "-le":
      return integer(l) <= integer(r);
    case "-gt":
      return integer(l) > integer(r);
    case "-ge":
      return integer(l) >= integer(r);
    default:
      return false;
  }
}

/** Runs `test ARGS` (or `[ ARGS ]` when `bracket`). */
export function runTest(args: readonly string[], bracket: boolean, fs: FileSystem, cwd: string, doubleEquals = true): TestOutcome {
  let a = [...args];
  if (bracket) {
    if (a[a.length - 1] !== "]") return { status: 2, error: { kind: "missing-bracket" } };
    a = a.slice(0, -1);
  }
  try {
    const p = new Parser(a, fs, cwd, doubleEquals);
    const v = a.length === 0 ? false : p.expr();
    if (p.pos < a.length) throw new Fail({ kind: "unexpected", arg: a[p.pos] });
    return { status: v ? 0 : 1 };
  } catch (e) {
    if (e instanceof Fail) return { status: 2, error: e.error };
    throw e;
  }
}

class Parser {
  pos = 0;

  constructor(
    private readonly a: string[],
    private readonly fs: FileSystem,
    private readonly cwd: string,
    private readonly doubleEquals: boolean,
  ) {}

  expr(): boolean {
    let v = this.and();
    while (this.a[this.pos] === "-o") {
      this.pos++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.a[this.pos] === "-a") {
      this.pos++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.a[this.pos] === "!" && this.pos + 1 < this.a.length) {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.pos];
    if (t === undefined) throw new Fail({ kind: "unexpected", arg: a[this.pos - 1] ?? "" });
    if (t === "(" && a.length - this.pos >= 3) {
      this.pos++;
      const v = this.expr();
      if (a[this.pos] !== ")") throw new Fail({ kind: "unexpected", arg: a[this.pos] ?? "(" });
      this.pos++;
      return v;
    }
    const op = a[this.pos + 1] ?? "";
    if (BINARY.has(op) && (op !== "==" || this.doubleEquals) && this.pos + 2 < a.length) {
      this.pos += 3;
      return compare(a[this.pos - 2], t, a[this.pos - 1]);
    }
    if (UNARY.has(t) && this.pos + 1 < a.length) {
      this.pos += 2;
      return fileTest(t, a[this.pos - 1], this.fs, this.cwd);
    }
    this.pos++;
    return t !== "";
  }
}

/** `[[ ... ]]`: operands arrive expanded; the right side of `==`/`!=` is a pattern. */
export function runDoubleBracket(e: TestExpression, word: (w: Word, pattern: boolean) => string, fs: FileSystem, cwd: string): TestOutcome {
  try {
    return { status: evalBracket(e, word, fs, cwd) ? 0 : 1 };
  } catch (err) {
    if (err instanceof Fail) return { status: 2, error: err.error };
    throw err;
  }
}

function evalBracket(e: TestExpression, word: (w: Word, pattern: boolean) => string, fs: FileSystem, cwd: string): boolean {
  switch (e.type) {
    case "TestUnary":
      return fileTest(e.operator, word(e.operand, false), fs, cwd);
    case "TestBinary": {
      const l = word(e.left, false);
      if (e.operator === "==" || e.operator === "=" || e.operator === "!=") {
        const m = matchPattern(word(e.right, true), l);
        return e.operator === "!=" ? !m : m;
      }
      if (e.operator === "=~") return new RegExp(word(e.right, false)).test(l);
      return compare(e.operator, l, word(e.right, false));
    }
    case "TestLogical":
      return e.operator === "&&" ? e.operands.every((o) => evalBracket(o, word, fs, cwd)) : e.operands.some((o) => evalBracket(o, word, fs, cwd));
    case "TestNot":
      return e.negations.length % 2 === 1 ? !evalBracket(e.operand, word, fs, cwd) : evalBracket(e.operand, word, fs, cwd);
    case "TestGroup":
      return evalBracket(e.expression, word, fs, cwd);
  }
}
