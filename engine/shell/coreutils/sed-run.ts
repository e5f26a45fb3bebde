/**
 * The sed evaluator both shells use: the learner's GNU sed (sed.ts) and the sed inside
 * containers (runtime/sh/commands/sed.ts, BusyBox or GNU). Scripts come from sed-script.ts;
 * a run can stop between lines and go on from its `state()`, for input that arrives
 * through a pipe.
 */
import type { Address, SedCommand } from "./sed-script";

/** Replacement text: `&`, `\1`..`\9`, `\n`, `\t`, and GNU's `\U` `\L` `\u` `\l` `\E` case conversion. */
function expandReplacement(rep: string, m: RegExpExecArray): string {
  let out = "";
  let mode: "" | "U" | "L" = "";
  let once: "" | "u" | "l" = "";
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === "U" ? ch.toUpperCase() : mode === "L" ? ch.toLowerCase() : ch;
      if (once) {
        c = once === "u" ? c.toUpperCase() : c.toLowerCase();
        once = "";
      }
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === "&") add(m[0]);
    else if (c === "\\" && i + 1 < rep.length) {
      const n = rep[++i];
      if (/[0-9]/.test(n)) add(m[Number(n)] ?? "");
      else if (n === "n") add("\n");
      else if (n === "t") add("\t");
      else if (n === "U" || n === "L") mode = n;
      else if (n === "E") mode = "";
      else if (n === "u" || n === "l") once = n;
      else add(n);
    } else add(c);
  }
  return out;
}

export interface Input {
  lines: string[];
  /** Whether the text ended without a newline (GNU sed then omits it too). */
  noFinalNewline: boolean;
}

/**
 * What a sed run remembers between input lines, as plain data: a container's sed reading
 * a pipe keeps it in its process between the pieces of input.
 */
export interface SedState {
  readonly hold: string;
  readonly lineNo: number;
  /** ranges under way: command index → the line they end at, or true until their end address matches */
  readonly active: readonly (readonly [number, number | true])[];
  /** the regex used last (an empty regex reuses it) */
  readonly lastRe?: { readonly source: string; readonly flags: string };
  readonly quit?: number;
}

/** One sed script applied line by line: output collects in `out`. */
export class SedRun {
  out = "";
  quit: number | undefined;
  private hold = "";
  private lastRe: RegExp | undefined;
  private readonly active = new Map<number, number | true>();
  private lineNo = 0;

  constructor(
    private readonly cmds: SedCommand[],
    private readonly quiet: boolean,
    state?: SedState,
  ) {
    if (!state) return;
    this.hold = state.hold;
    this.lineNo = state.lineNo;
    for (const [i, v] of state.active) this.active.set(i, v);
    this.lastRe = state.lastRe && new RegExp(state.lastRe.source, state.lastRe.flags);
    this.quit = state.quit;
  }

  state(): SedState {
    return { hold: this.hold, lineNo: this.lineNo, active: [...this.active], lastRe: this.lastRe && { source: this.lastRe.source, flags: this.lastRe.flags }, quit: this.quit };
  }

  /** `last` is asked only for a `$` address: a reader of a pipe cannot know it before the next line comes. */
  private matchAddr(a: Address, ps: string, last: () => boolean): boolean {
    switch (a.kind) {
      case "line":
        return this.lineNo === a.n;
      case "last":
        return last();
      case "step":
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case "re": {
        const re = a.re ?? this.lastRe;
        if (a.re) this.lastRe = a.re;
        if (!re) return false;
        re.lastIndex = 0;
        return re.test(ps);
      }
    }
  }

  private selected(idx: number, c: SedCommand, ps: string, last: () => boolean): boolean {
    if (!c.a1) return true;
    if (!c.a2) return this.matchAddr(c.a1, ps, last);
    const state = this.active.get(idx);
    if (state !== undefined) {
      let done: boolean;
      if (c.a2.kind === "plus" || state !== true) done = typeof state === "number" && this.lineNo >= state;
      else if (c.a2.kind === "line") done = this.lineNo >= c.a2.n;
      else done = this.matchAddr(c.a2, ps, last);
      if (done) this.active.delete(idx);
      return true;
    }
    if (!this.matchAddr(c.a1, ps, last)) return false;
    const a2 = c.a2;
    if (a2.kind === "plus") {
      if (a2.n > 0) this.active.set(idx, this.lineNo + a2.n);
    } else if (a2.kind === "line") {
      if (a2.n > this.lineNo) this.active.set(idx, a2.n);
    } else if (!(a2.kind === "last" && last())) this.active.set(idx, true);
    return true;
  }

  private substitute(c: SedCommand, ps: string): { text: string; changed: boolean } {
    const base = c.re ?? this.lastRe;
    if (c.re) this.lastRe = c.re;
    if (!base) return { text: ps, changed: false };
    const re = new RegExp(base.source, base.flags.replace("g", "") + "g");
    let n = 0;
    let changed = false;
    const text = ps.replace(re, (...args) => {
      n++;
      const want = c.nth ?? 1;
      if (n < want || (!c.global && n > want)) return args[0] as string;
      changed = true;
      const groups = args.slice(0, -2).filter((x) => typeof x === "string" || x === undefined) as string[];
      const m = Object.assign([...groups], { index: 0, input: ps }) as unknown as RegExpExecArray;
      return expandReplacement(c.replacement ?? "", m);
    });
    return { text, changed };
  }

  /** Runs the script over every line; `next` supplies lines for n/N. */
  line(ps0: string, last: () => boolean, next: () => string | undefined): void {
    this.lineNo++;
    let ps = ps0;
    const append: string[] = [];
    let autoprint = !this.quiet;
    let restart = false;
    do {
      restart = false;
      for (let i = 0; i < this.cmds.length; i++) {
        const c = this.cmds[i];
        if (c.name === "}") continue;
        const sel = this.selected(i, c, ps, last) !== c.negate;
        if (!sel) {
          if (c.name === "{") i = c.blockEnd ?? i;
          continue;
        }
        switch (c.name) {
          case "s": {
            const r = this.substitute(c, ps);
            ps = r.text;
            if (r.changed && c.print) this.out += ps + "\n";
            break;
          }
          case "y":
            ps = [...ps].map((ch) => {
              const k = [...(c.text ?? "")].indexOf(ch);
              return k >= 0 ? [...(c.to ?? "")][k] : ch;
            }).join("");
            break;
          case "p":
            this.out += ps + "\n";
            break;
          case "P":
            this.out += ps.split("\n")[0] + "\n";
            break;
          case "=":
            this.out += this.lineNo + "\n";
            break;
          case "l":
            this.out += ps.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n") + "$\n";
            break;
          case "a":
            append.push((c.text ?? "") + "\n");
            break;
          case "i":
            this.out += (c.text ?? "") + "\n";
            break;
          case "c":
            if (!c.a2 || !this.active.has(i)) this.out += (c.text ?? "") + "\n";
            return this.flushAppend(append);
          case "d":
            return this.flushAppend(append);
          case "D": {
            const nl = ps.indexOf("\n");
            if (nl < 0) return this.flushAppend(append);
            ps = ps.slice(nl + 1);
            restart = true;
            break;
          }
          case "h":
            this.hold = ps;
            break;
          case "H":
            this.hold += "\n" + ps;
            break;
          case "g":
            ps = this.hold;
            break;
          case "G":
            ps += "\n" + this.hold;
            break;
          case "x":
            [ps, this.hold] = [this.hold, ps];
            break;
          case "n": {
            if (!this.quiet) this.out += ps + "\n";
            const nx = next();
            if (nx === undefined) {
              autoprint = false;
              return this.flushAppend(append);
            }
            this.lineNo++;
            ps = nx;
            break;
          }
          case "N": {
            const nx = next();
            if (nx === undefined) return this.finish(ps, autoprint, append);
            this.lineNo++;
            ps += "\n" + nx;
            break;
          }
          case "q":
            this.quit = c.code ?? 0;
            return this.finish(ps, autoprint, append);
          case "Q":
            this.quit = c.code ?? 0;
            return;
        }
        if (restart) break;
      }
    } while (restart);
    this.finish(ps, autoprint, append);
  }

  private finish(ps: string, autoprint: boolean, append: string[]): void {
    if (autoprint) this.out += ps + "\n";
    this.flushAppend(append);
  }

  private flushAppend(append: string[]): void {
    this.out += append.join("");
  }
}

/** Runs a script over all of its input at once. */
export function runScript(cmds: SedCommand[], quiet: boolean, input: Input): { text: string; quit?: number } {
  const run = new SedRun(cmds, quiet);
  let i = 0;
  const ls = input.lines;
  while (i < ls.length && run.quit === undefined) {
    const line = ls[i++];
    run.line(
      line,
      () => i >= ls.length,
      () => (i < ls.length ? ls[i++] : undefined),
    );
  }
  let text = run.out;
  if (input.noFinalNewline && text.endsWith("\n") && i >= ls.length) text = text.slice(0, -1);
  return { text, quit: run.quit };
}

export function splitInput(text: string): Input {
  if (text === "") return { lines: [], noFinalNewline: false };
  const noFinalNewline = !text.endsWith("\n");
  const lines = (noFinalNewline ? text : text.slice(0, -1)).split("\n");
  return { lines, noFinalNewline };
}
