import type { Program } from "../program";
import { parseOpts } from "./getopt";
import { lines, readOperand, resolve } from "./io-helpers";

/** `uniq [-c] [-d] [-u] [-i] [input [output]]`: adjacent duplicates only, like GNU uniq. */
export const uniq: Program = async (ctx) => {
  const o = parseOpts("uniq", ctx.argv.slice(1), { short: "cduif:s:", long: { count: "c", repeated: "d", unique: "u", "ignore-case": "i" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  const [input = "-", output] = o.operands;
  const r = readOperand(ctx, input);
  if ("error" in r) {
    ctx.stderr(`uniq: ${input}: ${r.error}\n`);
    return 1;
  }
  const skipFields = Number(o.get("f") ?? 0);
  const skipChars = Number(o.get("s") ?? 0);
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^\s*\S+/, "");
    s = s.slice(skipChars);
    return o.has("i") ? s.toLowerCase() : s;
  };
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(r.text)) {
    const last = groups[groups.length - 1];
    if (last && key(last.line) === key(l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  const out = groups
    .filter((g) => (o.has("d") ? g.n > 1 : true) && (o.has("u") ? g.n === 1 : true))
    .map((g) => (o.has("c") ? `${String(g.n).padStart(7)} ${g.line}` : g.line));
  const text = out.length ? out.join("\n") + "\n" : "";
  if (output !== undefined) {
    const err = ctx.fs.writeFile(resolve(ctx, output), text);
    if (err) {
      ctx.stderr(`uniq: ${output}: ${err.message}\n`);
      return 1;
    }
  } else ctx.stdout(text);
  return 0;
};
