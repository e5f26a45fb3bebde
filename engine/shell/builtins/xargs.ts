import { invoke, lookupCommand } from "../dispatch";
import type { Builtin } from "./builtin";

type Items = { items: string[] } | { error: string };

/** Splits input the way GNU xargs does by default: blanks and newlines, with quotes and backslashes. */
function parseItems(input: string): Items {
  const items: string[] = [];
  let cur = "";
  let has = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === "'" || c === '"') {
      const end = input.indexOf(c, i + 1);
      const nl = input.indexOf("\n", i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        const kind = c === "'" ? "single" : "double";
        return { error: `xargs: unmatched ${kind} quote; by default quotes are special to xargs unless you use the -0 option` };
      }
      cur += input.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === "\\" && i + 1 < input.length) {
      cur += input[++i];
      has = true;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (has) items.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) items.push(cur);
  return { items };
}

/** `xargs [-n N] [-I R] [-0] [-d D] [-r] [-t] [cmd args]`: builds command lines from stdin (default `echo`). */
export const xargs: Builtin = async (b) => {
  const args = b.argv.slice(1);
  let maxArgs = Infinity;
  let replace: string | undefined;
  let delim: string | undefined;
  let noEmpty = false;
  let trace = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith("-") && args[i] !== "-"; i++) {
    const a = args[i];
    const value = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : args[++i]);
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("-n")) maxArgs = Number(value("-n"));
    else if (a.startsWith("-L")) maxArgs = Number(value("-L"));
    else if (a.startsWith("-I")) replace = value("-I");
    else if (a === "-i") replace = "{}";
    else if (a.startsWith("-d")) delim = value("-d").replace("\\n", "\n").replace("\\t", "\t");
    else if (a.startsWith("-P") || a.startsWith("-s")) value(a.slice(0, 2));
    else if (a === "-0" || a === "--null") delim = "\0";
    else if (a === "-r" || a === "--no-run-if-empty") noEmpty = true;
    else if (a === "-t" || a === "--verbose") trace = true;
    else {
      b.stderr(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  if (!Number.isFinite(maxArgs) && maxArgs !== Infinity) maxArgs = 1;
  const cmd = args.slice(i).length ? args.slice(i) : ["echo"];
  const input = b.stdin;
  let items: string[];
  if (replace !== undefined) items = input.split("\n").map((l) => l.replace(/^[ \t]+/, "")).filter((l) => l !== "");
  else if (delim !== undefined) items = input.split(delim).filter((s, k, all) => !(k === all.length - 1 && (s === "" || s === "\n")));
  else {
    const parsed = parseItems(input);
    if ("error" in parsed) {
      b.stderr(parsed.error + "\n");
      return 1;
    }
    items = parsed.items;
  }
  if (lookupCommand(b.sh, cmd[0]).kind === "none" && !cmd[0].includes("/")) {
    if (items.length === 0 && noEmpty) return 0;
    b.stderr(`xargs: ${cmd[0]}: No such file or directory\n`);
    return 127;
  }
  const batches: string[][] = [];
  if (replace !== undefined) {
    const r = replace;
    for (const item of items) batches.push(cmd.map((a) => a.split(r).join(item)));
  } else {
    const size = maxArgs > 0 ? maxArgs : Infinity;
    for (let k = 0; k < items.length; k += size) batches.push([...cmd, ...items.slice(k, k + size)]);
    if (items.length === 0 && !noEmpty) batches.push([...cmd]);
  }
  let status = 0;
  for (const argv of batches) {
    if (trace) b.stderr(argv.join(" ") + "\n");
    const s = await invoke(b.sh, argv, b.ctx);
    if (b.sh.flow?.kind === "abort") return 1;
    if (s === 255) return 124;
    if (s !== 0) status = 123;
  }
  return status;
};
