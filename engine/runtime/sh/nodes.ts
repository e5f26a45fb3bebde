/**
 * What each kind of AST node does when the shell reaches it: a simple command runs at
 * once, compound commands push the frames that walk them, `a | b` starts its stages, and
 * `cmd &` becomes a process of its own.
 */
import type { ArithmeticCommand, ArithmeticExpression, Case, Redirection, TestCommand, Word } from "unbash";
import { matchPattern } from "../../shell/pattern";
import { evaluate } from "./arith";
import { expandPattern, expandString, expandWords } from "./expand";
import { Machine } from "./machine";
import type { Frame, NodeRef } from "./process-state";
import { applyRedirects } from "./redirects";
import { startPipeline } from "./pipeline";
import { notFound, shellError, testError } from "./shell-messages";
import { execSimple } from "./simple-command";
import { runDoubleBracket } from "./test-command";

type Node = { type: string } & Record<string, unknown>;

export function pushNode(m: Machine, ref: NodeRef): void {
  const node = m.nodeAt(ref) as Node;
  const st = m.st;
  switch (node.type) {
    case "Command":
      execSimple(m, ref);
      return;
    case "AndOr":
      m.push({ k: "andor", n: ref, i: 0 });
      return;
    case "Pipeline":
      pipeline(m, ref, node as unknown as { commands: unknown[]; prefixes: { type: string; posix?: unknown }[] });
      return;
    case "If":
      m.push({ k: "if", n: ref, branch: 0, done: false });
      m.push({ k: "list", n: m.child(ref, "clause"), i: 0 });
      return;
    case "While":
      m.push({ k: "loop", n: ref, phase: "cond", last: 0 });
      m.push({ k: "list", n: m.child(ref, "clause"), i: 0 });
      return;
    case "For": {
      const words = node.wordlist as Word[] | undefined;
      const items = words ? expandWords(words, m) : [...st.positional];
      m.push({ k: "for", n: ref, name: (node.name as { value: string }).value, items, i: 0, last: 0 });
      return;
    }
    case "ArithmeticFor": {
      const init = node.initialize as ArithmeticExpression | undefined;
      const r = evaluate(init, init ? "(init)" : "", m);
      if ("error" in r) {
        m.err(shellError(m.where(ref), r.error));
        st.status = 1;
        return;
      }
      m.push({ k: "cfor", n: ref, started: false, last: 0 });
      return;
    }
    case "BraceGroup":
      m.push({ k: "list", n: m.child(ref, "body"), i: 0 });
      return;
    case "Subshell":
      m.push({ k: "scope", kind: "subshell", saved: m.save() });
      m.push({ k: "list", n: m.child(ref, "body"), i: 0 });
      return;
    case "Case":
      caseNode(m, ref, node as unknown as Case);
      return;
    case "TestCommand": {
      const r = runDoubleBracket((node as unknown as TestCommand).expression, (w, pattern) => (pattern ? expandPattern(w, m) : expandString(w, m)), m.host.fs, st.cwd);
      if ("error" in r) m.err(testError(m.where(ref), "[[", r.error));
      st.status = r.status;
      return;
    }
    case "ArithmeticCommand": {
      const a = node as unknown as ArithmeticCommand;
      const r = evaluate(a.expression, a.body, m);
      if ("error" in r) {
        m.err(shellError(m.where(ref), r.error));
        st.status = 1;
      } else st.status = r.value !== 0 ? 0 : 1;
      return;
    }
    case "Function":
      st.functions[(node.name as { value: string }).value] = m.child(ref, "body");
      st.status = 0;
      return;
    case "Redirected": {
      const r = applyRedirects(m, ref, (node.redirects as Redirection[]) ?? []);
      if (!r) {
        st.status = 1;
        return;
      }
      m.push({ k: "scope", kind: "redirect", fds: r.fds, stdin: r.stdin });
      pushNode(m, m.child(ref, "command"));
      return;
    }
    default:
      m.err(shellError(m.where(ref), `${node.type}: not supported by this shell`));
      st.status = 2;
  }
}

function caseNode(m: Machine, ref: NodeRef, node: Case): void {
  const word = expandString(node.word, m);
  for (let i = 0; i < node.items.length; i++) {
    if (node.items[i].pattern.some((p) => matchPattern(expandPattern(p, m), word))) {
      m.push({ k: "list", n: m.child(ref, "items", i, "body"), i: 0 });
      return;
    }
  }
  m.st.status = 0;
}

/** One turn of `for ((init; test; update))`: update (after the first), test, then the body. */
export function arithmeticFor(m: Machine, f: Extract<Frame, { k: "cfor" }>): void {
  const node = m.nodeAt(f.n) as { test?: ArithmeticExpression; update?: ArithmeticExpression };
  if (f.started) {
    f.last = m.st.status;
    evaluate(node.update, node.update ? "(update)" : "", m);
  }
  const t = node.test ? evaluate(node.test, "(test)", m) : { value: 1 };
  if ("error" in t || t.value === 0) {
    m.st.frames.pop();
    m.st.status = f.last;
    return;
  }
  f.started = true;
  m.push({ k: "list", n: m.child(f.n, "body"), i: 0 });
}

/**
 * `a | b | c` (see pipeline.ts), with `!` and `time` in front. `time` is a keyword only in
 * bash, where it times the whole pipeline; ash runs BusyBox's time applet on the first
 * command, and dash looks for a `time` program Debian does not ship.
 */
function pipeline(m: Machine, ref: NodeRef, node: { commands: unknown[]; prefixes: { type: string; posix?: unknown }[] }): void {
  const negate = node.prefixes.some((p) => p.type === "Negation");
  const time = node.prefixes.find((p) => p.type === "Time");
  const flavour = m.where().flavour;
  if (time && flavour === "dash") {
    m.err(notFound(m.where(ref), "time"));
    m.st.status = 127;
    return;
  }
  const posix = time?.posix !== undefined;
  const timed: Frame[] = time ? [{ k: "timed", start: m.st.clock, format: flavour === "bash" ? (posix ? "bash-posix" : "bash") : posix ? "busybox-posix" : "busybox" }] : [];
  if (node.commands.length === 1) {
    if (negate) m.push({ k: "not" });
    for (const f of timed) m.push(f);
    pushNode(m, m.child(ref, "commands", 0));
    return;
  }
  if (flavour === "bash") {
    for (const f of timed) m.push(f);
    startPipeline(m, ref, node.commands.length, negate);
  } else startPipeline(m, ref, node.commands.length, negate, timed);
}

/** `cmd &`: a compound command becomes a process of its own; a simple one starts without waiting. */
export function background(m: Machine, ref: NodeRef): void {
  const node = m.nodeAt(ref) as Node;
  if (node.type === "Command") {
    execSimple(m, ref, true);
    m.st.status = 0;
    return;
  }
  const pid = m.host.sys.nextPid();
  const proc = m.childState(pid, m.fds(), []);
  pushNode(new Machine(proc, m.host, "resume"), ref);
  m.host.spawn(proc);
  m.st.lastBackgroundPid = pid;
  m.st.status = 0;
}
