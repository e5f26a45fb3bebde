import type { Assignment, Command, CommandArgument, Redirection, Word } from "unbash";
import { invoke } from "./dispatch";
import type { Expander } from "./expand";
import { newExpander } from "./expander-for";
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

async function expandArgs(exp: Expander, words: readonly CommandArgument[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    if (w.type === "Word") out.push(...(await exp.fields([w])));
    else out.push(`${w.name}${w.append ? "+=" : "="}${await assignedValue(exp, w)}`);
  }
  return out;
}

export async function assignedValue(exp: Expander, a: Assignment): Promise<string> {
  if (a.value.type === "ArrayValue") return (await exp.fields(a.value.elements)).join(" ");
  return exp.string(a.value as Word);
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
  const argv = await expandArgs(exp, aliased.words);
  const env: Record<string, string> = {};
  for (const a of aliased.assignments) {
    const v = await assignedValue(exp, a);
    env[a.name] = a.append ? (sh.getVar(a.name) ?? "") + v : v;
  }
  if (exp.error) return fail(sh, ctx, exp.error);
  const redirected = await withRedirects(sh, aliased.redirects, ctx);
  if ("error" in redirected) {
    ctx.io.stderr.write(redirected.error + "\n");
    return 1;
  }
  let status: number;
  if (argv.length === 0) {
    status = sh.substStatus ?? 0;
    for (const [name, value] of Object.entries(env)) {
      const err = sh.setVar(name, value);
      if (err) {
        redirected.ctx.io.stderr.write(`${err}\n`);
        status = 1;
      }
    }
  } else status = await invoke(sh, argv, redirected.ctx, env);
  redirected.close();
  sh.removeProcFiles();
  return status;
}

function fail(sh: Interp, ctx: Ctx, error: string): number {
  ctx.io.stderr.write(error + "\n");
  sh.flow = { kind: "abort" };
  return 1;
}
