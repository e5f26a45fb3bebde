/**
 * Word expansion for container shells, synchronous: parameters (`$x`, `${x:-d}`, `${#x}`,
 * `${x#p}`), `$(...)` through the caller, `$((...))`, field splitting and pathname globs.
 */
import type { DoubleQuotedChild, HereDocBody, ParameterExpansionPart, Script, Word, WordPart } from "unbash";
import { escapePattern, matchPattern, removeAffix, replacePattern } from "../../shell/pattern";
import type { FileSystem } from "../fs/container-fs";
import { evaluate } from "./arith";

export interface ExpandEnv {
  /** a variable or special parameter; undefined when unset */
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  positional(): readonly string[];
  /** runs `$(...)` and returns what it printed */
  substitute(script: Script | undefined, text: string): string;
  readonly fs: FileSystem;
  readonly cwd: string;
  /** `${x:?msg}` and bad substitutions stop the command with this message */
  fail(message: string): void;
}

interface Piece {
  text: string;
  quoted: boolean;
}

/** Splits the words of "$@". */
const BREAK = null;
type Chunk = Piece | typeof BREAK;

export function expandWords(words: readonly Word[], env: ExpandEnv): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const field of split(chunks(w, env, false), env)) out.push(...glob(field, env));
  }
  return out;
}

export function expandString(word: Word, env: ExpandEnv): string {
  return chunks(word, env, false)
    .map((c) => (c === BREAK ? " " : c.text))
    .join("");
}

/** A `case` pattern: quoted parts match literally. */
export function expandPattern(word: Word, env: ExpandEnv): string {
  return chunks(word, env, false)
    .map((c) => (c === BREAK ? " " : c.quoted ? escapePattern(c.text) : c.text))
    .join("");
}

export function expandHeredoc(body: HereDocBody, quoted: boolean, env: ExpandEnv): string {
  if (quoted || !body.parts) return body.text;
  return parts(body.parts, env, true)
    .map((c) => (c === BREAK ? " " : c.text))
    .join("");
}

export function expandParts(ps: readonly WordPart[], env: ExpandEnv): string {
  return parts(ps, env, false)
    .map((c) => (c === BREAK ? " " : c.text))
    .join("");
}

function chunks(word: Word, env: ExpandEnv, inDouble: boolean): Chunk[] {
  if (!word.parts) return [{ text: tilde(word.value, env), quoted: true }];
  return parts(word.parts, env, inDouble);
}

function tilde(value: string, env: ExpandEnv): string {
  if (value === "~" || value.startsWith("~/")) return (env.get("HOME") ?? "/root") + value.slice(1);
  return value;
}

function parts(ps: readonly (WordPart | DoubleQuotedChild)[], env: ExpandEnv, inDouble: boolean): Chunk[] {
  const out: Chunk[] = [];
  ps.forEach((p, i) => {
    switch (p.type) {
      case "Literal":
        out.push({ text: i === 0 && !inDouble ? tilde(p.value, env) : p.value, quoted: true });
        break;
      case "SingleQuoted":
      case "AnsiCQuoted":
        out.push({ text: p.value, quoted: true });
        break;
      case "DoubleQuoted":
      case "LocaleString":
        out.push(...doubleQuoted(p.parts, env));
        break;
      case "SimpleExpansion":
        out.push(...param(p.text.slice(1), env, inDouble));
        break;
      case "ParameterExpansion":
        out.push(...parameter(p, env, inDouble));
        break;
      case "CommandExpansion":
        out.push({ text: env.substitute(p.script, p.text).replace(/\n+$/, ""), quoted: inDouble });
        break;
      case "ArithmeticExpansion": {
        const r = evaluate(p.expression, p.text.slice(3, -2), env);
        if ("error" in r) env.fail(r.error);
        else out.push({ text: String(r.value), quoted: inDouble });
        break;
      }
      case "Glob":
        if (p.kind === "bracket" && p.parts.some((x) => x.type !== "Literal")) out.push({ text: "[", quoted: inDouble }, ...parts(p.parts, env, inDouble), { text: "]", quoted: inDouble });
        else out.push({ text: p.text, quoted: inDouble });
        break;
      default:
        out.push({ text: p.text, quoted: inDouble });
    }
  });
  return out;
}

function doubleQuoted(children: readonly DoubleQuotedChild[], env: ExpandEnv): Chunk[] {
  const only = children.length === 1 ? children[0] : undefined;
  const all = only?.type === "SimpleExpansion" ? only.text === "$@" : only?.type === "ParameterExpansion" && only.parameter === "@" && !only.operation;
  if (all) return words(env.positional(), true);
  return [{ text: "", quoted: true }, ...parts(children, env, true)];
}

function words(values: readonly string[], quoted: boolean): Chunk[] {
  const out: Chunk[] = [];
  values.forEach((v, i) => {
    if (i > 0) out.push(BREAK);
    out.push({ text: v, quoted });
  });
  return out;
}

function param(name: string, env: ExpandEnv, quoted: boolean): Chunk[] {
  if (name === "@" || (name === "*" && !quoted)) return words(env.positional(), quoted);
  if (name === "*") return [{ text: env.positional().join(" "), quoted }];
  return [{ text: env.get(name) ?? "", quoted }];
}

function parameter(p: ParameterExpansionPart, env: ExpandEnv, quoted: boolean): Chunk[] {
  const name = p.parameter;
  const piece = (text: string): Chunk[] => [{ text, quoted }];
  const value = name === "@" || name === "*" ? env.positional().join(" ") : env.get(name);
  if (p.prefix === "#" && !p.operation) return piece(String(name === "@" || name === "*" ? env.positional().length : [...(value ?? "")].length));
  const op = p.operation;
  if (!op) return name === "@" || name === "*" ? param(name, env, quoted) : piece(value ?? "");
  switch (op.type) {
    case "Default": {
      const missing = op.operator.startsWith(":") ? !value : value === undefined;
      const kind = op.operator.replace(":", "");
      if (kind === "+") return missing ? [] : piece(expandString(op.operand, env));
      if (!missing) return piece(value ?? "");
      const operand = expandString(op.operand, env);
      if (kind === "=") env.set(name, operand);
      if (kind === "?") {
        env.fail(`${name}: ${operand || "parameter not set"}`);
        return [];
      }
      return piece(operand);
    }
    case "Remove":
      return piece(removeAffix(value ?? "", expandPattern(op.operand, env), op.operator));
    case "Replace":
      return piece(replacePattern(value ?? "", expandPattern(op.pattern, env), expandString(op.replacement, env), op.operator));
    case "Slice": {
      const chars = [...(value ?? "")];
      const off = Number(expandString(op.offset, env)) || 0;
      const start = off < 0 ? Math.max(0, chars.length + off) : off;
      if (!op.length) return piece(chars.slice(start).join(""));
      const len = Number(expandString(op.length, env)) || 0;
      return piece(chars.slice(start, len < 0 ? chars.length + len : start + len).join(""));
    }
    case "CaseModification":
      return piece(op.operator.startsWith("^") ? (value ?? "").toUpperCase() : (value ?? "").toLowerCase());
    default:
      env.fail(`${p.text}: bad substitution`);
      return [];
  }
}

const IFS_WHITESPACE = " \t\n";

/** Field splitting: unquoted expansion results split on IFS; quoted text never does. */
function split(cs: Chunk[], env: ExpandEnv): Piece[][] {
  const ifs = env.get("IFS") ?? IFS_WHITESPACE;
  const fields: Piece[][] = [];
  let cur: Piece[] = [];
  let keep = false;
  const flush = (): void => {
    if (cur.length > 0 || keep) fields.push(cur);
    cur = [];
    keep = false;
  };
  for (const c of cs) {
    if (c === BREAK) {
      flush();
      continue;
    }
    if (c.quoted) {
      if (c.text === "") keep = true;
      else cur.push(c);
      continue;
    }
    let run = "";
    for (const ch of c.text) {
      if (!ifs.includes(ch)) {
        run += ch;
        continue;
      }
      if (run) cur.push({ text: run, quoted: false });
      run = "";
      flush();
    }
    if (run) cur.push({ text: run, quoted: false });
  }
  flush();
  return fields;
}

/** Pathname expansion of one field; a pattern that matches nothing stays as written. */
function glob(field: Piece[], env: ExpandEnv): string[] {
  const literal = field.map((p) => p.text).join("");
  if (!field.some((p) => !p.quoted && /[*?[]/.test(p.text))) return [literal];
  const pattern = field.map((p) => (p.quoted ? escapePattern(p.text) : p.text)).join("");
  const absolute = pattern.startsWith("/");
  let found = [absolute ? "/" : ""];
  for (const seg of pattern.split("/").filter((s) => s !== "")) {
    const next: string[] = [];
    for (const base of found) {
      const dir = base === "" ? env.cwd : base;
      const names = env.fs.readdir(dir);
      if (!Array.isArray(names)) continue;
      for (const n of names) {
        if (n.startsWith(".") && !seg.startsWith(".")) continue;
        if (matchPattern(seg, n, { pathname: true })) next.push(base === "" ? n : base === "/" ? `/${n}` : `${base}/${n}`);
      }
    }
    found = next;
  }
  return found.length > 0 ? found.sort() : [literal];
}
