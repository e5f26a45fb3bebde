import { evalTestArgs } from "../test-expr";
import type { Builtin } from "./builtin";

/** `test expr` and `[ expr ]`. */
export const test: Builtin = async (b) => {
  const r = evalTestArgs(b.argv, b.fs, b.sh.cwd());
  if (r.error) b.stderr(r.error + "\n");
  return r.status;
};
