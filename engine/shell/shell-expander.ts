import { Expander } from "./expand";
import type { Ctx, Interp } from "./interpreter";

/** An Expander wired to a running shell: its variables, file system and substitutions. */
export function newExpander(sh: Interp, ctx: Ctx): Expander {
  const exp: Expander = new Expander({
    param: (name) => sh.param(name),
    positional: () => sh.positional(),
    array: (name) => sh.getArray(name),
    home: () => sh.home(),
    cwd: () => sh.cwd(),
    fs: () => sh.fs(),
    getVar: (name) => sh.param(name),
    setVar: (name, value) => {
      const err = sh.setVar(name, value);
      if (err) exp.error ??= err;
    },
    expandParts: (parts) => exp.partsText(parts),
    commandSubst: async (script) => {
      const r = await sh.captureOutput(script, ctx);
      sh.substStatus = r.status;
      return r.out;
    },
    processSubst: async (script) => {
      const r = await sh.captureOutput(script, ctx);
      return sh.newProcFile(r.out);
    },
  });
  return exp;
}
