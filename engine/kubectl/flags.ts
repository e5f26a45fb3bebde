/**
 * A flag parser with cobra/pflag's rules: flags anywhere among the arguments, `--x=v`,
 * `--x v`, `-xv`, `-x=v`, grouped short booleans (`-it`), `--` ending flags, and pflag's
 * error texts.
 */

export type FlagType = "bool" | "string" | "int" | "stringArray" | "stringSlice" | "duration";

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  readonly default?: string | number | boolean | readonly string[];
  readonly usage: string;
  /** bool-like flags that also take `=value` only (like `--dry-run`, `--validate`) */
  readonly noOptDefault?: string;
  readonly hidden?: boolean;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedFlags {
  readonly values: Readonly<Record<string, FlagValue>>;
  /** flag names the user set explicitly */
  readonly changed: ReadonlySet<string>;
  readonly args: readonly string[];
  /** index in args where `--` was, or -1 */
  readonly argsLenAtDash: number;
}

export type FlagParse = { ok: true; value: ParsedFlags } | { ok: false; error: string };

function defaultValue(f: FlagSpec): FlagValue {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : (f.default as FlagValue);
  switch (f.type) {
    case "bool":
      return false;
    case "int":
      return 0;
    case "stringArray":
    case "stringSlice":
      return [];
    default:
      return "";
  }
}

const PARSE_BOOL: Record<string, boolean> = { "1": true, t: true, T: true, TRUE: true, true: true, True: true, "0": false, f: false, F: false, FALSE: false, false: false, False: false };

function setValue(values: Record<string, FlagValue>, f: FlagSpec, raw: string, flagText: string): string | undefined {
  switch (f.type) {
    case "bool": {
      const b = PARSE_BOOL[raw];
      if (b === undefined) return `invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      values[f.name] = b;
      return undefined;
    }
    case "int": {
      if (!/^[+-]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      values[f.name] = Number(raw);
      return undefined;
    }
    case "stringArray":
      values[f.name] = [...(values[f.name] as string[]), raw];
      return undefined;
    case "stringSlice":
      values[f.name] = [...(values[f.name] as string[]), ...(raw === "" ? [] : raw.split(","))];
      return undefined;
    default:
      values[f.name] = raw;
      return undefined;
  }
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagParse {
  const byName = new Map(specs.map((f) => [f.name, f]));
  const byShort = new Map(specs.filter((f) => f.short).map((f) => [f.short as string, f]));
  const values: Record<string, FlagValue> = {};
  for (const f of specs) values[f.name] = defaultValue(f);
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;

  const takesValue = (f: FlagSpec) => f.type !== "bool" && f.noOptDefault === undefined;
  const clearSlice = (f: FlagSpec) => {
    if ((f.type === "stringArray" || f.type === "stringSlice") && !changed.has(f.name)) values[f.name] = [];
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const f = byName.get(name);
      if (!f) return { ok: false, error: `unknown flag: --${name}` };
      clearSlice(f);
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (!takesValue(f)) raw = f.type === "bool" ? "true" : (f.noOptDefault as string);
      else if (i + 1 < argv.length) raw = argv[++i];
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = setValue(values, f, raw, `--${name}`);
      if (err) return { ok: false, error: err };
      changed.add(f.name);
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && a !== "-") {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j];
        const f = byShort.get(c);
        if (!f) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        clearSlice(f);
        const rest = shorts.slice(j + 1);
        let raw: string;
        if (rest.startsWith("=")) raw = rest.slice(1);
        else if (!takesValue(f)) raw = f.type === "bool" ? "true" : (f.noOptDefault as string);
        else if (rest) raw = rest;
        else if (i + 1 < argv.length) raw = argv[++i];
        else return { ok: false, error: `flag needs an argument: '${c}' in ${a}` };
        const err = setValue(values, f, raw, `-${c}, --${f.name}`);
        if (err) return { ok: false, error: err };
        changed.add(f.name);
        if (rest.startsWith("=") || (takesValue(f) && rest)) break;
      }
      continue;
    }
    args.push(a);
  }
  return { ok: true, value: { values, changed, args, argsLenAtDash } };
}

export function str(flags: ParsedFlags, name: string): string {
  const v = flags.values[name];
  return typeof v === "string" ? v : v === undefined ? "" : String(v);
}

export function bool(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}

export function int(flags: ParsedFlags, name: string): number {
  const v = flags.values[name];
  return typeof v === "number" ? v : Number(v ?? 0);
}

export function list(flags: ParsedFlags, name: string): string[] {
  const v = flags.values[name];
  return Array.isArray(v) ? v : [];
}
