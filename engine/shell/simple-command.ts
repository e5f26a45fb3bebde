import type { Assignment, Command, CommandArgument, Redirection, Word } from "unbash";
import { evaluateArithmeticText } from "./arithmetic";
import { invoke } from "./dispatch";
import type { Expander } from "./expand";
import { newExpander } from "./shell-expander";
import type { Ctx, Interp } from "./interpreter";
import { withRedirects } from "./redirect";

/** A simple command after alias expansion: what to assign, what to run, where its streams go. */
interface Resolved {
  assignments: readonly Assignment[];
  words: readonly CommandArgument[];
  redirects: readonly Redirection[];
}

const MAX_ALIAS_DEPTH = 20;

/** Splits a command's suffix into arguments and redirections, in source order. */
function split(cmd: Command): Resolved {
  const words: CommandArgument[] = cmd.name ? [cmd.name] : [];
  const redirects: Redirection[] = [];
  for (const r of cmd.prefix) if (r.type !== "Assignment") redirects.push(r);
  for (const s of cmd.suffix) {
    if (s.type === "Word" || s.type === "Assignment") words.push(s);
    else redirects.push(s);
  }
  return { assignments: cmd.prefix.filter((p): p is Assignment => p.type === "Assignment"), words, redirects };
}

function plainName(w: CommandArgument | undefined): string | undefined {
  return w?.type === "Word" && !w.parts && w.text === w.value ? w.value : undefined;
}

/**
 * Alias expansion on the command word. An alias whose value is one simple command is spliced in
 * (keeping this command's arguments, redirections and heredocs); a trailing space in the value
 * makes the next word eligible too, as in bash. Returns undefined for aliases of compound text.
 */
function expandAliases(sh: Interp, res: Resolved): Resolved | { text: string; rest: readonly CommandArgument[] } {
  let cur = res;
  const seen = new Set<string>();
  let index = 0;
  for (let n = 0; n < MAX_ALIAS_DEPTH; n++) {
    const name = plainName(cur.words[index]);
    if (name === undefined || seen.has(name) || !Object.prototype.hasOwnProperty.call(sh.st.aliases, name)) break;
    seen.add(name);
    const value = sh.st.aliases[name];
    const parsed = sh.parseCached(value);
    const stmt = parsed.commands[0]?.command;
    if (parsed.errors?.length || parsed.commands.length !== 1 || stmt?.type !== "Command") {
      return { text: value, rest: cur.words.slice(index + 1) };
    }
    const inner = split(stmt);
    cur = {
      assignments: [...cur.assignments, ...inner.assignments],
      words: [...cur.words.slice(0, index), ...inner.words, ...cur.words.slice(index + 1)],
      redirects: [...inner.redirects, ...cur.redirects],
    };
    if (/\s$/.test(value)) {
      index += inner.words.length;
      seen.clear();
    } else if (inner.words.length === 0) break;
  }
  return cur;
}

/** Builtins whose `name=value` arguments are assignments (so `local a=(x y)` makes an array). */
const DECLARATIONS = new Set(["local", "declare", "typeset", "export", "readonly"]);

/**
 * Expands arguments; `name=(...)` arguments of declaration builtins go to `onArray` and leave
 * just the name behind.
 */
async function expandArgs(exp: Expander, words: readonly CommandArgument[], onArray?: (a: Assignment, values: string[]) => void): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    if (w.type === "Word") out.push(...(await exp.fields([w])));
    else if (w.value.type === "ArrayValue" && onArray) {
      onArray(w, await exp.fields(w.value.elements));
      out.push(w.name);
    } else out.push(`${w.name}${w.append ? "+=" : "="}${await assignedValue(exp, w)}`);
  }
  return out;
}

async function assignedValue(exp: Expander, a: Assignment): Promise<string> {
  if (a.value.type === "ArrayValue") return (await exp.fields(a.value.elements)).join(" ");
  return exp.string(a.value as Word);
}

/** One `name=value`, `name+=value`, `name=(a b)` or `name[i]=value`; returns bash's error text. */
async function assign(sh: Interp, exp: Expander, a: Assignment): Promise<string | undefined> {
  if (a.value.type === "ArrayValue") {
    const values = await exp.fields(a.value.elements);
    const base = a.append ? (sh.getArray(a.name) ?? (sh.getVar(a.name) !== undefined ? [sh.getVar(a.name) ?? ""] : [])) : [];
    return sh.setArray(a.name, [...base, ...values]);
  }
  const value = await exp.string(a.value);
  if (a.index) {
    const env = { getVar: (n: string) => sh.param(n), setVar: (n: string, v: string) => void sh.setVar(n, v), expandParts: exp.partsText.bind(exp) };
    const r = await evaluateArithmeticText(await exp.string(a.index), env);
    if ("error" in r) return r.error;
    const old = a.append ? (sh.getArray(a.name)?.[r.value] ?? "") : "";
    return sh.setElement(a.name, r.value, old + value);
  }
  return sh.setVar(a.name, a.append ? (sh.getVar(a.name) ?? "") + value : value);
}

/** Runs one simple command: alias expansion, expansion, assignments, redirections, then the command. */
export async function execSimple(sh: Interp, cmd: Command, ctx: Ctx): Promise<number> {
  if (!sh.limits.step()) {
    sh.flow = { kind: "abort" };
    return 1;
  }
  const aliased = expandAliases(sh, split(cmd));
  const exp = newExpander(sh, ctx);
  if ("text" in aliased) {
    const rest = await expandArgs(exp, aliased.rest);
    if (exp.error) return fail(sh, ctx, exp.error);
    const quoted = rest.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    return sh.runText(`${aliased.text} ${quoted}`, ctx.io);
  }
  sh.substStatus = undefined;
  const arrays: [Assignment, string[]][] = [];
  const declaration = DECLARATIONS.has(plainName(aliased.words[0]) ?? "");
  const argv = await expandArgs(exp, aliased.words, declaration ? (a, values) => arrays.push([a, values]) : undefined);
  if (exp.error) return fail(sh, ctx, exp.error);
  const env: Record<string, string> = {};
  let status = 0;
  for (const a of aliased.assignments) {
    if (argv.length > 0) {
      const v = await assignedValue(exp, a);
      env[a.name] = a.append ? (sh.getVar(a.name) ?? "") + v : v;
      continue;
    }
    const err = await assign(sh, exp, a);
    if (err) {
      ctx.io.stderr.write(`${err}\n`);
      status = 1;
    }
  }
  if (exp.error) return fail(sh, ctx, exp.error);
  const redirected = await withRedirects(sh, aliased.redirects, ctx);
  if ("error" in redirected) {
    ctx.io.stderr.write(redirected.error + "\n");
    return 1;
  }
  if (argv.length === 0) status = status || (sh.substStatus ?? 0);
  else {
    for (const [a, values] of arrays) {
      if (argv[0] === "local") sh.makeLocal(a.name);
      sh.setArray(a.name, a.append ? [...(sh.getArray(a.name) ?? []), ...values] : values);
    }
    status = await invoke(sh, argv, redirected.ctx, env);
  }
  redirected.close();
  sh.removeProcFiles();
  return status;
}

function fail(sh: Interp, ctx: Ctx, error: string): number {
  ctx.io.stderr.write(error + "\n");
  sh.flow = { kind: "abort" };
  return 1;
}
