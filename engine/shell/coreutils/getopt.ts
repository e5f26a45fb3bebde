/**
 * GNU getopt_long as coreutils use it: bundled short flags (`-rf`), values attached or separate
 * (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), operands anywhere (permutation), `--` ends options.
 */
export interface OptSpec {
  /** Short letters; a letter followed by ":" takes a value. */
  short: string;
  /** Long name → key; a key ending in ":" takes a value, "?" an optional `=value`. */
  long?: Record<string, string>;
}

export interface ParsedOpts {
  /** Each option in order as [key, value]; flags have value "". */
  list: [string, string][];
  operands: string[];
  has(key: string): boolean;
  /** Last value given for the key. */
  get(key: string): string | undefined;
  all(key: string): string[];
}

export function tryHelp(cmd: string): string {
  return `Try '${cmd} --help' for more information.\n`;
}

export function parseOpts(cmd: string, args: string[], spec: OptSpec): ParsedOpts | { error: string } {
  const list: [string, string][] = [];
  const operands: string[] = [];
  const takes = (c: string) => spec.short[spec.short.indexOf(c) + 1] === ":";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (!exact) {
        const why = matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`;
        return { error: `${cmd}: ${why}\n${tryHelp(cmd)}` };
      }
      const keySpec = spec.long?.[exact] ?? exact;
      const key = keySpec.replace(/[:?]$/, "");
      if (keySpec.endsWith(":")) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { error: `${cmd}: option '--${exact}' requires an argument\n${tryHelp(cmd)}` };
        list.push([key, v]);
      } else if (eq >= 0 && !keySpec.endsWith("?")) {
        return { error: `${cmd}: option '--${exact}' doesn't allow an argument\n${tryHelp(cmd)}` };
      } else list.push([key, eq >= 0 ? a.slice(eq + 1) : ""]);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!spec.short.includes(c) || c === ":") return { error: `${cmd}: invalid option -- '${c}'\n${tryHelp(cmd)}` };
        if (takes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { error: `${cmd}: option requires an argument -- '${c}'\n${tryHelp(cmd)}` };
          list.push([c, v]);
          break;
        }
        list.push([c, ""]);
      }
      continue;
    }
    operands.push(a);
  }
  return {
    list,
    operands,
    has: (k) => list.some(([key]) => key === k),
    get: (k) => list.filter(([key]) => key === k).pop()?.[1],
    all: (k) => list.filter(([key]) => key === k).map(([, v]) => v),
  };
}
