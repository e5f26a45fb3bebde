import { evaluateArithmeticText } from "../arithmetic";
import type { Builtin } from "./builtin";

/** `let expr...`: arithmetic on each argument; status 0 when the last value is non-zero. */
export const letBuiltin: Builtin = async (b) => {
  const args = b.argv.slice(1);
  if (args.length === 0) {
    b.stderr("bash: let: expression expected\n");
    return 1;
  }
  const sh = b.sh;
  const env = { getVar: (n: string) => sh.param(n), setVar: (n: string, v: string) => void sh.setVar(n, v), expandParts: async () => "" };
  let last = 0;
  for (const a of args) {
    const r = await evaluateArithmeticText(a, env);
    if ("error" in r) {
      b.stderr(r.error + "\n");
      return 1;
    }
    last = r.value;
  }
  return last !== 0 ? 0 : 1;
};
