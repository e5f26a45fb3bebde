import type { Case, CommandNode, CompoundList, For, If, While } from "unbash";
import { evaluateArithmetic } from "./arithmetic";
import { newExpander } from "./shell-expander";
import type { Ctx, Interp } from "./interpreter";
import { matchPattern } from "./pattern";
import { withRedirects } from "./redirect";
import { evalConditional } from "./test-expr";

/** Runs if/for/while/until/case, groups, subshells, `[[ ]]`, `(( ))`, function definitions and redirected blocks. */
export async function execCompound(sh: Interp, node: Exclude<CommandNode, { type: "Command" }>, ctx: Ctx): Promise<number> {
  switch (node.type) {
    case "If":
      return execIf(sh, node, ctx);
    case "For":
      return execFor(sh, node, ctx);
    case "While":
      return execWhile(sh, node, ctx);
    case "Case":
      return execCase(sh, node, ctx);
    case "BraceGroup":
      return sh.execStatements(node.body.commands, ctx);
    case "Subshell":
      return sh.subshell(() => sh.execStatements(node.body.commands, ctx));
    case "Redirected": {
      const r = await withRedirects(sh, node.redirects, ctx);
      if ("error" in r) {
        ctx.io.stderr.write(r.error + "\n");
        return 1;
      }
      const status = await sh.execCommand(node.command, r.ctx);
      r.close();
      return status;
    }
    case "Function": {
      const name = node.name.value;
      sh.st.functions[name] = ctx.src.slice(node.pos, node.end);
      return 0;
    }
    case "TestCommand": {
      if (!sh.limits.step()) return abort(sh);
      const exp = newExpander(sh, ctx);
      const r = await evalConditional(node.expression, exp, sh.fs(), sh.cwd());
      if (exp.error) return expansionFailed(sh, ctx, exp.error);
      if (r.error) ctx.io.stderr.write(r.error + "\n");
      return r.status;
    }
    case "ArithmeticCommand": {
      if (!sh.limits.step()) return abort(sh);
      const exp = newExpander(sh, ctx);
      const r = await evaluateArithmetic(node.expression, node.body, { getVar: (n) => sh.getVar(n), setVar: (n, v) => void sh.setVar(n, v), expandParts: (p) => exp.partsText(p) });
      if ("error" in r) {
        ctx.io.stderr.write(r.error + "\n");
        return 1;
      }
      return r.value !== 0 ? 0 : 1;
    }
    case "ArithmeticFor":
      return execArithmeticFor(sh, node, ctx);
    case "Select":
    case "Coproc":
      ctx.io.stderr.write(`bash: ${node.type.toLowerCase()}: not supported in this shell\n`);
      return 2;
  }
}

function abort(sh: Interp): number {
  sh.flow = { kind: "abort" };
  return 1;
}

function expansionFailed(sh: Interp, ctx: Ctx, error: string): number {
  ctx.io.stderr.write(error + "\n");
  sh.flow = { kind: "abort" };
  return 1;
}

async function list(sh: Interp, body: CompoundList, ctx: Ctx): Promise<number> {
  return sh.execStatements(body.commands, ctx);
}

async function execIf(sh: Interp, node: If, ctx: Ctx): Promise<number> {
  const branches = [{ clause: node.clause, then: node.then }, ...node.elif];
  for (const b of branches) {
    const cond = await list(sh, b.clause, ctx);
    if (sh.flow) return cond;
    if (cond === 0) return list(sh, b.then, ctx);
  }
  return node.else ? list(sh, node.else, ctx) : 0;
}

/** After one loop body: true when the loop must stop; consumes the break/continue aimed at this loop. */
function loopShouldStop(sh: Interp): boolean {
  const f = sh.flow;
  if (!f) return false;
  if (f.kind === "break") {
    sh.flow = f.levels > 1 ? { kind: "break", levels: f.levels - 1 } : undefined;
    return true;
  }
  if (f.kind === "continue") {
    sh.flow = f.levels > 1 ? { kind: "continue", levels: f.levels - 1 } : undefined;
    return f.levels > 1;
  }
  return true;
}

async function loop(sh: Interp, ctx: Ctx, next: () => Promise<boolean>, body: CompoundList): Promise<number> {
  let status = 0;
  sh.loops++;
  while (true) {
    if (!sh.limits.step()) {
      status = abort(sh);
      break;
    }
    if (sh.userSignal?.aborted) {
      sh.flow = { kind: "abort" };
      status = 130;
      break;
    }
    if (!(await next()) || sh.flow) break;
    status = await list(sh, body, ctx);
    if (loopShouldStop(sh)) break;
  }
  sh.loops--;
  return status;
}

async function execFor(sh: Interp, node: For, ctx: Ctx): Promise<number> {
  const exp = newExpander(sh, ctx);
  const items = node.wordlist ? await exp.fields(node.wordlist) : [...sh.positional()];
  if (exp.error) return expansionFailed(sh, ctx, exp.error);
  let i = 0;
  return loop(
    sh,
    ctx,
    async () => {
      if (i >= items.length) return false;
      const err = sh.setVar(node.name.value, items[i++]);
      if (err) ctx.io.stderr.write(err + "\n");
      return err === undefined;
    },
    node.body,
  );
}

async function execWhile(sh: Interp, node: While, ctx: Ctx): Promise<number> {
  return loop(
    sh,
    ctx,
    async () => {
      const cond = await list(sh, node.clause, ctx);
      if (sh.flow?.kind === "break" || sh.flow?.kind === "continue") {
        loopShouldStop(sh);
        return false;
      }
      return node.kind === "while" ? cond === 0 : cond !== 0;
    },
    node.body,
  );
}

async function execArithmeticFor(sh: Interp, node: Extract<CommandNode, { type: "ArithmeticFor" }>, ctx: Ctx): Promise<number> {
  const exp = newExpander(sh, ctx);
  const env = { getVar: (n: string) => sh.getVar(n), setVar: (n: string, v: string) => void sh.setVar(n, v), expandParts: exp.partsText.bind(exp) };
  const run = async (e: typeof node.test): Promise<number | undefined> => {
    if (!e) return 1;
    const r = await evaluateArithmetic(e, "", env);
    if ("error" in r) {
      ctx.io.stderr.write(r.error + "\n");
      return undefined;
    }
    return r.value;
  };
  if ((await run(node.initialize)) === undefined) return 1;
  let first = true;
  return loop(
    sh,
    ctx,
    async () => {
      if (!first && (await run(node.update)) === undefined) return false;
      first = false;
      const t = await run(node.test);
      return t !== undefined && t !== 0;
    },
    node.body,
  );
}

async function execCase(sh: Interp, node: Case, ctx: Ctx): Promise<number> {
  const exp = newExpander(sh, ctx);
  const word = await exp.string(node.word);
  let status = 0;
  let fallthrough = false;
  for (const item of node.items) {
    let matched = fallthrough;
    for (const p of item.pattern) {
      if (matched) break;
      matched = matchPattern(await exp.pattern(p), word);
    }
    if (exp.error) return expansionFailed(sh, ctx, exp.error);
    if (!matched) continue;
    status = await list(sh, item.body, ctx);
    if (sh.flow) return status;
    if (item.terminator === ";&") fallthrough = true;
    else if (item.terminator === ";;&") fallthrough = false;
    else return status;
  }
  return status;
}
