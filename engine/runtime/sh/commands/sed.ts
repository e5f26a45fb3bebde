/**
 * sed inside containers: BusyBox's (editors/sed.c) or GNU sed 4.9 by the image's toolbox,
 * running the learner's shell's evaluator (shell/coreutils/sed-run.ts) with each one's
 * words for errors. On a pipe it works line by line as input arrives, holding a line back
 * only while it cannot yet tell whether that line is the last (`$`) or a command wants the
 * next one (`n`, `N`), as real sed reads one line ahead.
 */
import { GNU_SED_USAGE } from "../../../shell/coreutils/sed";
import { runScript, SedRun, splitInput, type SedState } from "../../../shell/coreutils/sed-run";
import { parseSed, type SedCommand, type SedError } from "../../../shell/coreutils/sed-script";
import { parseOpts } from "../../../shell/coreutils/getopt";
import { resolvePath } from "../../../shell/vfs-path";
import { isFsError } from "../../fs/container-fs";
import type { CommandContext, Filter } from "../command";
import { usage } from "./busybox";

const BUSYBOX_USAGE =
  "sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n\t-e CMD\tAdd CMD to sed commands to be executed\n\t-f FILE\tAdd FILE contents to sed commands to be executed\n\t-i[SFX]\tEdit files in-place (otherwise sends to stdout)\n\t\tOptionally back files up, appending SFX\n\t-n\tSuppress automatic printing of pattern space\n\t-r,-E\tUse extended regex syntax\n\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).\n";

interface Invocation {
  readonly cmds: SedCommand[];
  readonly quiet: boolean;
  readonly inPlace: boolean;
  readonly operands: readonly string[];
}

/** BusyBox's words for a script that does not parse; forms it accepts that GNU's parser does not are named as the command at fault. */
function busyboxError(e: SedError): string {
  switch (e.kind) {
    case "regex":
      return `sed: bad regex '${e.detail}': ${e.reason}\n`;
    case "unmatched":
      return `sed: unmatched '${e.detail}'\n`;
    case "bad-s":
      return "sed: bad format in substitution expression\n";
    case "s-option":
      return "sed: bad option in substitution expression\n";
    case "comma":
      return "sed: no address after comma\n";
    case "missing-command":
      return "sed: missing command\n";
    case "unmatched-brace":
      return "sed: unterminated {\n";
    default:
      return `sed: unsupported command ${e.detail ?? ""}\n`;
  }
}

/** The command line, or the exit status after the message it earned. */
function invocation(ctx: CommandContext): Invocation | number {
  const busybox = ctx.sys.toolbox === "busybox";
  const args = ctx.argv.slice(1).map((a) => (/^-i.+/.test(a) || a.startsWith("--in-place=") ? "-i" : a));
  if (busybox && args[0] === "--version") {
    ctx.out("This is not GNU sed version 4.0\n");
    return 0;
  }
  const o = parseOpts("sed", args, {
    short: busybox ? "irEne:f:" : "nrEise:f:uz",
    long: { quiet: "n", silent: "n", "regexp-extended": "E", "in-place": "i", separate: "s", expression: "e:", file: "f:", posix: "posix", unbuffered: "u" },
  });
  if ("error" in o) {
    ctx.err(busybox ? o.error.replace(/Try 'sed --help'.*\n$/, "") + usage(ctx, BUSYBOX_USAGE) : o.error.replace(/Try 'sed --help'.*\n$/, "") + GNU_SED_USAGE);
    return 1;
  }
  const operands = [...o.operands];
  const scripts: string[] = [];
  for (const [k, v] of o.list) {
    if (k === "e") scripts.push(v);
    if (k !== "f") continue;
    const text = v === "-" ? ctx.stdin : ctx.fs.read(resolvePath(ctx.cwd, v));
    if (typeof text !== "string") {
      ctx.err(busybox ? `sed: can't open '${v}': ${text.message}\n` : `sed: couldn't open file ${v}: ${text.message}\n`);
      return 1;
    }
    scripts.push(text.replace(/\n$/, ""));
  }
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      ctx.err(busybox ? usage(ctx, BUSYBOX_USAGE) : GNU_SED_USAGE);
      return 1;
    }
    scripts.push(s);
  }
  const parsed = parseSed(scripts.join("\n"), o.has("E") || o.has("r"));
  if ("error" in parsed) {
    ctx.err(busybox ? busyboxError(parsed) : `${parsed.error}\n`);
    return 1;
  }
  const gnuOnly = parsed.commands.find((c) => c.name === "Q");
  if (busybox && gnuOnly) {
    ctx.err(`sed: unsupported command ${gnuOnly.name}\n`);
    return 1;
  }
  if (o.has("i") && operands.length === 0) {
    ctx.err(busybox ? "sed: -i requires an argument\n" : "sed: no input files\n");
    return 1;
  }
  return { cmds: parsed.commands, quiet: o.has("n"), inPlace: o.has("i"), operands };
}

/** `sed -i`: each file edited on its own. */
function inPlace(ctx: CommandContext, inv: Invocation): number {
  const busybox = ctx.sys.toolbox === "busybox";
  let status = 0;
  for (const f of inv.operands) {
    const path = resolvePath(ctx.cwd, f);
    const text = ctx.fs.read(path);
    if (isFsError(text)) {
      ctx.err(busybox ? `sed: ${f}: ${text.message}\n` : text.code === "EISDIR" ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${text.message}\n`);
      status = busybox ? 1 : 4;
      continue;
    }
    const r = runScript(inv.cmds, inv.quiet, splitInput(text));
    ctx.fs.write(path, r.text, false);
    if (r.quit !== undefined) return r.quit;
  }
  return status;
}

/** Reads the file operands (`-` is stdin, all there already) into one stream, as sed does. */
function gather(ctx: CommandContext, inv: Invocation, stdin: string): { text: string; status: number } {
  const busybox = ctx.sys.toolbox === "busybox";
  const texts: string[] = [];
  let status = 0;
  for (const f of inv.operands.length ? inv.operands : ["-"]) {
    const text = f === "-" ? stdin : ctx.fs.read(resolvePath(ctx.cwd, f));
    if (typeof text !== "string") {
      ctx.err(busybox ? `sed: can't open '${f}': ${text.message}\n` : `sed: can't read ${f}: ${text.message}\n`);
      status = busybox ? 1 : 2;
      continue;
    }
    texts.push(text);
  }
  return { text: texts.map((t, i) => (i < texts.length - 1 && t !== "" && !t.endsWith("\n") ? `${t}\n` : t)).join(""), status };
}

/** Runs the script over what it has: `gathered` stdin that is complete, or the lines that arrived. */
function runAll(ctx: CommandContext, inv: Invocation, stdin: string): number {
  const { text, status } = gather(ctx, inv, stdin);
  const r = runScript(inv.cmds, inv.quiet, splitInput(text));
  ctx.out(r.text);
  return r.quit ?? status;
}

/** A cycle reached past the lines that have arrived (the next line, or whether this one is the last). */
class NeedMore {}

type SedFilterState = { readonly gathered: string } | { readonly run: SedState; readonly pending: readonly string[] };

/** Runs whole cycles over the lines that arrived; a cycle that needs more input is undone and waits. */
function stream(ctx: CommandContext, inv: Invocation, st: { run: SedState; pending: readonly string[] }, text: string, eof: boolean): number | { state: SedFilterState } {
  const input = splitInput(text);
  const ls = [...st.pending, ...input.lines];
  const run = new SedRun(inv.cmds, inv.quiet, st.run);
  let i = 0;
  while (i < ls.length && run.quit === undefined) {
    const saved = run.state();
    const outAt = run.out.length;
    const from = i;
    try {
      run.line(
        ls[i++],
        () => {
          if (i < ls.length || eof) return i >= ls.length;
          throw new NeedMore();
        },
        () => {
          if (i < ls.length) return ls[i++];
          if (eof) return undefined;
          throw new NeedMore();
        },
      );
    } catch (e) {
      if (!(e instanceof NeedMore)) throw e;
      // undone: the cycle runs again, from its start, once more input is there
      const again = new SedRun(inv.cmds, inv.quiet, saved);
      again.out = run.out.slice(0, outAt);
      ctx.out(again.out);
      return { state: { run: again.state(), pending: ls.slice(from) } };
    }
  }
  let out = run.out;
  if (eof && input.noFinalNewline && i >= ls.length && out.endsWith("\n")) out = out.slice(0, -1);
  ctx.out(out);
  if (run.quit !== undefined) return run.quit;
  return eof ? 0 : { state: { run: run.state(), pending: [] } };
}

export const SED_FILTER: Filter<SedFilterState> = {
  start(ctx) {
    const inv = invocation(ctx);
    if (typeof inv === "number") return inv;
    if (inv.inPlace) return inPlace(ctx, inv);
    if (!inv.operands.includes("-") && inv.operands.length > 0) return runAll(ctx, inv, "");
    if (inv.operands.length > 1) return { state: { gathered: "" } };
    return { state: { run: new SedRun(inv.cmds, inv.quiet).state(), pending: [] } };
  },
  feed(ctx, st, text, eof) {
    const inv = invocation(ctx);
    if (typeof inv === "number") return inv;
    if ("gathered" in st) return eof ? runAll(ctx, inv, st.gathered + text) : { state: { gathered: st.gathered + text } };
    return stream(ctx, inv, st, text, eof);
  },
};
