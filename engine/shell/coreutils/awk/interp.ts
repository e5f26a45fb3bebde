import { compilePosix } from "../../posix-regex";
import { formatPrintf } from "../format";
import type { AwkProgram, Expr, Stmt } from "./parser";
import { isNumeric, numToStr, StrNum, strnum, toNum, type Val } from "./value";

type Signal = undefined | "next" | "exit" | "break" | "continue" | "return";

export const AWK_MAX_STEPS = 1_000_000;
const FLUSH_AT = 64 * 1024;

/** Where the interpreter sends output and how it reports a fatal error. */
export interface AwkIO {
  stdout(s: string): void;
  stderr(s: string): void;
  writeFile(path: string, text: string, append: boolean): string | undefined;
  aborted(): boolean;
}

interface Frame {
  scalars: Map<string, Val>;
  arrays: Map<string, Map<string, Val>>;
}

/** A value as JSON holds it: uninitialised, a string, a number, or a strnum (NaN and infinities survive as their names). */
type PlainVal = null | string | { readonly n: number | string } | { readonly s: string; readonly sn: number | string };

export interface AwkState {
  readonly vars: [string, PlainVal][];
  readonly arrays: [string, [string, PlainVal][]][];
  readonly ranges: [number, boolean][];
  readonly opened: string[];
  readonly seed: number;
  readonly randState: number;
  readonly exitCode: number;
}

function plainNum(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

function plain(v: Val): PlainVal {
  if (v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return { n: plainNum(v) };
  return { s: v.s, sn: plainNum(v.n) };
}

function unplain(v: PlainVal): Val {
  if (v === null) return undefined;
  if (typeof v === "string") return v;
  if ("s" in v) return new StrNum(v.s, Number(v.sn));
  return Number(v.n);
}

export class AwkInterp {
  exitCode = 0;
  error: string | undefined;
  private readonly vars = new Map<string, Val>();
  private readonly arrays = new Map<string, Map<string, Val>>();
  private frames: Frame[] = [];
  private record = "";
  private fields: string[] = [];
  private steps = 0;
  private out = "";
  private readonly opened = new Set<string>();
  private readonly regexCache = new Map<string, RegExp>();
  private readonly ranges = new Map<number, boolean>();
  private seed = 0;
  private randState = 0;
  private returnValue: Val;

  constructor(
    private readonly prog: AwkProgram,
    private readonly io: AwkIO,
    env: Readonly<Record<string, string>>,
  ) {
    for (const [k, v] of Object.entries({ FS: " ", OFS: " ", ORS: "\n", RS: "\n", SUBSEP: "\x1c", CONVFMT: "%.6g", OFMT: "%.6g", NR: 0, FNR: 0, RSTART: 0, RLENGTH: -1, FILENAME: "" })) this.vars.set(k, v);
    this.arrays.set("ENVIRON", new Map(Object.entries(env)));
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, strnum(value));
  }

  /** What it keeps between records, as plain data, so a reader of a pipe can stop between lines and go on later. */
  snapshot(): AwkState {
    const plainMap = (m: Map<string, Val>): [string, PlainVal][] => [...m].map(([k, v]) => [k, plain(v)]);
    return {
      vars: plainMap(this.vars),
      arrays: [...this.arrays].map(([k, a]) => [k, plainMap(a)]),
      ranges: [...this.ranges],
      opened: [...this.opened],
      seed: this.seed,
      randState: this.randState,
      exitCode: this.exitCode,
    };
  }

  /** Takes up a snapshot where it was left. */
  restore(state: AwkState): void {
    this.vars.clear();
    for (const [k, v] of state.vars) this.vars.set(k, unplain(v));
    this.arrays.clear();
    for (const [k, a] of state.arrays) this.arrays.set(k, new Map(a.map(([i, v]) => [i, unplain(v)])));
    this.ranges.clear();
    for (const [i, on] of state.ranges) this.ranges.set(i, on);
    this.opened.clear();
    for (const f of state.opened) this.opened.add(f);
    this.seed = state.seed;
    this.randState = state.randState;
    this.exitCode = state.exitCode;
  }

  private str(v: Val): string {
    if (v === undefined) return "";
    if (typeof v === "string") return v;
    if (v instanceof StrNum) return v.s;
    return numToStr(v, String(this.vars.get("CONVFMT")));
  }

  private outStr(v: Val): string {
    return typeof v === "number" ? numToStr(v, String(this.vars.get("OFMT"))) : this.str(v);
  }

  private bool(v: Val): boolean {
    if (v === undefined) return false;
    if (typeof v === "number") return v !== 0;
    if (v instanceof StrNum) return v.n !== 0;
    return v !== "";
  }

  private fail(msg: string): void {
    this.error ??= `awk: ${msg}`;
  }

  private tick(): boolean {
    if (this.error) return false;
    if (++this.steps > AWK_MAX_STEPS) {
      this.fail(`step limit exceeded (more than ${AWK_MAX_STEPS} statements)`);
      return false;
    }
    if (this.io.aborted()) {
      this.fail("interrupted");
      return false;
    }
    return true;
  }

  // ---- records and fields ------------------------------------------------------------

  setRecord(text: string): void {
    this.record = text;
    this.fields = this.splitFields(text, this.str(this.vars.get("FS")));
  }

  private splitFields(text: string, fs: string): string[] {
    if (fs === " ") {
      const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
      return t === "" ? [] : t.split(/[ \t\n]+/);
    }
    if (text === "") return [];
    if (fs.length === 1 && fs !== "\\") return text.split(fs === "\t" ? "\t" : fs);
    return text.split(this.regex(fs));
  }

  private getField(i: number): Val {
    if (i === 0) return strnum(this.record);
    return i <= this.fields.length ? strnum(this.fields[i - 1]) : undefined;
  }

  private setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    while (this.fields.length < i) this.fields.push("");
    this.fields[i - 1] = v;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.fields.join(this.str(this.vars.get("OFS")));
  }

  // ---- variables -----------------------------------------------------------------------

  private frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private getVar(name: string): Val {
    if (name === "NF") return this.fields.length;
    const f = this.frame();
    if (f?.scalars.has(name)) return f.scalars.get(name);
    return this.vars.get(name);
  }

  private assignVar(name: string, v: Val): void {
    if (name === "NF") {
      const n = Math.max(0, Math.trunc(toNum(v)));
      this.fields = this.fields.slice(0, n);
      while (this.fields.length < n) this.fields.push("");
      this.rebuild();
      return;
    }
    const f = this.frame();
    if (f?.scalars.has(name)) f.scalars.set(name, v);
    else this.vars.set(name, v);
  }

  private array(name: string): Map<string, Val> {
    const f = this.frame();
    if (f) {
      const local = f.arrays.get(name);
      if (local) return local;
      if (f.scalars.has(name) && f.scalars.get(name) === undefined) {
        const created = new Map<string, Val>();
        f.scalars.delete(name);
        f.arrays.set(name, created);
        return created;
      }
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private subscript(subs: Expr[]): string {
    const parts: string[] = [];
    for (const s of subs) parts.push(this.str(this.eval(s)));
    return parts.join(this.str(this.vars.get("SUBSEP")));
  }

  private assignTo(target: Expr, v: Val): void {
    if (target.t === "var") this.assignVar(target.name, v);
    else if (target.t === "index") this.array(target.name).set(this.subscript(target.subs), v);
    else if (target.t === "field") this.setField(Math.trunc(toNum(this.eval(target.e))), this.str(v));
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      const c = compilePosix(src, true);
      if ("error" in c) {
        this.fail(`regular expression compile failed (${c.error})\n${src}`);
        re = /(?!)/;
      } else re = c;
      this.regexCache.set(src, re);
    }
    return re;
  }

  private regexOf(e: Expr): RegExp {
    return this.regex(e.t === "regex" ? e.v : this.str(this.eval(e)));
  }

  // ---- expressions ---------------------------------------------------------------------

  eval(e: Expr): Val {
    switch (e.t) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "regex":
        return this.regex(e.v).test(this.record) ? 1 : 0;
      case "group":
        return this.eval(e.e);
      case "field":
        return this.getField(Math.trunc(toNum(this.eval(e.e))));
      case "var":
        return this.getVar(e.name);
      case "index":
        return this.array(e.name).get(this.subscript(e.subs));
      case "in":
        return this.array(e.name).has(this.subscript(e.subs)) ? 1 : 0;
      case "assign": {
        let v = this.eval(e.e);
        if (e.op !== "=") v = this.arith(e.op.slice(0, -1), toNum(this.eval(e.target)), toNum(v));
        this.assignTo(e.target, v);
        return v;
      }
      case "cond":
        return this.bool(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case "unary": {
        const v = this.eval(e.e);
        if (e.op === "!") return this.bool(v) ? 0 : 1;
        return e.op === "-" ? -toNum(v) : toNum(v);
      }
      case "incdec": {
        const old = toNum(this.eval(e.target));
        const next = e.op === "++" ? old + 1 : old - 1;
        this.assignTo(e.target, next);
        return e.prefix ? next : old;
      }
      case "match": {
        const s = this.str(this.eval(e.l));
        const m = (this.regexOf(e.r)).test(s);
        return m !== e.negate ? 1 : 0;
      }
      case "concat":
        return this.str(this.eval(e.l)) + this.str(this.eval(e.r));
      case "bin":
        return this.binary(e);
      case "call":
        return e.builtin ? this.builtin(e.name, e.args) : this.callUser(e.name, e.args);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return a / b;
      case "%":
        return a % b;
      default:
        return a ** b;
    }
  }

  private binary(e: Extract<Expr, { t: "bin" }>): Val {
    if (e.op === "&&") return this.bool(this.eval(e.l)) && this.bool(this.eval(e.r)) ? 1 : 0;
    if (e.op === "||") return this.bool(this.eval(e.l)) || this.bool(this.eval(e.r)) ? 1 : 0;
    const l = this.eval(e.l);
    const r = this.eval(e.r);
    if (["<", "<=", "==", "!=", ">=", ">"].includes(e.op)) {
      let c: number;
      if (isNumeric(l) && isNumeric(r)) c = toNum(l) - toNum(r);
      else {
        const a = this.str(l);
        const b = this.str(r);
        c = a < b ? -1 : a > b ? 1 : 0;
      }
      const ok = { "<": c < 0, "<=": c <= 0, "==": c === 0, "!=": c !== 0, ">=": c >= 0, ">": c > 0 }[e.op];
      return ok ? 1 : 0;
    }
    return this.arith(e.op, toNum(l), toNum(r));
  }

  private builtin(name: string, args: Expr[]): Val {
    const arg = (i: number) => (args[i] ? this.eval(args[i]) : undefined);
    switch (name) {
      case "length": {
        const a = args[0];
        if (a?.t === "var" && (this.arrays.has(a.name) || this.frame()?.arrays.has(a.name))) return this.array(a.name).size;
        return [...this.str(a ? this.eval(a) : this.record)].length;
      }
      case "substr": {
        const chars = [...this.str(arg(0))];
        const m = Math.round(toNum(arg(1)));
        const n = args.length > 2 ? Math.round(toNum(arg(2))) : Infinity;
        const start = Math.max(m, 1);
        const end = Math.min(m + n, chars.length + 1);
        return end <= start ? "" : chars.slice(start - 1, end - 1).join("");
      }
      case "index":
        return this.str(arg(0)).indexOf(this.str(arg(1))) + 1;
      case "split": {
        const s = this.str(arg(0));
        const target = args[1];
        if (target?.t !== "var") return 0;
        const sep = args[2] ? (args[2].t === "regex" ? args[2].v : this.str(this.eval(args[2]))) : this.str(this.vars.get("FS"));
        const parts = args[2]?.t === "regex" ? (s === "" ? [] : s.split(this.regex(sep))) : this.splitFields(s, sep);
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), strnum(p)));
        return parts.length;
      }
      case "sub":
      case "gsub": {
        const re = this.regexOf(args[0]);
        const rep = this.str(arg(1));
        const target: Expr = args[2] ?? { t: "field", e: { t: "num", v: 0 } };
        const before = this.str(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, re.flags.replace("g", "") + (name === "gsub" ? "g" : ""));
        const after = before.replace(g, (m) => {
          count++;
          return rep.replace(/\\\\|\\&|&/g, (t) => (t === "&" ? m : t === "\\&" ? "&" : "\\"));
        });
        if (count > 0) this.assignTo(target, after);
        return count;
      }
      case "match": {
        const s = this.str(arg(0));
        const m = (this.regexOf(args[1])).exec(s);
        const start = m ? [...s.slice(0, m.index)].length + 1 : 0;
        this.vars.set("RSTART", start);
        this.vars.set("RLENGTH", m ? [...m[0]].length : -1);
        return start;
      }
      case "sprintf": {
        const vals: string[] = [];
        for (let i = 1; i < args.length; i++) vals.push(this.str(this.eval(args[i])));
        return formatPrintf(this.str(arg(0)), vals, (a) => ({ value: toNum(a) })).text;
      }
      case "tolower":
        return this.str(arg(0)).toLowerCase();
      case "toupper":
        return this.str(arg(0)).toUpperCase();
      case "int":
        return Math.trunc(toNum(arg(0)));
      case "sqrt":
        return Math.sqrt(toNum(arg(0)));
      case "exp":
        return Math.exp(toNum(arg(0)));
      case "log":
        return Math.log(toNum(arg(0)));
      case "sin":
        return Math.sin(toNum(arg(0)));
      case "cos":
        return Math.cos(toNum(arg(0)));
      case "atan2":
        return Math.atan2(toNum(arg(0)), toNum(arg(1)));
      case "rand":
        this.randState = (this.randState * 1103515245 + 12345) % 2147483648;
        return this.randState / 2147483648;
      case "srand": {
        const prev = this.seed;
        this.seed = args[0] ? toNum(arg(0)) : 0;
        this.randState = this.seed;
        return prev;
      }
      case "system":
        this.io.stderr("awk: system() is not available in this shell\n");
        return 127;
      default:
        return 0;
    }
  }

  private callUser(name: string, args: Expr[]): Val {
    const fn = this.prog.funcs.get(name);
    if (!fn) {
      this.fail(`function ${name} never defined`);
      return undefined;
    }
    if (this.frames.length > 200) {
      this.fail(`function ${name}: call depth exceeded`);
      return undefined;
    }
    const frame: Frame = { scalars: new Map(), arrays: new Map() };
    for (let i = 0; i < fn.params.length; i++) {
      const a = args[i];
      const p = fn.params[i];
      const isArray = a?.t === "var" && (this.frame()?.arrays.has(a.name) || (!this.frame()?.scalars.has(a.name) && this.arrays.has(a.name)));
      if (a && isArray && a.t === "var") frame.arrays.set(p, this.array(a.name));
      else frame.scalars.set(p, a ? this.eval(a) : undefined);
    }
    this.frames.push(frame);
    this.returnValue = undefined;
    this.execAll(fn.body);
    this.frames.pop();
    const v = this.returnValue;
    this.returnValue = undefined;
    return v;
  }

  // ---- statements ----------------------------------------------------------------------

  execAll(body: Stmt[]): Signal {
    for (const s of body) {
      const sig = this.exec(s);
      if (sig) return sig;
      if (this.error) return "exit";
    }
    return undefined;
  }

  private emit(text: string, redirect: { op: string; target: Expr } | undefined): void {
    if (!redirect) {
      this.out += text;
      if (this.out.length > FLUSH_AT) this.flush();
      return;
    }
    const target = this.str(this.eval(redirect.target));
    if (redirect.op === "|") {
      this.fail("output pipes are not available in this shell");
      return;
    }
    if (target === "/dev/stderr") {
      this.flush();
      this.io.stderr(text);
      return;
    }
    if (target === "/dev/stdout" || target === "-") {
      this.out += text;
      return;
    }
    const append = redirect.op === ">>" || this.opened.has(target);
    this.opened.add(target);
    const err = this.io.writeFile(target, text, append);
    if (err) this.fail(`cannot open "${target}" for output (${err})`);
  }

  flush(): void {
    if (this.out) this.io.stdout(this.out);
    this.out = "";
  }

  private exec(s: Stmt): Signal {
    if (!this.tick()) return "exit";
    switch (s.t) {
      case "print": {
        const vals: string[] = [];
        for (const a of s.args) vals.push(this.outStr(this.eval(a)));
        const text = (s.args.length ? vals.join(this.str(this.vars.get("OFS"))) : this.record) + this.str(this.vars.get("ORS"));
        this.emit(text, s.redirect);
        return undefined;
      }
      case "printf": {
        if (s.args.length === 0) return undefined;
        const vals: string[] = [];
        for (const a of s.args.slice(1)) vals.push(this.str(this.eval(a)));
        const fmt = this.str(this.eval(s.args[0]));
        this.emit(formatPrintf(fmt, vals, (a) => ({ value: toNum(a) })).text, s.redirect);
        return undefined;
      }
      case "expr":
        this.eval(s.e);
        return undefined;
      case "block":
        return this.execAll(s.body);
      case "if":
        if (this.bool(this.eval(s.c))) return this.exec(s.then);
        return s.else ? this.exec(s.else) : undefined;
      case "while":
      case "do":
      case "for":
        return this.loop(s);
      case "forin": {
        const keys = [...this.array(s.arr).keys()];
        for (const k of keys) {
          if (!this.tick()) return "exit";
          this.assignVar(s.v, strnum(k));
          const sig = this.exec(s.body);
          if (sig === "break") break;
          if (sig && sig !== "continue") return sig;
        }
        return undefined;
      }
      case "next":
      case "break":
      case "continue":
        return s.t;
      case "getline":
        return undefined;
      case "exit":
        if (s.e) this.exitCode = Math.trunc(toNum(this.eval(s.e)));
        return "exit";
      case "return":
        this.returnValue = s.e ? this.eval(s.e) : undefined;
        return "return";
      case "delete":
        if (s.subs) this.array(s.name).delete(this.subscript(s.subs));
        else this.array(s.name).clear();
        return undefined;
    }
  }

  private loop(s: Extract<Stmt, { t: "while" | "do" | "for" }>): Signal {
    if (s.t === "for" && s.init) this.eval(s.init);
    let first = true;
    for (;;) {
      if (!this.tick()) return "exit";
      if (s.t !== "do" || !first) {
        if (s.c && !this.bool(this.eval(s.c))) break;
      }
      first = false;
      const sig = this.exec(s.body);
      if (sig === "break") break;
      if (sig && sig !== "continue") return sig;
      if (s.t === "for" && s.step) this.eval(s.step);
    }
    return undefined;
  }

  /** Runs the rules against one record; "exit" stops all input. */
  runRecord(nr: number, fnr: number, text: string): Signal {
    this.vars.set("NR", nr);
    this.vars.set("FNR", fnr);
    this.setRecord(text);
    for (let i = 0; i < this.prog.rules.length; i++) {
      const rule = this.prog.rules[i];
      let matched: boolean;
      if (rule.range) {
        const on = this.ranges.get(i) ?? false;
        if (!on) {
          matched = this.bool(this.eval(rule.range[0]));
          if (matched) this.ranges.set(i, !this.bool(this.eval(rule.range[1])));
        } else {
          matched = true;
          if (this.bool(this.eval(rule.range[1]))) this.ranges.set(i, false);
        }
      } else matched = rule.pattern ? this.bool(this.eval(rule.pattern)) : true;
      if (this.error) return "exit";
      if (!matched) continue;
      if (!rule.body) {
        this.emit(this.record + this.str(this.vars.get("ORS")), undefined);
        continue;
      }
      const sig = this.execAll(rule.body);
      if (sig === "next") return undefined;
      if (sig === "exit") return "exit";
    }
    return undefined;
  }

  get recordSeparator(): string {
    return this.str(this.vars.get("RS"));
  }

  set filename(name: string) {
    this.vars.set("FILENAME", name);
  }
}
