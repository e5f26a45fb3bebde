import type { Builtin } from "./builtin";

const DEFAULT_IFS = " \t\n";

/** Splits a line into `count` fields by IFS, the last field taking the rest, as `read a b c` does. */
export function splitForRead(line: string, count: number, ifs: string): string[] {
  const isWs = (c: string) => ifs.includes(c) && DEFAULT_IFS.includes(c);
  const isSep = (c: string) => ifs.includes(c);
  const out: string[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < line.length && isWs(line[i])) i++;
  };
  skipWs();
  while (out.length < count - 1 && i < line.length) {
    let field = "";
    while (i < line.length && !isSep(line[i])) field += line[i++];
    out.push(field);
    skipWs();
    if (i < line.length && isSep(line[i]) && !isWs(line[i])) {
      i++;
      skipWs();
    }
  }
  let rest = line.slice(i);
  while (rest.length > 0 && isWs(rest[rest.length - 1])) rest = rest.slice(0, -1);
  out.push(rest);
  while (out.length < count) out.push("");
  return out;
}

/** `read [-r] [-p prompt] [name ...]`: one line from stdin into variables; status 1 at end of input. */
export const read: Builtin = async (b) => {
  const args = b.argv.slice(1);
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-r") raw = true;
    else if (a === "-p" || a === "-t" || a === "-n" || a === "-N" || a === "-u") i++;
    else if (/^-[rs]+$/.test(a)) raw = raw || a.includes("r");
    else if (a === "-s" || a === "-e") continue;
    else if (a.startsWith("-")) {
      b.stderr(`bash: read: ${a}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
      return 2;
    } else names.push(a);
  }
  const input = b.ctx.io.stdin;
  let line = "";
  let complete = false;
  for (;;) {
    const got = input.readLine();
    if (!got) break;
    complete = got.complete;
    if (!raw && got.complete && /(^|[^\\])(\\\\)*\\$/.test(got.line)) {
      line += got.line.slice(0, -1);
      continue;
    }
    line += got.line;
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, "$1");
  const ifs = b.sh.getVar("IFS") ?? DEFAULT_IFS;
  if (names.length === 0) {
    b.sh.setVar("REPLY", line);
  } else {
    const values = splitForRead(line, names.length, ifs);
    names.forEach((n, i) => b.sh.setVar(n, values[i]));
  }
  return complete ? 0 : 1;
};
