import type { TestExpression } from "unbash";
import type { Expander } from "./expand";
import { matchPattern } from "./pattern";
import { compilePosix } from "./posix-regex";
import type { Vfs } from "./vfs";

/** Exit status of a test (0 true, 1 false, 2 error) and the error text, if any. */
export interface TestResult {
  status: number;
  error?: string;
}

const UNARY = new Set(["-e", "-a", "-f", "-d", "-s", "-r", "-w", "-x", "-L", "-h", "-z", "-n", "-t", "-p", "-S", "-b", "-c", "-g", "-u", "-k", "-O", "-G", "-N"]);
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

class TestError {
  constructor(readonly message: string) {}
}

function unary(op: string, arg: string, fs: Vfs, cwd: string): boolean {
  if (op === "-z") return arg === "";
  if (op === "-n") return arg !== "";
  if (op === "-t") return false;
  const st = arg === "" ? undefined : fs.stat(fs.resolve(cwd, arg));
  switch (op) {
    case "-e":
    case "-a":
    case "-r":
    case "-w":
    case "-O":
    case "-G":
      return st !== undefined;
    case "-f":
      return st?.type === "file";
    case "-d":
      return st?.type === "dir";
    case "-s":
      return (st?.size ?? 0) > 0;
    case "-x":
      return st !== undefined && (st.type === "dir" || (st.mode & 0o111) !== 0);
    case "-g":
      return ((st?.mode ?? 0) & 0o2000) !== 0;
    case "-u":
      return ((st?.mode ?? 0) & 0o4000) !== 0;
    case "-k":
      return ((st?.mode ?? 0) & 0o1000) !== 0;
    default:
      return false;
  }
}

function integer(s: string, name: string): number | TestError {
  const t = s.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) return new TestError(`bash: ${name}: ${s}: integer expression expected`);
  return Number(t);
}

function binary(op: string, l: string, r: string, fs: Vfs, cwd: string, name: string): boolean | TestError {
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
    case "-nt":
    case "-ot": {
      const a = fs.stat(fs.resolve(cwd, l))?.mtime;
      const b = fs.stat(fs.resolve(cwd, r))?.mtime;
      if (op === "-nt") return a !== undefined && (b === undefined || a > b);
      return b !== undefined && (a === undefined || a < b);
    }
    case "-ef":
      return fs.resolve(cwd, l) === fs.resolve(cwd, r) && fs.stat(fs.resolve(cwd, l)) !== undefined;
  }
  const a = integer(l, name);
  if (a instanceof TestError) return a;
  const b = integer(r, name);
  if (b instanceof TestError) return b;
  switch (op) {
    case "-eq":
      return a === b;
    case "-ne":
      return a !== b;
    case "-lt":
      return a < b;
    case "-le":
      return a <= b;
    case "-gt":
      return a > b;
    default:
      return a >= b;
  }
}

/** `test` and `[`: POSIX argument-count rules first, then -a/-o/!/( ) precedence. */
export function evalTestArgs(argv: string[], fs: Vfs, cwd: string): TestResult {
  const name = argv[0];
  let args = argv.slice(1);
  if (name === "[") {
    if (args[args.length - 1] !== "]") return { status: 2, error: "bash: [: missing `]'" };
    args = args.slice(0, -1);
  }
  const r = evalArgs(args, fs, cwd, name);
  if (r instanceof TestError) return { status: 2, error: r.message };
  return { status: r ? 0 : 1 };
}

function evalArgs(args: string[], fs: Vfs, cwd: string, name: string): boolean | TestError {
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== "";
    case 2:
      if (args[0] === "!") return args[1] === "";
      if (UNARY.has(args[0])) return unary(args[0], args[1], fs, cwd);
      return new TestError(`bash: ${name}: ${args[0]}: unary operator expected`);
    case 3:
      if (BINARY.has(args[1])) return binary(args[1], args[0], args[2], fs, cwd, name);
      if (args[0] === "!") return negate(evalArgs(args.slice(1), fs, cwd, name));
      if (args[0] === "(" && args[2] === ")") return args[1] !== "";
      if (args[1] !== "-a" && args[1] !== "-o") return new TestError(`bash: ${name}: ${args[1]}: binary operator expected`);
      break;
    case 4:
      if (args[0] === "!") return negate(evalArgs(args.slice(1), fs, cwd, name));
      if (args[0] === "(" && args[3] === ")") return evalArgs(args.slice(1, 3), fs, cwd, name);
      break;
  }
  return new ArgParser(args, fs, cwd, name).parse();
}

function negate(v: boolean | TestError): boolean | TestError {
  return v instanceof TestError ? v : !v;
}

class ArgParser {
  private i = 0;

  constructor(
    private readonly args: string[],
    private readonly fs: Vfs,
    private readonly cwd: string,
    private readonly name: string,
  ) {}

  parse(): boolean | TestError {
    const v = this.or();
    if (v instanceof TestError) return v;
    if (this.i < this.args.length) return new TestError(`bash: ${this.name}: too many arguments`);
    return v;
  }

  private or(): boolean | TestError {
    let v = this.and();
    while (!(v instanceof TestError) && this.args[this.i] === "-o") {
      this.i++;
      const r = this.and();
      v = r instanceof TestError ? r : v || r;
    }
    return v;
  }

  private and(): boolean | TestError {
    let v = this.not();
    while (!(v instanceof TestError) && this.args[this.i] === "-a") {
      this.i++;
      const r = this.not();
      v = r instanceof TestError ? r : v && r;
    }
    return v;
  }

  private not(): boolean | TestError {
    if (this.args[this.i] === "!") {
      this.i++;
      return negate(this.not());
    }
    return this.primary();
  }

  private primary(): boolean | TestError {
    const a = this.args;
    const t = a[this.i];
    if (t === undefined) return new TestError(`bash: ${this.name}: argument expected`);
    if (t === "(") {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ")") return new TestError(`bash: ${this.name}: \`)' expected`);
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? "") && this.i + 2 < a.length) {
      this.i += 3;
      return binary(a[this.i - 2], t, a[this.i - 1], this.fs, this.cwd, this.name);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return unary(t, a[this.i - 1], this.fs, this.cwd);
    }
    this.i++;
    return t !== "";
  }
}

/** `[[ ... ]]`: words are expanded without splitting; `==` matches patterns, `=~` POSIX EREs. */
export async function evalConditional(expr: TestExpression, exp: Expander, fs: Vfs, cwd: string): Promise<TestResult> {
  const r = await evalCond(expr, exp, fs, cwd);
  if (r instanceof TestError) return { status: r.message.includes("syntax error") ? 2 : 1, error: r.message };
  return { status: r ? 0 : 1 };
}

async function evalCond(e: TestExpression, exp: Expander, fs: Vfs, cwd: string): Promise<boolean | TestError> {
  switch (e.type) {
    case "TestGroup":
      return evalCond(e.expression, exp, fs, cwd);
    case "TestNot": {
      const v = await evalCond(e.operand, exp, fs, cwd);
      return v instanceof TestError || e.negations.length % 2 === 0 ? v : !v;
    }
    case "TestLogical": {
      let v: boolean | TestError = e.operator === "&&";
      for (const op of e.operands) {
        if (e.operator === "&&" && v === false) break;
        if (e.operator === "||" && v === true) break;
        v = await evalCond(op, exp, fs, cwd);
        if (v instanceof TestError) return v;
      }
      return v;
    }
    case "TestUnary":
      return unary(e.operator, await exp.string(e.operand), fs, cwd);
    case "TestBinary": {
      const left = await exp.string(e.left);
      if (e.operator === "==" || e.operator === "=" || e.operator === "!=") {
        const m = matchPattern(await exp.pattern(e.right), left);
        return e.operator === "!=" ? !m : m;
      }
      if (e.operator === "=~") {
        const re = compilePosix(await exp.string(e.right), true);
        if ("error" in re) return new TestError(`bash: syntax error in conditional expression: ${re.error}`);
        return re.test(left);
      }
      const right = await exp.string(e.right);
      const v = binary(e.operator, left, right, fs, cwd, "[[");
      if (v instanceof TestError) return /^-?\d+$/.test(left) || !/^[A-Za-z_]\w*$/.test(left) ? v : binary(e.operator, "0", right, fs, cwd, "[[");
      return v;
    }
  }
}
