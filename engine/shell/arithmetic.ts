import { parse, type ArithmeticExpression, type WordPart } from "unbash";

/** What arithmetic needs from the shell: variables, and expansion of `$x`/`$(...)` inside words. */
export interface ArithEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  expandParts(parts: readonly WordPart[]): Promise<string>;
}

export type ArithResult = { value: number } | { error: string };

const MAX_RECURSION = 32;

/** Parses arithmetic source text (what sits between `$((` and `))`). */
export function parseArithmetic(text: string): ArithmeticExpression | undefined {
  const cmd = parse(`: $((${text}))`).commands[0]?.command;
  const word = cmd?.type === "Command" ? cmd.suffix[0] : undefined;
  const part = word?.type === "Word" ? word.parts?.[0] : undefined;
  return part?.type === "ArithmeticExpansion" ? part.expression : undefined;
}

/** Evaluates arithmetic given as text, e.g. an array subscript or `${x:1:2}` offsets. */
export async function evaluateArithmeticText(text: string, env: ArithEnv): Promise<ArithResult> {
  return evaluateArithmetic(parseArithmetic(text), text, env);
}

/** Evaluates `$(( ))` / `(( ))`; `text` is the source between the parentheses, used in error messages. */
export async function evaluateArithmetic(expr: ArithmeticExpression | undefined, text: string, env: ArithEnv): Promise<ArithResult> {
  const ev = new Evaluator(env, text.trim(), 0);
  if (!expr) return text.trim() === "" ? { value: 0 } : { error: `bash: ${text.trim()}: syntax error in expression` };
  const value = await ev.eval(expr);
  return ev.error ? { error: ev.error } : { value };
}

function toInt(n: number): number {
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

class Evaluator {
  error: string | undefined;

  constructor(
    private readonly env: ArithEnv,
    private readonly text: string,
    private readonly depth: number,
  ) {}

  private fail(msg: string): number {
    this.error ??= `bash: ${this.text}: ${msg}`;
    return 0;
  }

  async eval(e: ArithmeticExpression): Promise<number> {
    if (this.error) return 0;
    switch (e.type) {
      case "ArithmeticGroup":
        return this.eval(e.expression);
      case "ArithmeticTernary":
        return (await this.eval(e.test)) !== 0 ? this.eval(e.consequent) : this.eval(e.alternate);
      case "ArithmeticUnary":
        return this.unary(e.operator, e.operand, e.prefix);
      case "ArithmeticBinary":
        return this.binary(e.operator, e.left, e.right);
      case "ArithmeticCommandExpansion":
        return this.fromString(await this.env.expandParts([{ type: "CommandExpansion", pos: e.pos, end: e.end, text: e.text, script: e.script }]));
      case "ArithmeticWord":
        if (e.value === "" && !e.parts) return this.fail(`syntax error: operand expected (error token is "${this.text.slice(-1)}")`);
        return this.fromString(e.parts ? await this.env.expandParts(e.parts) : e.value);
    }
  }

  private async unary(op: string, operand: ArithmeticExpression, prefix: boolean): Promise<number> {
    if (op === "++" || op === "--") {
      const name = this.lvalue(operand);
      if (name === undefined) return this.fail(`syntax error: operand expected (error token is "${op}")`);
      const old = await this.fromString(name);
      const next = op === "++" ? old + 1 : old - 1;
      this.env.setVar(name, String(next));
      return prefix ? next : old;
    }
    const v = await this.eval(operand);
    switch (op) {
      case "-":
        return -v;
      case "+":
        return v;
      case "!":
        return v === 0 ? 1 : 0;
      case "~":
        return ~v;
      default:
        return this.fail(`syntax error: operand expected (error token is "${op}")`);
    }
  }

  private lvalue(e: ArithmeticExpression): string | undefined {
    if (e.type !== "ArithmeticWord" || e.parts) return undefined;
    const name = e.value.replace(/\[.*\]$/, "");
    return /^[A-Za-z_]\w*$/.test(name) ? name : undefined;
  }

  private async binary(op: string, left: ArithmeticExpression, right: ArithmeticExpression): Promise<number> {
    if (op === "&&") return (await this.eval(left)) !== 0 && (await this.eval(right)) !== 0 ? 1 : 0;
    if (op === "||") return (await this.eval(left)) !== 0 || (await this.eval(right)) !== 0 ? 1 : 0;
    if (op === ",") {
      await this.eval(left);
      return this.eval(right);
    }
    if (op.endsWith("=") && !["==", "!=", "<=", ">="].includes(op)) {
      const name = this.lvalue(left);
      if (name === undefined) return this.fail(`attempted assignment to non-variable (error token is "${op}")`);
      const r = await this.eval(right);
      const v = op === "=" ? r : this.apply(op.slice(0, -1), await this.fromString(name), r);
      if (!this.error) this.env.setVar(name, String(v));
      return v;
    }
    const l = await this.eval(left);
    const r = await this.eval(right);
    return this.apply(op, l, r);
  }

  private apply(op: string, l: number, r: number): number {
    switch (op) {
      case "+":
        return l + r;
      case "-":
        return l - r;
      case "*":
        return l * r;
      case "/":
      case "%":
        if (r === 0) return this.fail(`division by 0 (error token is "${this.text.split(op).pop()?.trim() ?? ""}")`);
        return op === "/" ? toInt(l / r) : l % r;
      case "**":
        if (r < 0) return this.fail(`exponent less than 0 (error token is "${r}")`);
        return toInt(l ** r);
      case "<<":
        return l << r;
      case ">>":
        return l >> r;
      case "&":
        return l & r;
      case "|":
        return l | r;
      case "^":
        return l ^ r;
      case "<":
        return l < r ? 1 : 0;
      case ">":
        return l > r ? 1 : 0;
      case "<=":
        return l <= r ? 1 : 0;
      case ">=":
        return l >= r ? 1 : 0;
      case "==":
        return l === r ? 1 : 0;
      case "!=":
        return l !== r ? 1 : 0;
      default:
        return this.fail(`syntax error: invalid arithmetic operator (error token is "${op}")`);
    }
  }

  /** A word's text as a number: a literal in any base, a variable name, or `$name`. */
  private async fromString(raw: string): Promise<number> {
    const s = raw.trim();
    if (s === "") return 0;
    if (/^[1-9][0-9]*$|^0$/.test(s)) return Number(s);
    if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^0[0-7]+$/.test(s)) return parseInt(s, 8);
    const based = /^([0-9]+)#([0-9a-zA-Z@_]+)$/.exec(s);
    if (based) {
      const n = parseInt(based[2], Number(based[1]));
      return Number.isNaN(n) ? this.fail(`value too great for base (error token is "${s}")`) : n;
    }
    if (/^[0-9]/.test(s)) return this.fail(`value too great for base (error token is "${s}")`);
    const ref = /^\$\{?([A-Za-z_]\w*|[0-9?#$!])\}?$/.exec(s);
    const name = ref ? ref[1] : /^[A-Za-z_]\w*(\[[^\]]*\])?$/.test(s) ? s.replace(/\[.*$/, "") : undefined;
    if (name === undefined) return this.nested(s);
    return this.nested(this.env.getVar(name) ?? "");
  }

  /** A variable's value is itself an expression, as in bash (`a=b; b=3; echo $((a))` prints 3). */
  private async nested(s: string): Promise<number> {
    const t = s.trim();
    if (t === "") return 0;
    if (/^-?[0-9]+$/.test(t)) return Number(t);
    if (this.depth >= MAX_RECURSION) return this.fail(`expression recursion level exceeded (error token is "${t}")`);
    const ast = parse(`$((${t}))`);
    const part = ast.commands[0]?.command;
    const word = part?.type === "Command" ? part.name?.parts?.[0] : undefined;
    if (ast.errors?.length || word?.type !== "ArithmeticExpansion" || !word.expression) {
      return this.fail(`syntax error in expression (error token is "${t}")`);
    }
    const inner = new Evaluator(this.env, t, this.depth + 1);
    const v = await inner.eval(word.expression);
    if (inner.error) this.error ??= inner.error;
    return v;
  }
}
