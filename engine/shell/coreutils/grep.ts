import type { Program, ProgramContext } from "../program";
import { compilePosix } from "../posix-regex";
import { parseOpts, type ParsedOpts } from "./getopt";
import { lines, resolve } from "./io-helpers";

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function buildMatcher(o: ParsedOpts, patterns: string[]): RegExp | { error: string } {
  const extended = o.has("E") || o.has("P");
  const sources: string[] = [];
  for (const p of patterns) {
    if (o.has("F")) sources.push(escapeRegExp(p));
    else {
      const re = compilePosix(p, extended);
      if ("error" in re) return re;
      sources.push(re.source);
    }
  }
  let src = sources.map((s) => `(?:${s})`).join("|");
  if (o.has("x")) src = `^(?:${src})$`;
  else if (o.has("w")) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(src, o.has("i") ? "gi" : "g");
  } catch {
    return { error: "Invalid regular expression" };
  }
}

type Source = { name: string; text: string } | { name: string; error: string };

/** Files named on the command line, walking directories for -r; errors are reported as they are met. */
function collect(ctx: ProgramContext, o: ParsedOpts, operands: string[]): Source[] {
  const recursive = o.has("r") || o.has("R");
  const out: Source[] = [];
  const walk = (name: string, path: string) => {
    const st = ctx.fs.stat(path);
    if (!st) {
      out.push({ name, error: `grep: ${name}: No such file or directory` });
      return;
    }
    if (st.type === "dir") {
      if (!recursive) {
        out.push({ name, error: `grep: ${name}: Is a directory` });
        return;
      }
      const names = ctx.fs.readdir(path);
      if (!Array.isArray(names)) return;
      for (const n of names) walk(name === "." && operands.length === 0 ? n : name.endsWith("/") ? name + n : `${name}/${n}`, path === "/" ? `/${n}` : `${path}/${n}`);
      return;
    }
    out.push({ name, text: ctx.fs.readFile(path) ?? "" });
  };
  if (operands.length === 0) {
    if (recursive) walk(".", resolve(ctx, "."));
    else out.push({ name: "(standard input)", text: ctx.stdin });
    return out;
  }
  for (const name of operands) {
    if (name === "-") out.push({ name: "(standard input)", text: ctx.stdin });
    else walk(name, resolve(ctx, name));
  }
  return out;
}

/** GNU grep's main flags: -E -F -i -v -w -x -c -l -L -n -o -q -s -h -H -r -m -A -B -C -e. */
export const grep: Program = async (ctx) => {
  const name0 = ctx.argv[0].replace(/^.*\//, "");
  const preset = name0 === "egrep" ? ["-E"] : name0 === "fgrep" ? ["-F"] : [];
  const o = parseOpts("grep", [...preset, ...ctx.argv.slice(1)], {
    short: "EFGPivwxclLnoqshHrRm:A:B:C:e:f:Zz",
    long: {
      "extended-regexp": "E", "fixed-strings": "F", "basic-regexp": "G", "perl-regexp": "P", "ignore-case": "i", "invert-match": "v",
      "word-regexp": "w", "line-regexp": "x", count: "c", "files-with-matches": "l", "files-without-match": "L", "line-number": "n",
      "only-matching": "o", quiet: "q", silent: "q", "no-messages": "s", "no-filename": "h", "with-filename": "H", recursive: "r",
      "dereference-recursive": "R", "max-count": "m:", "after-context": "A:", "before-context": "B:", context: "C:", regexp: "e:", "color?": "color?", "colour?": "color?",
    },
  });
  if ("error" in o) {
    ctx.stderr(o.error.replace(/Try 'grep --help'.*\n$/, "") + USAGE);
    return 2;
  }
  const operands = [...o.operands];
  let patterns = o.all("e");
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      ctx.stderr(USAGE);
      return 2;
    }
    patterns = [p];
  }
  patterns = patterns.flatMap((p) => p.split("\n"));
  const re = buildMatcher(o, patterns);
  if ("error" in re) {
    ctx.stderr(`grep: ${re.error}\n`);
    return 2;
  }
  const sources = collect(ctx, o, operands);
  const multi = !o.has("h") && (o.has("H") || sources.length > 1 || operands.length > 1 || o.has("r") || o.has("R"));
  const after = Number(o.get("A") ?? o.get("C") ?? 0);
  const before = Number(o.get("B") ?? o.get("C") ?? 0);
  const max = o.has("m") ? Number(o.get("m")) : Infinity;
  const out: string[] = [];
  let any = false;
  let failed = false;
  const flush = () => {
    if (out.length) ctx.stdout(out.join("\n") + "\n");
    out.length = 0;
  };
  for (const src of sources) {
    if ("error" in src) {
      failed = true;
      flush();
      if (!o.has("s")) ctx.stderr(src.error + "\n");
      continue;
    }
    const ls = lines(src.text);
    const prefix = (n: number, sep: string) => (multi ? `${src.name}${sep}` : "") + (o.has("n") ? `${n + 1}${sep}` : "");
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    for (let i = 0; i < ls.length && count < max; i++) {
      re.lastIndex = 0;
      const hit = re.test(ls[i]) !== o.has("v");
      if (!hit) {
        if (afterLeft > 0 && !o.has("c") && !o.has("l") && !o.has("L") && !o.has("q")) {
          out.push(prefix(i, "-") + ls[i]);
          lastPrinted = i;
          afterLeft--;
        }
        continue;
      }
      count++;
      any = true;
      if (o.has("q")) return 0;
      if (o.has("c") || o.has("l") || o.has("L")) continue;
      const from = Math.max(lastPrinted + 1, i - before);
      if ((before > 0 || after > 0) && lastPrinted >= 0 && from > lastPrinted + 1) out.push("--");
      if ((before > 0 || after > 0) && lastPrinted < 0 && out.length > 0 && from > 0) out.push("--");
      for (let j = from; j < i; j++) out.push(prefix(j, "-") + ls[j]);
      if (o.has("o") && !o.has("v")) {
        re.lastIndex = 0;
        for (const m of ls[i].matchAll(re)) if (m[0] !== "") out.push(prefix(i, ":") + m[0]);
      } else out.push(prefix(i, ":") + ls[i]);
      lastPrinted = i;
      afterLeft = after;
    }
    if (o.has("c")) out.push((multi ? `${src.name}:` : "") + count);
    if (o.has("l") && count > 0) out.push(src.name);
    if (o.has("L") && count === 0) out.push(src.name);
  }
  flush();
  if (failed && !(o.has("q") && any)) return 2;
  return any ? 0 : 1;
};
