import type { Program } from "../program";
import { tryHelp } from "./getopt";

function base(name: string, suffix: string | undefined): string {
  const trimmed = name.replace(/\/+$/, "");
  if (trimmed === "") return name === "" ? "" : "/";
  const b = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  return suffix && b !== suffix && b.endsWith(suffix) ? b.slice(0, -suffix.length) : b;
}

/** `basename NAME [SUFFIX]`, `basename -a NAME...`, `basename -s SUFFIX NAME...` */
export const basename: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let suffix: string | undefined;
  let multiple = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-a" || args[i] === "--multiple") multiple = true;
    else if (args[i] === "-s") {
      suffix = args[++i];
      multiple = true;
    } else names.push(args[i]);
  }
  if (names.length === 0) {
    ctx.stderr(`basename: missing operand\n${tryHelp("basename")}`);
    return 1;
  }
  if (!multiple && names.length > 2) {
    ctx.stderr(`basename: extra operand '${names[2]}'\n${tryHelp("basename")}`);
    return 1;
  }
  const list = multiple ? names : [names[0]];
  const suf = multiple ? suffix : names[1];
  ctx.stdout(list.map((n) => base(n, suf)).join("\n") + "\n");
  return 0;
};

/** `dirname NAME...` */
export const dirname: Program = async (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) {
    ctx.stderr(`dirname: missing operand\n${tryHelp("dirname")}`);
    return 1;
  }
  const dir = (n: string) => {
    const s = n.replace(/\/+$/, "");
    if (s === "") return n.startsWith("/") ? "/" : ".";
    const i = s.lastIndexOf("/");
    if (i < 0) return ".";
    return s.slice(0, i).replace(/\/+$/, "") || "/";
  };
  ctx.stdout(names.map(dir).join("\n") + "\n");
  return 0;
};
