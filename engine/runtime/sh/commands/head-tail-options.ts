/**
 * The command lines of head and tail: GNU getopt_long (long options, unambiguous prefixes)
 * or BusyBox getopt32 (short options only), the obsolete `-N` / `+N` first argument, and
 * each toolbox's words for a bad option or number.
 */

export interface HeadTailOptions {
  /** lines, or bytes with `bytes` */
  count: number;
  bytes: boolean;
  /** tail `+N`: from the Nth line or byte on */
  fromStart: boolean;
  /** head `-n -N`: all but the last N */
  allBut: boolean;
  headers: "auto" | "always" | "never";
  follow: "" | "descriptor" | "name";
  retry: boolean;
  /** `-s`, tail's pause between looks at followed files */
  intervalMs: number;
  files: string[];
}

type Cmd = "head" | "tail";

const SHORT: Record<Cmd, { gnu: string; busybox: string }> = {
  head: { gnu: "c:n:qvz", busybox: "n:c:qv" },
  tail: { gnu: "c:n:fFqs:vz", busybox: "fc:n:qs:vF" },
};

/** GNU long options: the short option each stands for, and whether it takes a value ("=") or may ("?"). */
const LONG: Record<Cmd, Readonly<Record<string, string>>> = {
  head: { bytes: "c=", lines: "n=", quiet: "q", silent: "q", verbose: "v", "zero-terminated": "z" },
  tail: { bytes: "c=", follow: "f?", lines: "n=", "max-unchanged-stats": "M=", pid: "P=", quiet: "q", retry: "R", silent: "q", "sleep-interval": "s=", verbose: "v", "zero-terminated": "z" },
};

/** `-s 0` is a busy loop in the real tools; here it would wake the process without end. */
const MIN_INTERVAL_MS = 100;

const USAGE: Record<Cmd, string> = {
  head:
    "Usage: head [OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n\n\t-n N[bkm]\tPrint first N lines\n\t-n -N[bkm]\tPrint all except N last lines\n\t-c [-]N[bkm]\tPrint first N bytes\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n",
  tail:
    "Usage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to.\nWith more than one FILE, precede each with a filename header.\n\n\t-c [+]N[bkm]\tPrint last N bytes\n\t-n N[bkm]\tPrint last N lines\n\t-n +N[bkm]\tStart on Nth line and print the rest\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n\t-f\t\tPrint data as file grows\n\t-F\t\tSame as -f, but keep retrying\n\t-s SECONDS\tWait SECONDS between reads with -f\n",
};

const MULTIPLIER: Record<string, number> = { "": 1, b: 512, k: 1024, K: 1024, m: 1024 * 1024, M: 1024 * 1024 };

/** The options, or the whole error text (exit status 1); `banner`: BusyBox's first usage line, for a BusyBox toolbox. */
export function parseHeadTail(cmd: Cmd, args: readonly string[], gnu: boolean, banner = ""): HeadTailOptions | { readonly error: string } {
  const o: HeadTailOptions = { count: 10, bytes: false, fromStart: false, allBut: false, headers: "auto", follow: "", retry: false, intervalMs: 1000, files: [] };
  const usage = (first: string): { error: string } => ({ error: gnu ? `${cmd}: ${first}\nTry '${cmd} --help' for more information.\n` : `${cmd}: ${first}\n${banner}\n${USAGE[cmd]}` });
  const apply = (letter: string, v?: string): string | undefined => {
    switch (letter) {
      case "n":
      case "c":
        return count(cmd, o, letter === "c", v ?? "", gnu);
      case "s":
        return interval(cmd, o, v ?? "", gnu);
      case "f":
        if (v !== undefined && !(v !== "" && ("descriptor".startsWith(v) || "name".startsWith(v)))) return `${cmd}: invalid argument '${v}' for '--follow'\nValid arguments are:\n  - 'descriptor'\n  - 'name'\nUsage: ${cmd} [OPTION]... [FILE]...\nTry '${cmd} --help' for more information.\n`;
        o.follow = v !== undefined && "name".startsWith(v) ? "name" : "descriptor";
        return undefined;
      case "F":
        o.follow = "name";
        o.retry = true;
        return undefined;
      case "R":
        o.retry = true;
        return undefined;
      case "q":
      case "v":
        o.headers = letter === "q" ? "never" : "always";
        return undefined;
      default:
        return undefined;
    }
  };
  let i = obsolete(cmd, o, args[0] ?? "") ? 1 : 0;
  const short = gnu ? SHORT[cmd].gnu : SHORT[cmd].busybox;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      o.files.push(...args.slice(i + 1));
      break;
    }
    if (a === "-" || !a.startsWith("-")) {
      o.files.push(a);
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const long = gnu ? longOption(cmd, name) : undefined;
      if (!long) return usage(`unrecognized option '${a}'`);
      const [full, spec] = long;
      if (spec.endsWith("=")) {
        const v = inline ?? args[++i];
        if (v === undefined) return usage(`option '--${full}' requires an argument`);
        const bad = apply(spec[0], v);
        if (bad) return { error: bad };
      } else if (inline !== undefined && !spec.endsWith("?")) return usage(`option '--${full}' doesn't allow an argument`);
      else {
        const bad = apply(spec[0], inline);
        if (bad) return { error: bad };
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      const at = short.indexOf(letter);
      if (at < 0) {
        // GNU tail takes digits only in an obsolete first argument (`tail -5 file`).
        if (gnu && cmd === "tail" && /\d/.test(letter)) return { error: `tail: option used in invalid context -- ${letter}\n` };
        return usage(`invalid option -- '${letter}'`);
      }
      if (short[at + 1] !== ":") {
        apply(letter);
        continue;
      }
      const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (v === undefined) return usage(`option requires an argument -- '${letter}'`);
      const bad = apply(letter, v);
      if (bad) return { error: bad };
      break;
    }
  }
  return o;
}

/** `head -5`, `tail -5`, `tail +5`, `tail -5f`, `tail -3c` as the first argument. */
function obsolete(cmd: Cmd, o: HeadTailOptions, first: string): boolean {
  const m = (cmd === "head" ? /^(-)(\d+)()()$/ : /^([-+])(\d+)([bcl]?)(f?)$/).exec(first);
  if (!m) return false;
  o.count = Number(m[2]) * (m[3] === "b" ? 512 : 1);
  o.bytes = m[3] === "b" || m[3] === "c";
  o.fromStart = m[1] === "+";
  if (m[4]) o.follow = "descriptor";
  return true;
}

/** A long option by its name or an unambiguous prefix of it: [full name, spec]. */
function longOption(cmd: Cmd, name: string): [string, string] | undefined {
  const table = LONG[cmd];
  if (table[name]) return [name, table[name]];
  const prefixed = Object.keys(table).filter((l) => l.startsWith(name));
  return name !== "" && prefixed.length === 1 ? [prefixed[0], table[prefixed[0]]] : undefined;
}

function interval(cmd: Cmd, o: HeadTailOptions, v: string, gnu: boolean): string | undefined {
  const s = gnu ? Number(v) : /^\d+$/.test(v) ? Number(v) : NaN;
  if (v.trim() === "" || !(s >= 0)) return gnu ? `${cmd}: invalid number of seconds: '${v}'\n` : `${cmd}: invalid number '${v}'\n`;
  o.intervalMs = Math.max(MIN_INTERVAL_MS, Math.round(s * 1000));
  return undefined;
}

/** `-n`/`-c` values: `+N` (tail: from the start), `-N` (head: all but the last N), a k/b/m multiplier. */
function count(cmd: Cmd, o: HeadTailOptions, bytes: boolean, v: string, gnu: boolean): string | undefined {
  const m = (gnu ? /^([-+]?)(\d+)([bkKmM]?)$/ : /^([-+]?)(\d+)([bkm]?)$/).exec(v);
  if (!m) return gnu ? `${cmd}: invalid number of ${bytes ? "bytes" : "lines"}: '${v}'\n` : `${cmd}: invalid number '${v}'\n`;
  o.bytes = bytes;
  o.count = Number(m[2]) * MULTIPLIER[m[3]];
  if (cmd === "tail") o.fromStart = m[1] === "+";
  else o.allBut = m[1] === "-";
  return undefined;
}
