/**
 * `$(VAR)` references in env values, command and args (third_party/forked/golang/expansion):
 * a defined variable is replaced, `$$` is a literal `$`, anything else stays as written.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== "$" || i + 1 >= input.length) {
      out += ch;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "(") {
      const close = input.indexOf(")", i + 2);
      if (close > i + 2) {
        const name = input.slice(i + 2, close);
        const value = lookup(name);
        out += value ?? `$(${name})`;
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
