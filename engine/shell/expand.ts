import { parse, type DoubleQuotedChild, type HereDocBody, type ParameterExpansionPart, type Script, type Word, type WordPart } from "unbash";
import { evaluateArithmetic, evaluateArithmeticText, type ArithEnv } from "./arithmetic";
import { expandBraces } from "./brace";
import { globPaths } from "./glob";
import { escapePattern, removeAffix, replacePattern } from "./pattern";
import type { Vfs } from "./vfs";

/** What expansion needs from the running shell. */
export interface ExpandHost extends ArithEnv {
  /** `$name`, `$1`, `$?`, `$#` ...; undefined when unset. */
  param(name: string): string | undefined;
  positional(): string[];
  /** Elements of an indexed array; undefined when the name is not an array. */
  array(name: string): string[] | undefined;
  home(): string;
  cwd(): string;
  fs(): Vfs;
  /** Runs `$(...)` in a subshell; returns its stdout. */
  commandSubst(script: Script | undefined, text: string): Promise<string>;
  /** Runs `<(...)`; returns the path its output can be read from. */
  processSubst(script: Script | undefined, text: string): Promise<string>;
}

/** A run of expanded text: `quoted` text is literal for globbing; `split` text undergoes IFS splitting. */
interface Piece {
  text: string;
  quoted: boolean;
  split: boolean;
}
/** Separates the words of "$@". */
const BREAK = null;
type Chunk = Piece | typeof BREAK;

const DEFAULT_IFS = " \t\n";

/** Expands words as bash does, recording the first failure (bad substitution, `${x:?}`) in `error`. */
export class Expander {
  error: string | undefined;

  constructor(private readonly host: ExpandHost) {}

  /** Full expansion: braces, parameters, substitutions, arithmetic, field splitting, globbing. */
  async fields(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      for (const variant of this.braceVariants(word)) {
        const chunks = await this.word(variant, false);
        for (const field of this.split(chunks)) out.push(...this.glob(field));
      }
      if (this.error) return [];
    }
    return out;
  }

  /** Expansion to one string: no splitting or globbing (assignments, `[[ ]]` operands, here-strings). */
  async string(word: Word): Promise<string> {
    const chunks = await this.word(word.parts, false, word);
    return chunks.map((c) => c?.text ?? " ").join("");
  }

  /** Expansion to a pattern: quoted text escaped, everything else active (`case`, `[[ == ]]`, `${x#p}`). */
  async pattern(word: Word): Promise<string> {
    const chunks = await this.word(word.parts, false, word);
    return chunks.map((c) => (c === BREAK ? " " : c.quoted ? escapePattern(c.text) : c.text)).join("");
  }

  /**
   * The body of an unquoted here-document: parameters, substitutions and `\$` `\\` `` \` `` escapes;
   * `stripTabs` (for `<<-`) removes leading tabs of each source line before expansion.
   */
  async heredoc(body: HereDocBody, stripTabs: boolean): Promise<string> {
    if (!body.parts) {
      const text = stripTabs ? body.text.replace(/^\t+/gm, "") : body.text;
      return text.replace(/\\([$`\\])|\\\n/g, (_m, c: string | undefined) => c ?? "");
    }
    const parts = stripTabs ? body.parts.map((p, i) => (p.type === "Literal" ? literal(stripLeadingTabs(p.value, i === 0), p.text) : p)) : body.parts;
    const chunks = await this.parts(parts, true);
    return chunks.map((c) => c?.text ?? " ").join("");
  }

  /** Joins the expansion of raw parts (used by arithmetic words). */
  async partsText(parts: readonly WordPart[]): Promise<string> {
    return (await this.parts(parts, false)).map((c) => c?.text ?? " ").join("");
  }

  private braceVariants(word: Word): (readonly WordPart[] | undefined)[] {
    const parts = word.parts;
    if (!parts?.some((p) => p.type === "BraceExpansion")) return [parts ?? [literal(word.value, word.text)]];
    let variants: WordPart[][] = [[]];
    for (const p of parts) {
      if (p.type !== "BraceExpansion") {
        variants = variants.map((v) => [...v, p]);
        continue;
      }
      const alts = expandBraces(p.text);
      const altParts = alts.map((a) => (/[$'"`\\]/.test(a) ? reparse(a) : [literal(a, a)]));
      variants = variants.flatMap((v) => altParts.map((a) => [...v, ...a]));
    }
    return variants;
  }

  private async word(parts: readonly WordPart[] | undefined, inHeredoc: boolean, word?: Word): Promise<Chunk[]> {
    if (!parts) {
      const w = word ?? { text: "", value: "" };
      return [{ text: this.tilde(w.text, w.value), quoted: true, split: false }];
    }
    return this.parts(parts, inHeredoc);
  }

  private tilde(text: string, value: string): string {
    if (!text.startsWith("~")) return value;
    const m = /^~([^/]*)/.exec(value);
    if (!m) return value;
    const user = m[1];
    const rest = value.slice(m[0].length);
    if (user === "") return this.host.home() + rest;
    if (user === "root") return "/root" + rest;
    if (user === "+") return this.host.cwd() + rest;
    if (user === "-") return (this.host.param("OLDPWD") ?? "~-") + rest;
    return value;
  }

  private async parts(parts: readonly (WordPart | DoubleQuotedChild)[], inDouble: boolean): Promise<Chunk[]> {
    const out: Chunk[] = [];
    for (let i = 0; i < parts.length && !this.error; i++) {
      const p = parts[i];
      const q = inDouble;
      switch (p.type) {
        case "Literal":
          out.push({ text: i === 0 && !inDouble ? this.tilde(p.text, p.value) : p.value, quoted: true, split: false });
          break;
        case "SingleQuoted":
        case "AnsiCQuoted":
          out.push({ text: p.value, quoted: true, split: false });
          break;
        case "DoubleQuoted":
        case "LocaleString":
          out.push(...(await this.doubleQuoted(p.parts)));
          break;
        case "Glob":
          if (p.kind === "bracket" && p.parts.some((x) => x.type !== "Literal")) {
            out.push({ text: "[", quoted: q, split: false }, ...(await this.parts(p.parts, inDouble)), { text: "]", quoted: q, split: false });
          } else out.push({ text: p.text, quoted: q, split: false });
          break;
        case "ExtendedGlob":
        case "BraceExpansion":
          out.push({ text: p.text, quoted: q, split: false });
          break;
        case "SimpleExpansion":
          out.push(...this.simple(p.text.slice(1), q));
          break;
        case "ParameterExpansion":
          out.push(...(await this.parameter(p, q)));
          break;
        case "CommandExpansion": {
          const text = (await this.host.commandSubst(p.script, p.text)).replace(/\n+$/, "");
          out.push({ text, quoted: q, split: !q });
          break;
        }
        case "ArithmeticExpansion": {
          const r = await evaluateArithmetic(p.expression, p.text.slice(3, -2), this.host);
          if ("error" in r) this.error ??= r.error;
          else out.push({ text: String(r.value), quoted: q, split: !q });
          break;
        }
        case "ProcessSubstitution":
          out.push({ text: await this.host.processSubst(p.script, p.text), quoted: true, split: false });
          break;
      }
    }
    return out;
  }

  private async doubleQuoted(children: readonly DoubleQuotedChild[]): Promise<Chunk[]> {
    const only = children.length === 1 ? children[0] : undefined;
    const isAll = only?.type === "SimpleExpansion" ? only.text === "$@" : only?.type === "ParameterExpansion" && only.parameter === "@" && !only.operation && !only.prefix;
    if (isAll) return this.positionalWords(true);
    if (only?.type === "ParameterExpansion" && only.index?.value === "@" && !only.operation && !only.prefix) return this.words(this.elements(only.parameter), true);
    const inner = await this.parts(children, true);
    return [{ text: "", quoted: true, split: false }, ...inner];
  }

  private positionalWords(quoted: boolean): Chunk[] {
    return this.words(this.host.positional(), quoted);
  }

  /** Separate words, as "$@" and "${a[@]}" expand. */
  private words(values: string[], quoted: boolean): Chunk[] {
    const out: Chunk[] = [];
    values.forEach((v, i) => {
      if (i > 0) out.push(BREAK);
      out.push({ text: v, quoted, split: !quoted });
    });
    return out;
  }

  /** All elements of an array; a plain variable counts as a one-element array. */
  private elements(name: string): string[] {
    const arr = this.host.array(name);
    if (arr) return arr;
    const v = this.host.param(name);
    return v === undefined ? [] : [v];
  }

  /** `${a[i]}`: the subscript is arithmetic. */
  private async element(name: string, subscript: string): Promise<string | undefined> {
    const r = await evaluateArithmeticText(subscript, this.host);
    if ("error" in r) {
      this.error ??= r.error;
      return undefined;
    }
    const arr = this.elements(name);
    const i = r.value < 0 ? arr.length + r.value : r.value;
    return arr[i];
  }

  private simple(name: string, quoted: boolean): Chunk[] {
    if (name === "@" || (name === "*" && !quoted)) return this.positionalWords(quoted);
    return [{ text: this.host.param(name) ?? "", quoted, split: !quoted }];
  }

  private async parameter(p: ParameterExpansionPart, quoted: boolean): Promise<Chunk[]> {
    const name = p.parameter;
    const piece = (text: string): Chunk[] => [{ text, quoted, split: !quoted }];
    const sub = p.index?.value;
    if (sub === "@" || sub === "*") {
      const all = this.elements(name);
      if (p.prefix === "#") return piece(String(all.length));
      if (p.prefix === "!") return this.words(all.map((_, i) => String(i)), quoted && sub === "@");
      if (!p.operation) return sub === "@" || !quoted ? this.words(all, quoted) : piece(all.join((this.host.param("IFS") ?? " ").slice(0, 1)));
    }
    if (p.prefix === "#" && !p.operation && sub === undefined) {
      if (name === "@" || name === "*") return piece(String(this.host.positional().length));
      return piece(String([...(this.host.param(name) ?? "")].length));
    }
    if (p.prefix === "!" && !p.operation && sub === undefined) return piece(this.host.param(this.host.param(name) ?? "") ?? "");
    if (!p.operation && (name === "@" || name === "*")) return this.simple(name, quoted);
    const value = sub === "@" || sub === "*" ? this.elements(name).join(" ") : sub !== undefined ? await this.element(name, sub) : this.host.param(name);
    if (p.prefix === "#" && !p.operation) return piece(String([...(value ?? "")].length));
    const op = p.operation;
    if (!op) return piece(value ?? "");
    switch (op.type) {
      case "Default": {
        const missing = op.operator.startsWith(":") ? !value : value === undefined;
        const kind = op.operator.replace(":", "");
        if (kind === "+") return missing ? [] : this.word(op.operand.parts, false, op.operand).then((c) => this.requote(c, quoted));
        if (!missing) return piece(value ?? "");
        const operand = await this.string(op.operand);
        if (kind === "=") this.host.setVar(name, operand);
        if (kind === "?") {
          this.error ??= `bash: ${name}: ${operand || "parameter null or not set"}`;
          return [];
        }
        return kind === "-" ? this.requote(await this.word(op.operand.parts, false, op.operand), quoted) : piece(operand);
      }
      case "Remove":
        return piece(removeAffix(value ?? "", await this.pattern(op.operand), op.operator));
      case "Replace":
        return piece(replacePattern(value ?? "", await this.pattern(op.pattern), await this.string(op.replacement), op.operator));
      case "Slice":
        return piece(await this.slice(value ?? "", op.offset, op.length));
      case "CaseModification": {
        const v = value ?? "";
        if (op.operator === "^^") return piece(v.toUpperCase());
        if (op.operator === ",,") return piece(v.toLowerCase());
        if (op.operator === "^") return piece(v.charAt(0).toUpperCase() + v.slice(1));
        return piece(v.charAt(0).toLowerCase() + v.slice(1));
      }
      case "Transform":
        return piece(value ?? "");
      default:
        this.error ??= `bash: ${p.text}: bad substitution`;
        return [];
    }
  }

  /** Default values keep their own quoting inside an unquoted `${x:-"a b"}`, but are plain text inside "...". */
  private requote(chunks: Chunk[], quoted: boolean): Chunk[] {
    return quoted ? chunks.map((c) => (c === BREAK ? c : { ...c, quoted: true, split: false })) : chunks;
  }

  private async slice(value: string, offsetWord: Word, lengthWord: Word | undefined): Promise<string> {
    const num = async (w: Word): Promise<number> => {
      const text = await this.string(w);
      const r = await evaluateArithmeticText(text, this.host);
      if ("error" in r) this.error ??= r.error;
      return "error" in r ? 0 : r.value;
    };
    const chars = [...value];
    let start = await num(offsetWord);
    if (start < 0) start = Math.max(0, chars.length + start);
    if (!lengthWord) return chars.slice(start).join("");
    const len = await num(lengthWord);
    if (len < 0) return chars.slice(start, Math.max(start, chars.length + len)).join("");
    return chars.slice(start, start + len).join("");
  }

  private split(chunks: Chunk[]): { text: string; quoted: boolean }[][] {
    const ifs = this.host.param("IFS") ?? DEFAULT_IFS;
    const fields: { text: string; quoted: boolean }[][] = [];
    let cur: { text: string; quoted: boolean }[] = [];
    let keep = false;
    const flush = (force: boolean): void => {
      if (cur.length > 0 || keep || force) fields.push(cur);
      cur = [];
      keep = false;
    };
    for (const c of chunks) {
      if (c === BREAK) {
        flush(false);
        continue;
      }
      if (c.quoted && c.text === "") keep = true;
      if (!c.split || ifs === "") {
        if (c.text !== "") cur.push({ text: c.text, quoted: c.quoted });
        continue;
      }
      let run = "";
      let afterWhitespace = false;
      for (const ch of c.text) {
        if (!ifs.includes(ch)) {
          run += ch;
          afterWhitespace = false;
          continue;
        }
        if (run) cur.push({ text: run, quoted: false });
        run = "";
        if (DEFAULT_IFS.includes(ch)) {
          if (cur.length > 0 || keep) flush(false);
          afterWhitespace = true;
        } else {
          if (!afterWhitespace || cur.length > 0) flush(true);
          afterWhitespace = false;
        }
      }
      if (run) cur.push({ text: run, quoted: false });
    }
    flush(false);
    return fields;
  }

  private glob(field: { text: string; quoted: boolean }[]): string[] {
    const active = field.some((p) => !p.quoted && /[*?[]/.test(p.text));
    if (!active) return [field.map((p) => p.text).join("")];
    const pattern = field.map((p) => (p.quoted ? escapePattern(p.text) : p.text)).join("");
    return globPaths(pattern, this.host.cwd(), this.host.fs());
  }
}

function literal(value: string, text: string): WordPart {
  return { type: "Literal", pos: 0, end: 0, value, text };
}

function stripLeadingTabs(s: string, atLineStart: boolean): string {
  return s.replace(atLineStart ? /(^|\n)\t+/g : /(\n)\t+/g, "$1");
}

function reparse(text: string): readonly WordPart[] {
  const cmd = parse(`: ${text}`).commands[0]?.command;
  const word = cmd?.type === "Command" ? cmd.suffix[0] : undefined;
  if (word?.type !== "Word") return [literal(text, text)];
  return word.parts ?? [literal(word.value, word.text)];
}
