/**
 * `kubectl __complete ARGS`, cobra's hidden command (completions.go getCompletions): the
 * last argument is the word being completed. It finds the command the way cobra's Find
 * does, then answers a flag's value (its completion function, or the manifest extensions of
 * `-f`), flag names for a word starting with `-`, or else the subcommands, the required
 * flags and the verb's arguments. The answer is what kubectl prints: one candidate a line,
 * a tab before its description, then `:<directive>`.
 */
import type { FlagSpec, ParsedFlags } from "../flags";
import { parseFlags } from "../flags";
import type { CobraCommand } from "./cobra-tree";
import { KUBECTL, PERSISTENT, allFlags } from "./cobra-tree";
import type { CompletionFunc } from "./completion-funcs";
import type { CompletionHost } from "./completion-target";
import { completionTarget } from "./completion-target";
import { ARGS_FUNCTIONS, FLAG_FUNCTIONS, GLOBAL_FLAG_FUNCTIONS, MANIFEST_FLAG, REQUIRED_FLAGS, VALID_ARGS } from "./registrations";
import type { CompletionResult } from "./shell-comp-directive";
import { DEFAULT, FILTER_FILE_EXT, NO_FILE_COMP } from "./shell-comp-directive";

const NOTHING: CompletionResult = { completions: [], directive: DEFAULT };

/** pflag's NoOptDefVal is set: the flag takes no separate value. */
const noOptDefVal = (f: FlagSpec) => f.type === "bool" || f.noOptDefault !== undefined;

/** The flags cobra knows while it searches for the command: `--help` is only added to the command found. */
function searchFlags(cmd: CobraCommand): FlagSpec[] {
  return allFlags(cmd).filter((f) => f.name !== "help");
}

/** A flag that would swallow the next argument (cobra's stripFlags and argsMinusFirstX). */
function takesNextArg(s: string, flags: readonly FlagSpec[]): boolean {
  if (s.includes("=")) return false;
  if (s.startsWith("--")) return !flags.some((f) => f.name === s.slice(2) && noOptDefVal(f));
  return s.length === 2 && s.startsWith("-") && !flags.some((f) => f.short === s[1] && noOptDefVal(f));
}

/** cobra's stripFlags: the words that are neither flags nor their values. */
function stripFlags(args: readonly string[], cmd: CobraCommand): string[] {
  const flags = searchFlags(cmd);
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === "--") break;
    if (takesNextArg(s, flags)) {
      if (args.length - i - 1 <= 1) break;
      i++;
    } else if (s !== "" && !s.startsWith("-")) words.push(s);
  }
  return words;
}

/** cobra's argsMinusFirstX: the arguments without the first `name` that is not a flag's value. */
function argsMinusFirst(args: readonly string[], name: string, cmd: CobraCommand): string[] {
  const flags = searchFlags(cmd);
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === "--") break;
    if (takesNextArg(s, flags)) i++;
    else if (!s.startsWith("-") && s === name) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return [...args];
}

/** cobra's Find: the deepest command the arguments name; the root takes no other argument (legacyArgs). */
function find(args: readonly string[]): { cmd: CobraCommand; args: string[] } | undefined {
  let cmd = KUBECTL;
  let rest = [...args];
  for (;;) {
    const next = stripFlags(rest, cmd)[0];
    const sub = next === undefined ? undefined : cmd.subcommands.find((s) => s.name === next || s.aliases.includes(next));
    if (!sub || next === undefined) break;
    rest = argsMinusFirst(rest, next, cmd);
    cmd = sub;
  }
  if (cmd === KUBECTL && stripFlags(rest, cmd).length > 0) return undefined;
  return { cmd, args: rest };
}

/** cobra's findFlag: a one-letter name is a shorthand, own flags first. */
function findFlag(cmd: CobraCommand, name: string): FlagSpec | undefined {
  const all = allFlags(cmd);
  const long = name.length === 1 ? all.find((f) => f.short === name)?.name : name;
  return long === undefined ? undefined : all.find((f) => f.name === long);
}

const isFlagArg = (a: string) => (a.length >= 3 && a.startsWith("--")) || (a.length >= 2 && a[0] === "-" && a[1] !== "-");

interface FlagCompletion {
  /** the flag whose value is being completed */
  readonly flag?: FlagSpec;
  readonly args: readonly string[];
  readonly toComplete: string;
  /** the flag named is not one of the command's */
  readonly unknown?: boolean;
}

/** cobra's checkIfFlagCompletion: `--flag=val`, `-f=val`, or a value after `--flag` / `-f`. */
function checkIfFlagCompletion(cmd: CobraCommand, args: readonly string[], last: string): FlagCompletion {
  let name = "";
  let toComplete = last;
  let trimmed = args;
  let withEqual = false;
  if (last.startsWith("-")) {
    const eq = last.indexOf("=");
    if (eq < 0) return { args, toComplete: last };
    name = last.slice(0, eq).startsWith("--") ? last.slice(2, eq) : last.slice(eq - 1, eq);
    toComplete = last.slice(eq + 1);
    withEqual = true;
  } else if (args.length > 0) {
    const prev = args[args.length - 1];
    if (isFlagArg(prev) && !prev.includes("=")) {
      name = prev.startsWith("--") ? prev.slice(2) : prev.slice(-1);
      trimmed = args.slice(0, -1);
    }
  }
  if (!name) return { args: trimmed, toComplete };
  const flag = findFlag(cmd, name);
  if (!flag) return { args, toComplete: last, unknown: true };
  // a boolean after all: the word is an argument, not the flag's value
  if (!withEqual && noOptDefVal(flag)) return { args, toComplete };
  return { flag, args: trimmed, toComplete };
}

/** getFlagNameCompletions: `--name` and `-n`, each with its usage, when they begin with `toComplete`. */
function flagNames(f: FlagSpec, toComplete: string): string[] {
  if (f.hidden) return [];
  const names = [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])];
  return names.filter((n) => n.startsWith(toComplete)).map((n) => `${n}\t${f.usage}`);
}

/** completeRequireFlags: the required flags not set yet. */
function requiredFlags(cmd: CobraCommand, parsed: ParsedFlags, toComplete: string): string[] {
  const required = REQUIRED_FLAGS[cmd.path] ?? [];
  return [...cmd.inherited, ...cmd.flags].filter((f) => required.includes(f.name) && !parsed.changed.has(f.name)).flatMap((f) => flagNames(f, toComplete));
}

/** The completion function registered for a flag: a global flag's, or the command's own. */
function flagFunction(cmd: CobraCommand, flag: FlagSpec): CompletionFunc | undefined {
  return PERSISTENT.includes(flag) ? GLOBAL_FLAG_FUNCTIONS[flag.name] : FLAG_FUNCTIONS[cmd.path]?.[flag.name];
}

/** The ValidArgsFunction of cobra's default `help` command: the subcommands of the command named so far. */
const helpTopics: CompletionFunc = (args, toComplete) => {
  const found = find(args);
  const subs = found?.cmd.subcommands ?? [];
  return { completions: subs.filter((s) => s.name.startsWith(toComplete)).map((s) => `${s.name}\t${s.short}`), directive: NO_FILE_COMP };
};

function argsFunction(cmd: CobraCommand): CompletionFunc | undefined {
  return cmd.path === "kubectl help" ? helpTopics : ARGS_FUNCTIONS[cmd.path];
}

function getCompletions(request: readonly string[], host: CompletionHost): CompletionResult {
  const found = find(request.slice(0, -1));
  if (!found) return NOTHING;
  const cmd = found.cmd;
  const fc = checkIfFlagCompletion(cmd, found.args, request[request.length - 1] ?? "");
  const parse = parseFlags(fc.args, allFlags(cmd));
  if (!parse.ok) return NOTHING;
  const parsed = parse.value;
  // after `--` every word is an argument
  const flagCompletion = parsed.argsLenAtDash < 0;
  if (fc.unknown && flagCompletion) return NOTHING;
  if (parsed.changed.has("help")) return { completions: [], directive: NO_FILE_COMP };
  const flag = flagCompletion ? fc.flag : undefined;
  const toComplete = fc.toComplete;
  const args = parsed.args;

  if (flag && flag.name === MANIFEST_FLAG.name) return { completions: MANIFEST_FLAG.extensions, directive: FILTER_FILE_EXT };
  if (!fc.flag && toComplete.startsWith("-") && !toComplete.includes("=") && flagCompletion) {
    const required = requiredFlags(cmd, parsed, toComplete);
    const offered = [...cmd.inherited, ...cmd.flags].filter((f) => !parsed.changed.has(f.name) || f.type === "stringSlice" || f.type === "stringArray");
    return { completions: required.length > 0 ? required : offered.flatMap((f) => flagNames(f, toComplete)), directive: NO_FILE_COMP };
  }

  const completions: string[] = [];
  let directive = DEFAULT;
  if (!fc.flag) {
    const localFlagSet = cmd !== KUBECTL && cmd.flags.some((f) => parsed.changed.has(f.name));
    if (args.length === 0 && !localFlagSet && cmd.subcommands.length > 0) {
      completions.push(...cmd.subcommands.filter((s) => s.name.startsWith(toComplete)).map((s) => `${s.name}\t${s.short}`));
      directive = NO_FILE_COMP;
    }
    completions.push(...requiredFlags(cmd, parsed, toComplete));
    const valid = VALID_ARGS[cmd.path];
    if (valid) {
      if (args.length === 0) {
        completions.push(...valid.filter((v) => v.startsWith(toComplete)));
        directive = NO_FILE_COMP;
      }
      return { completions, directive };
    }
  }
  const fn = flag ? flagFunction(cmd, flag) : argsFunction(cmd);
  if (!fn) return { completions, directive };
  const r = fn(args, toComplete, completionTarget(host, parsed));
  return { completions: [...completions, ...r.completions], directive: r.directive };
}

/** What `kubectl __complete ...args` prints on stdout. */
export function completeRequest(args: readonly string[], host: CompletionHost): string {
  const { completions, directive } = getCompletions(args, host);
  // cobra prints the first line of each candidate, trimmed
  const lines = completions.map((c) => c.split("\n")[0].trim());
  return [...lines, `:${directive}`].join("\n") + "\n";
}
