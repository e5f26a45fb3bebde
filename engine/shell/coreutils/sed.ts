import type { Program, ProgramContext } from "../program";
import { parseOpts } from "./getopt";
import { resolve } from "./io-helpers";
import { runScript, splitInput } from "./sed-run";
import { parseSed } from "./sed-script";

/** GNU sed 4.9 prints this when given no script. */
export const GNU_SED_USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

/** `sed [-n] [-E|-r] [-i[SUF]] [-s] (-e SCRIPT | -f FILE)... | SCRIPT [file...]` */
export const sed: Program = async (ctx: ProgramContext) => {
  const args = ctx.argv.slice(1).flatMap((a) => (/^-i.+/.test(a) && !a.startsWith("--") ? ["-i"] : a === "--in-place" || a.startsWith("--in-place=") ? ["-i"] : [a]));
  const o = parseOpts("sed", args, {
    short: "nrEise:f:uz",
    long: { quiet: "n", silent: "n", "regexp-extended": "E", "in-place": "i", separate: "s", "expression:": "e:", expression: "e:", "file:": "f:", file: "f:", debug: "debug", posix: "posix", unbuffered: "u" },
  });
  if ("error" in o) {
    ctx.stderr(o.error.replace(/Try 'sed --help'.*\n$/, "") + GNU_SED_USAGE);
    return 1;
  }
  const operands = [...o.operands];
  const scripts: string[] = [];
  for (const [k, v] of o.list) {
    if (k === "e") scripts.push(v);
    if (k === "f") {
      const t = v === "-" ? ctx.stdin : ctx.fs.readFile(resolve(ctx, v));
      if (t === undefined) {
        ctx.stderr(`sed: couldn't open file ${v}: No such file or directory\n`);
        return 1;
      }
      scripts.push(t.replace(/\n$/, ""));
    }
  }
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      ctx.stderr(GNU_SED_USAGE);
      return 1;
    }
    scripts.push(s);
  }
  const parsed = parseSed(scripts.join("\n"), o.has("E") || o.has("r"));
  if ("error" in parsed) {
    ctx.stderr(parsed.error + "\n");
    return 1;
  }
  const quiet = o.has("n");
  const inPlace = o.has("i");
  if (inPlace && operands.length === 0) {
    ctx.stderr("sed: no input files\n");
    return 1;
  }
  let status = 0;
  const texts: string[] = [];
  for (const f of operands.length ? operands : ["-"]) {
    if (f === "-") {
      texts.push(ctx.stdin);
      continue;
    }
    const path = resolve(ctx, f);
    const r = ctx.fs.read(path);
    if (typeof r !== "string") {
      ctx.stderr(r.code === "EISDIR" ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${r.message}\n`);
      status = 2;
      continue;
    }
    if (inPlace) {
      const res = runScript(parsed.commands, quiet, splitInput(r));
      const err = ctx.fs.writeFile(path, res.text);
      if (err) {
        ctx.stderr(`sed: couldn't write to ${f}: ${err.message}\n`);
        status = 4;
      }
      if (res.quit !== undefined) return res.quit;
    } else texts.push(r);
  }
  if (inPlace) return status;
  const joined = o.has("s") ? texts : [texts.map((t, i) => (i < texts.length - 1 && t !== "" && !t.endsWith("\n") ? t + "\n" : t)).join("")];
  for (const t of joined) {
    const res = runScript(parsed.commands, quiet, splitInput(t));
    ctx.stdout(res.text);
    if (res.quit !== undefined) return res.quit;
  }
  return status;
};
