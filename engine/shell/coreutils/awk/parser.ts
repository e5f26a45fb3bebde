import type { Tok } from "./lexer";

/** The awk AST. */
export type Expr =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "regex"; v: string }
  | { t: "field"; e: Expr }
  | { t: "var"; name: string }
  | { t: "index"; name: string; subs: Expr[] }
  | { t: "assign"; op: string; target: Expr; e: Expr }
  | { t: "cond"; c: Expr; a: Expr; b: Expr }
  | { t: "bin"; op: string; l: Expr; r: Expr }
  | { t: "unary"; op: string; e: Expr }
  | { t: "incdec"; op: string; prefix: boolean; target: Expr }
  | { t: "match"; negate: boolean; l: Expr; r: Expr }
  | { t: "in"; subs: Expr[]; name: string }
  | { t: "call"; name: string; args: Expr[]; builtin: boolean }
  | { t: "concat"; l: Expr; r: Expr }
  | { t: "group"; e: Expr };

export type Stmt =
  | { t: "print"; args: Expr[]; redirect?: { op: string; target: Expr } }
  | { t: "printf"; args: Expr[]; redirect?: { op: string; target: Expr } }
  | { t: "expr"; e: Expr }
  | { t: "if"; c: Expr; then: Stmt; else?: Stmt }
  | { t: "while"; c: Expr; body: Stmt }
  | { t: "do"; body: Stmt; c: Expr }
  | { t: "for"; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { t: "forin"; v: string; arr: string; body: Stmt }
  | { t: "block"; body: Stmt[] }
  | { t: "next" }
  | { t: "exit"; e?: Expr }
  | { t: "break" }
  | { t: "continue" }
  | { t: "return"; e?: Expr }
  | { t: "delete"; name: string; subs?: Expr[] }
  | { t: "getline" };

export interface Rule {
  pattern?: Expr;
  range?: [Expr, Expr];
  body?: Stmt[];
}

export interface AwkProgram {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  funcs: Map<string, { params: string[]; body: Stmt[] }>;
}

export class AwkSyntaxError {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

const CONCAT_START = new Set(["num", "str", "regex", "name", "funcname", "builtin"]);

export class Parser {
  private i = 0;
  /** Inside print's argument list, `>` redirects instead of comparing. */
  private noGt = 0;
  private noIn = 0;
  private braces = 0;

  constructor(private readonly toks: Tok[]) {}

  private get tok(): Tok {
    return this.toks[this.i];
  }

  private is(value: string): boolean {
    const t = this.tok;
    return (t.kind === "op" || t.kind === "keyword") && t.value === value;
  }

  private eat(value: string): boolean {
    if (!this.is(value)) return false;
    this.i++;
    return true;
  }

  private fail(): never {
    const t = this.tok;
    if (t.kind === "op" && (t.value === ")" || t.value === "}")) throw new AwkSyntaxError(`extra '${t.value}'`, t.pos);
    if (t.kind === "eof" && this.braces > 0) throw new AwkSyntaxError("missing } near end of file", Infinity);
    throw new AwkSyntaxError(`syntax error at or near ${t.kind === "newline" ? "end of line" : t.value}`, t.pos);
  }

  private expect(value: string): void {
    if (!this.eat(value)) this.fail();
  }

  private newlines(): void {
    while (this.tok.kind === "newline") this.i++;
  }

  private terminators(): void {
    while (this.tok.kind === "newline" || this.is(";")) this.i++;
  }

  program(): AwkProgram {
    const prog: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };
    this.terminators();
    while (this.tok.kind !== "eof") {
      if (this.eat("BEGIN")) {
        this.newlines();
        prog.begin.push(this.block());
      } else if (this.eat("END")) {
        this.newlines();
        prog.end.push(this.block());
      } else if (this.is("function") || this.is("func")) {
        this.i++;
        const name = this.tok.value;
        if (this.tok.kind !== "funcname" && this.tok.kind !== "name") this.fail();
        this.i++;
        this.expect("(");
        const params: string[] = [];
        while (!this.is(")")) {
          if (this.tok.kind !== "name") this.fail();
          params.push(this.tok.value);
          this.i++;
          this.newlines();
          if (!this.eat(",")) break;
          this.newlines();
        }
        this.expect(")");
        this.newlines();
        prog.funcs.set(name, { params, body: this.block() });
      } else {
        const rule: Rule = {};
        if (!this.is("{")) {
          const p = this.expr();
          if (this.eat(",")) {
            this.newlines();
            rule.range = [p, this.expr()];
          } else rule.pattern = p;
        }
        if (this.is("{")) rule.body = this.block();
        prog.rules.push(rule);
      }
      this.terminators();
    }
    return prog;
  }

  private block(): Stmt[] {
    this.expect("{");
    this.braces++;
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is("}")) {
      if (this.tok.kind === "eof") this.fail();
      body.push(this.statement());
      this.terminators();
    }
    this.i++;
    this.braces--;
    return body;
  }

  private simpleEnd(): void {
    if (this.is(";") || this.tok.kind === "newline") {
      this.i++;
      return;
    }
    if (this.is("}") || this.tok.kind === "eof") return;
    this.fail();
  }

  private body(): Stmt {
    this.newlines();
    if (this.eat(";")) return { t: "block", body: [] };
    return this.statement();
  }

  private statement(): Stmt {
    const t = this.tok;
    if (this.is("{")) return { t: "block", body: this.block() };
    if (t.kind === "keyword") {
      switch (t.value) {
        case "if": {
          this.i++;
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          const then = this.body();
          const save = this.i;
          this.terminators();
          if (this.eat("else")) return { t: "if", c, then, else: this.body() };
          this.i = save;
          return { t: "if", c, then };
        }
        case "while": {
          this.i++;
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          if (this.is(";")) {
            this.i++;
            return { t: "while", c, body: { t: "block", body: [] } };
          }
          return { t: "while", c, body: this.body() };
        }
        case "do": {
          this.i++;
          const body = this.body();
          this.terminators();
          this.expect("while");
          this.expect("(");
          const c = this.expr();
          this.expect(")");
          this.simpleEnd();
          return { t: "do", body, c };
        }
        case "for":
          return this.forStatement();
        case "next":
        case "nextfile":
        case "break":
        case "continue":
        case "getline":
          this.i++;
          this.simpleEnd();
          return { t: t.value === "nextfile" ? "next" : (t.value as "next" | "break" | "continue" | "getline") };
        case "exit":
        case "return": {
          this.i++;
          const e = this.is(";") || this.is("}") || this.tok.kind === "newline" || this.tok.kind === "eof" ? undefined : this.expr();
          this.simpleEnd();
          return { t: t.value, e };
        }
        case "delete": {
          this.i++;
          const name = this.tok.value;
          this.i++;
          let subs: Expr[] | undefined;
          if (this.eat("[")) {
            subs = this.exprList("]");
            this.expect("]");
          }
          this.simpleEnd();
          return { t: "delete", name, subs };
        }
        case "print":
        case "printf":
          return this.print(t.value);
      }
    }
    const e = this.expr();
    this.simpleEnd();
    return { t: "expr", e };
  }

  private forStatement(): Stmt {
    this.i++;
    this.expect("(");
    const save = this.i;
    if (this.tok.kind === "name" && this.toks[this.i + 1]?.value === "in" && this.toks[this.i + 2]?.kind === "name" && this.toks[this.i + 3]?.value === ")") {
      const v = this.tok.value;
      const arr = this.toks[this.i + 2].value;
      this.i += 4;
      return { t: "forin", v, arr, body: this.body() };
    }
    this.i = save;
    const init = this.is(";") ? undefined : this.expr();
    this.expect(";");
    this.newlines();
    const c = this.is(";") ? undefined : this.expr();
    this.expect(";");
    this.newlines();
    const step = this.is(")") ? undefined : this.expr();
    this.expect(")");
    if (this.is(";")) {
      this.i++;
      return { t: "for", init, c, step, body: { t: "block", body: [] } };
    }
    return { t: "for", init, c, step, body: this.body() };
  }

  private print(kind: "print" | "printf"): Stmt {
    this.i++;
    let args: Expr[] = [];
    this.noGt++;
    if (this.is("(")) {
      const save = this.i;
      this.i++;
      this.noGt--;
      const inner = this.exprList(")");
      this.noGt++;
      if (this.eat(")") && (this.is(";") || this.is("}") || this.is(">") || this.is(">>") || this.is("|") || this.tok.kind === "newline" || this.tok.kind === "eof")) args = inner;
      else {
        this.i = save;
        args = this.exprList();
      }
    } else if (!(this.is(";") || this.is("}") || this.tok.kind === "newline" || this.tok.kind === "eof" || this.is(">") || this.is(">>") || this.is("|"))) {
      args = this.exprList();
    }
    this.noGt--;
    let redirect: { op: string; target: Expr } | undefined;
    if (this.is(">") || this.is(">>") || this.is("|")) {
      const op = this.tok.value;
      this.i++;
      redirect = { op, target: this.concat() };
    }
    this.simpleEnd();
    return { t: kind, args, redirect };
  }

  private exprList(close?: string): Expr[] {
    const out: Expr[] = [];
    if (close && this.is(close)) return out;
    out.push(this.expr());
    while (this.eat(",")) {
      this.newlines();
      out.push(this.expr());
    }
    return out;
  }

  expr(): Expr {
    return this.ternary();
  }

  private isLvalue(e: Expr): boolean {
    return e.t === "var" || e.t === "index" || e.t === "field";
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.isLvalue(c) && this.tok.kind === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "^="].includes(this.tok.value)) {
      const op = this.tok.value;
      this.i++;
      this.newlines();
      return { t: "assign", op, target: c, e: this.ternary() };
    }
    if (!this.eat("?")) return c;
    this.newlines();
    const a = this.ternary();
    this.newlines();
    this.expect(":");
    this.newlines();
    return { t: "cond", c, a, b: this.ternary() };
  }

  private or(): Expr {
    let l = this.and();
    while (this.is("||")) {
      this.i++;
      this.newlines();
      l = { t: "bin", op: "||", l, r: this.and() };
    }
    return l;
  }

  private and(): Expr {
    let l = this.inExpr();
    while (this.is("&&")) {
      this.i++;
      this.newlines();
      l = { t: "bin", op: "&&", l, r: this.inExpr() };
    }
    return l;
  }

  private inExpr(): Expr {
    let l = this.matchExpr();
    while (this.noIn === 0 && this.is("in")) {
      this.i++;
      const name = this.tok.value;
      this.i++;
      l = { t: "in", subs: l.t === "group" && l.e.t === "concat" ? [l.e] : [l], name };
    }
    return l;
  }

  private matchExpr(): Expr {
    let l = this.compare();
    while (this.is("~") || this.is("!~")) {
      const negate = this.tok.value === "!~";
      this.i++;
      l = { t: "match", negate, l, r: this.compare() };
    }
    return l;
  }

  private compare(): Expr {
    const l = this.concat();
    const t = this.tok;
    if (t.kind === "op" && ["<", "<=", "==", "!=", ">=", ">"].includes(t.value) && !(t.value === ">" && this.noGt > 0)) {
      this.i++;
      return { t: "bin", op: t.value, l, r: this.concat() };
    }
    return l;
  }

  private concat(): Expr {
    let l = this.additive();
    for (;;) {
      const t = this.tok;
      const starts = CONCAT_START.has(t.kind) || (t.kind === "op" && ["$", "(", "++", "--"].includes(t.value));
      if (!starts) return l;
      l = { t: "concat", l, r: this.additive() };
    }
  }

  private additive(): Expr {
    let l = this.multiplicative();
    while (this.is("+") || this.is("-")) {
      const op = this.tok.value;
      this.i++;
      l = { t: "bin", op, l, r: this.multiplicative() };
    }
    return l;
  }

  private multiplicative(): Expr {
    let l = this.unary();
    while (this.is("*") || this.is("/") || this.is("%")) {
      const op = this.tok.value;
      this.i++;
      l = { t: "bin", op, l, r: this.unary() };
    }
    return l;
  }

  private unary(): Expr {
    if (this.is("!") || this.is("-") || this.is("+")) {
      const op = this.tok.value;
      this.i++;
      return { t: "unary", op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.eat("^")) return { t: "bin", op: "^", l: base, r: this.unaryPower() };
    return base;
  }

  private unaryPower(): Expr {
    if (this.is("-") || this.is("+") || this.is("!")) {
      const op = this.tok.value;
      this.i++;
      return { t: "unary", op, e: this.unaryPower() };
    }
    return this.power();
  }

  private postfix(): Expr {
    if (this.is("++") || this.is("--")) {
      const op = this.tok.value;
      this.i++;
      const target = this.postfix();
      if (!this.isLvalue(target)) this.fail();
      return { t: "incdec", op, prefix: true, target };
    }
    const e = this.primary();
    if (this.isLvalue(e) && (this.is("++") || this.is("--"))) {
      const op = this.tok.value;
      this.i++;
      return { t: "incdec", op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case "num":
        this.i++;
        return { t: "num", v: Number(t.value) };
      case "str":
        this.i++;
        return { t: "str", v: t.value };
      case "regex":
        this.i++;
        return { t: "regex", v: t.value };
      case "funcname":
      case "builtin": {
        this.i++;
        if (!this.eat("(")) {
          if (t.value === "length") return { t: "call", name: "length", args: [], builtin: true };
          this.fail();
        }
        const saveGt = this.noGt;
        const saveIn = this.noIn;
        this.noGt = 0;
        this.noIn = 0;
        const args = this.exprList(")");
        this.noGt = saveGt;
        this.noIn = saveIn;
        this.expect(")");
        return { t: "call", name: t.value, args, builtin: t.kind === "builtin" };
      }
      case "name": {
        this.i++;
        if (this.eat("[")) {
          const subs = this.exprList("]");
          this.expect("]");
          return { t: "index", name: t.value, subs };
        }
        return { t: "var", name: t.value };
      }
      case "op":
        if (t.value === "$") {
          this.i++;
          const e = this.is("++") || this.is("--") ? this.postfix() : this.is("-") ? this.unary() : this.primary();
          return { t: "field", e };
        }
        if (t.value === "(") {
          this.i++;
          const saveGt = this.noGt;
          this.noGt = 0;
          const first = this.expr();
          if (this.is(",")) {
            const subs = [first];
            while (this.eat(",")) subs.push(this.expr());
            this.expect(")");
            this.noGt = saveGt;
            if (!this.is("in")) this.fail();
            this.i++;
            const name = this.tok.value;
            this.i++;
            return { t: "in", subs, name };
          }
          this.expect(")");
          this.noGt = saveGt;
          return { t: "group", e: first };
        }
    }
    return this.fail();
  }
}
