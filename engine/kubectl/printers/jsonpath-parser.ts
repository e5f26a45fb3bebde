/**
 * The template grammar of client-go's util/jsonpath (parser.go), node for node, with its
 * error texts. Positions are counted in code points where Go counts bytes; the two agree
 * on everything the grammar looks at (ASCII delimiters, and the byte before a quote).
 */

export interface SliceParam {
  readonly value: number;
  readonly known: boolean;
  /** The end of `[i]`, computed as i+1 at parse time. */
  readonly derived: boolean;
}

export interface ListNode {
  readonly type: "list";
  readonly nodes: JsonPathNode[];
}

export type JsonPathNode =
  | ListNode
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "field"; readonly name: string }
  | { readonly type: "array"; readonly params: readonly [SliceParam, SliceParam, SliceParam] }
  | { readonly type: "filter"; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "wildcard" }
  | { readonly type: "recursive" }
  | { readonly type: "union"; readonly nodes: ListNode[] }
  | { readonly type: "identifier"; readonly name: string };

export type TemplateParse = { ok: true; value: ListNode } | { ok: false; error: string };

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const INT64_MAX = 2n ** 63n - 1n;

const list = (): ListNode => ({ type: "list", nodes: [] });
const isSpace = (r: string) => r === " " || r === "\t";
const isEndOfLine = (r: string) => r === "\r" || r === "\n";
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);

/** isTerminator: where a field name or identifier ends. */
function isTerminator(r: string): boolean {
  return r === "" || isSpace(r) || isEndOfLine(r) || ".,[]$@{}".includes(r);
}

/** strconv.Atoi: a signed decimal that fits an int64. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : Number(n);
}

/** %#U: `U+002A '*'`, the quoted rune only when it is printable. */
function describeRune(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
const HEX_ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** strconv.UnquoteChar over code points; undefined is Go's ErrSyntax. */
function unquoteChar(s: string[], i: number, quote: string): [string, number] | undefined {
  const c = s[i];
  if (c === quote) return undefined;
  if (c !== "\\") return [c, i + 1];
  const e = s[i + 1];
  if (e === undefined) return undefined;
  if (e in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[e], i + 2];
  if (e === "'" || e === '"') return e === quote ? [e, i + 2] : undefined;
  const hexLength = HEX_ESCAPE_LENGTHS[e];
  if (hexLength !== undefined) {
    const digits = s.slice(i + 2, i + 2 + hexLength).join("");
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return undefined;
    const v = parseInt(digits, 16);
    if (e !== "x" && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return undefined;
    return [String.fromCodePoint(v), i + 2 + hexLength];
  }
  if (/^[0-7]$/.test(e)) {
    const digits = e + s.slice(i + 2, i + 4).join("");
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) return undefined;
    return [String.fromCharCode(parseInt(digits, 8)), i + 4];
  }
  return undefined;
}

/** UnquoteExtend: strconv.Unquote that also takes single-quoted strings of any length. */
function unquoteExtend(quoted: string): string | undefined {
  const s = Array.from(quoted);
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes("\\") && !body.includes(quote)) return body.join("");
  let out = "";
  for (let i = 0; i < body.length; ) {
    const step = unquoteChar(body, i, quote);
    if (!step) return undefined;
    out += step[0];
    i = step[1];
  }
  return out;
}

function parseSlice(text: string): JsonPathNode | string {
  const m = SLICE.exec(text);
  if (!m) return `invalid array index ${text}`;
  const parts = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    let part = parts[i];
    if (part === "") {
      params.push(i === 1 ? { value: params[0].value + 1, known: true, derived: true } : { value: 0, known: false, derived: false });
      continue;
    }
    if (i > 0) part = part.slice(1);
    if (i > 0 && part === "") {
      params.push({ value: 0, known: false, derived: false });
      continue;
    }
    const value = goAtoi(part);
    if (value === undefined) return `array index ${part} is not a number`;
    params.push({ value, known: true, derived: false });
  }
  return { type: "array", params: [params[0], params[1], params[2]] };
}

class Parser {
  private readonly input: string[];
  private pos = 0;
  private start = 0;
  readonly root = list();

  constructor(text: string) {
    this.input = Array.from(text);
  }

  private next(): string {
    return this.pos >= this.input.length ? "" : this.input[this.pos++];
  }

  private backup(r: string): void {
    if (r !== "") this.pos--;
  }

  private peek(): string {
    return this.input[this.pos] ?? "";
  }

  private hasPrefix(prefix: string): boolean {
    return this.input.slice(this.pos, this.pos + prefix.length).join("") === prefix;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos).join("");
    this.start = this.pos;
    return value;
  }

  /** parseText and parseLeftDelim: literal text up to each `{`, then one action. */
  parse(): string | undefined {
    for (;;) {
      while (this.pos < this.input.length && this.input[this.pos] !== "{") this.pos++;
      if (this.pos > this.start) this.root.nodes.push({ type: "text", text: this.consumeText() });
      if (this.pos >= this.input.length) return undefined;
      this.pos++;
      this.consumeText();
      const action = list();
      this.root.nodes.push(action);
      const error = this.parseInsideAction(action);
      if (error !== undefined) return error;
    }
  }

  /** parseInsideAction: the tokens of one `{...}`, until its `}`. */
  private parseInsideAction(cur: ListNode): string | undefined {
    for (;;) {
      let error: string | undefined;
      if (this.hasPrefix("}")) {
        this.pos++;
        this.consumeText();
        return undefined;
      } else if (this.hasPrefix("[?(")) {
        error = this.parseFilter(cur);
      } else if (this.hasPrefix("..")) {
        error = this.parseRecursive(cur);
      } else {
        const r = this.next();
        if (r === "" || isEndOfLine(r)) return "unclosed action";
        if (r === " " || r === "@" || r === "$") this.consumeText();
        else if (r === "[") error = this.parseArray(cur);
        else if (r === '"' || r === "'") error = this.parseQuote(cur, r);
        else if (r === ".") error = this.parseField(cur);
        else if (r === "+" || r === "-" || isDigit(r)) {
          this.backup(r);
          error = this.parseNumber(cur);
        } else if (isAlphaNumeric(r)) {
          this.backup(r);
          error = this.parseIdentifier(cur);
        } else return `unrecognized character in action: ${describeRune(r)}`;
      }
      if (error !== undefined) return error;
    }
  }

  private parseIdentifier(cur: ListNode): undefined {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    cur.nodes.push(value === "true" || value === "false" ? { type: "bool", value: value === "true" } : { type: "identifier", name: value });
    return undefined;
  }

  private parseRecursive(cur: ListNode): string | undefined {
    if (cur.nodes.at(-1)?.type === "recursive") return "invalid multiple recursive descent";
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    return isAlphaNumeric(this.peek()) ? this.parseField(cur) : undefined;
  }

  private parseNumber(cur: ListNode): string | undefined {
    if (this.peek() === "+" || this.peek() === "-") this.next();
    for (;;) {
      const r = this.next();
      if (r !== "." && !(r !== "" && isDigit(r))) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    const int = goAtoi(value);
    if (int !== undefined) {
      cur.nodes.push({ type: "int", value: int });
      return undefined;
    }
    const float = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(float)) return `cannot parse number ${value}`;
    cur.nodes.push({ type: "float", value: float });
    return undefined;
  }

  private parseArray(cur: ListNode): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") return "unterminated array";
      if (r === "]") break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";
    const strs = text.split(",");
    if (strs.length > 1) {
      const nodes: ListNode[] = [];
      for (const str of strs) {
        const sub = parseAction(`[${str.replace(/^ +| +$/g, "")}]`);
        if (!sub.ok) return sub.error;
        nodes.push(sub.value);
      }
      cur.nodes.push({ type: "union", nodes });
      return undefined;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      const sub = parseAction(`.${key[1]}`);
      if (!sub.ok) return sub.error;
      cur.nodes.push(...sub.value.nodes);
      return undefined;
    }
    const node = parseSlice(text);
    if (typeof node === "string") return node;
    cur.nodes.push(node);
    return undefined;
  }

  private parseFilter(cur: ListNode): string | undefined {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") return "unterminated filter";
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") return "unclosed array expect ]";
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      const sub = parseAction(text);
      if (!sub.ok) return sub.error;
      cur.nodes.push({ type: "filter", left: sub.value, right: list(), operator: "exists" });
      return undefined;
    }
    const left = parseAction(m[1]);
    if (!left.ok) return left.error;
    const right = parseAction(m[3]);
    if (!right.ok) return right.error;
    cur.nodes.push({ type: "filter", left: left.value, right: right.value, operator: m[2] });
    return undefined;
  }

  private parseQuote(cur: ListNode, end: string): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") return "unterminated quoted string";
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (text === undefined) return `unquote string ${value} error invalid syntax`;
    cur.nodes.push({ type: "text", text });
    return undefined;
  }

  private parseField(cur: ListNode): undefined {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    cur.nodes.push(value === "*" ? { type: "wildcard" } : { type: "field", name: value.replaceAll("\\", "") });
    return undefined;
  }
}

/** parseAction: the nodes of `{text}`, as unions, `['key']` and filter operands are read. */
function parseAction(text: string): TemplateParse {
  const parsed = parseJsonPathTemplate(`{${text}}`);
  if (!parsed.ok) return parsed;
  const first = parsed.value.nodes[0];
  return { ok: true, value: first.type === "list" ? first : list() };
}

/** jsonpath.Parse: the template's root list, or the parser's own error text. */
export function parseJsonPathTemplate(text: string): TemplateParse {
  const parser = new Parser(text);
  const error = parser.parse();
  return error === undefined ? { ok: true, value: parser.root } : { ok: false, error };
}
