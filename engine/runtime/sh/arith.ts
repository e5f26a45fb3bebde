/** `$(( ))` for container shells: integer arithmetic over unbash's expression tree. */
import type { ArithmeticExpression, Script, WordPart } from "unbash";

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  substitute(script: Script | undefined, text: string): string;
}

export type ArithResult = { value: number } | { error: string };

const NAME = /^[A-Za-z_]\w*$/;

export function evaluate(expr: ArithmeticExpression | undefined, text: string, env: ArithEnv): ArithResult {
  if (!expr) return text.trim() === "" ? { value: 0 } : { error: `arithmetic syntax error: "${text.trim()}"` };
  const ctx = { env, error: undefined as string | undefined, text: text.trim() };
  const value = run(expr, ctx, 0);
  return ctx.error ? { error: ctx.error } : { value };
}

interface Ctx {
  env: ArithEnv;
  error: string | undefined;
  text: string;
}

function fail(ctx: Ctx, msg: string): number {
  ctx.error ??= `arithmetic syntax error: ${msg}`;
  return 0;
}

function run(e: ArithmeticExpression, ctx: Ctx, depth: number): number {
  if (ctx.error || depth > 64) return 0;
  switch (e.type) {
    case "ArithmeticGroup":
      return run(e.expression, ctx, depth + 1);
    case "ArithmeticTernary":
      return run(e.test, ctx, depth + 1) !== 0 ? run(e.consequent, ctx, depth + 1) : run(e.alternate, ctx, depth + 1);
    case "ArithmeticUnary":
      return unary(e.operator, e.operand, e.prefix, ctx, depth);
    case "ArithmeticBinary":
      return binary(e.operator, e.left, e.right, ctx, depth);
    case "ArithmeticCommandExpansion":
      return number(ctx.env.substitute(e.script, e.text), ctx);
    case "ArithmeticWord":
      return number(e.parts ? wordText(e.parts, ctx) : e.value, ctx);
  }
}

function wordText(parts: readonly WordPart[], ctx: Ctx): string {
  return parts
    .map((p) => {
      if (p.type === "SimpleExpansion") return ctx.env.get(p.text.slice(1)) ?? "";
      if (p.type === "ParameterExpansion") return ctx.env.get(p.parameter) ?? "";
      if (p.type === "CommandExpansion") return ctx.env.substitute(p.script, p.text).trim();
      return "value" in p ? p.value : p.text;
    })
    .join("");
}

function number(raw: string, ctx: Ctx): number {
  const s = raw.trim();
  if (s === "") return 0;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (NAME.test(s)) {
    const v = (ctx.env.get(s) ?? "").trim();
    return /^-?\d+$/.test(v) ? Number(v) : v === "" ? 0 : fail(ctx, `"${v}"`);
  }
  return fail(ctx, `"${s}"`);
}

function unary(op: string, operand: ArithmeticExpression, prefix: boolean, ctx: Ctx, depth: number): number {
  if (op === "++" || op === "--") {
    const name = operand.type === "ArithmeticWord" && NAME.test(operand.value) ? operand.value : undefined;
    if (!name) return fail(ctx, `"${op}"`);
    const old = number(name, ctx);
    const next = op === "++" ? old + 1 : old - 1;
    ctx.env.set(name, String(next));
    return prefix ? next : old;
  }
  const v = run(operand, ctx, depth + 1);
  if (op === "-") return -v;
  if (op === "+") return v;
  if (op === "!") return v === 0 ? 1 : 0;
  if (op === "~") return ~v;
  return fail(ctx, `"${op}"`);
}

function binary(op: string, left: ArithmeticExpression, right: ArithmeticExpression, ctx: Ctx, depth: number): number {
  if (op === "&&") return run(left, ctx, depth + 1) !== 0 && run(right, ctx, depth + 1) !== 0 ? 1 : 0;
  if (op === "||") return run(left, ctx, depth + 1) !== 0 || run(right, ctx, depth + 1) !== 0 ? 1 : 0;
  if (op === ",") {
    run(left, ctx, depth + 1);
    return run(right, ctx, depth + 1);
  }
  if (op.endsWith("=") && !["==", "!=", "<=", ">="].includes(op)) {
    const name = left.type === "ArithmeticWord" && NAME.test(left.value) ? left.value : undefined;
    if (!name) return fail(ctx, `"${op}"`);
    const r = run(right, ctx, depth + 1);
    const v = op === "=" ? r : apply(op.slice(0, -1), number(name, ctx), r, ctx);
    if (!ctx.error) ctx.env.set(name, String(v));
    return v;
  }
  return apply(op, run(left, ctx, depth + 1), run(right, ctx, depth + 1), ctx);
}

function apply(op: string, l: number, r: number, ctx: Ctx): number {
  switch (op) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
    case "%":
      if (r === 0) {
        ctx.error ??= "divide by zero";
        return 0;
      }
      return op === "/" ? Math.trunc(l / r) : l % r;
    case "**":
      return Math.trunc(l ** r);
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
      return fail(ctx, `"${op}"`);
  }
}
