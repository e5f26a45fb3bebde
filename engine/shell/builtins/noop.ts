import type { Builtin } from "./builtin";

/** `:`, `true`, and builtins accepted for compatibility whose settings this shell does not model (complete, shopt). */
export const trueBuiltin: Builtin = async () => 0;
export const falseBuiltin: Builtin = async () => 1;

/** `set -- a b` sets the positional parameters; `set` alone lists variables; options are accepted and ignored. */
export const set: Builtin = async (b) => {
  const args = b.argv.slice(1);
  if (args.length === 0) {
    const vars = b.sh.st.vars;
    for (const k of Object.keys(vars).sort()) b.stdout(`${k}=${vars[k]}\n`);
    return 0;
  }
  const dd = args.indexOf("--");
  if (dd >= 0) b.sh.setPositional(args.slice(dd + 1));
  else {
    const operands = args.filter((a, i) => !/^[-+]/.test(a) && !(i > 0 && args[i - 1] === "-o") && !(i > 0 && args[i - 1] === "+o"));
    if (operands.length) b.sh.setPositional(operands);
  }
  return 0;
};
