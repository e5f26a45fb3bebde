import type { Builtin, BuiltinContext } from "./builtin";
import { leaveSsh } from "./ssh";

function statusArg(b: BuiltinContext, cmd: string): number | undefined {
  const arg = b.argv[1];
  if (arg === undefined) return b.sh.st.status;
  if (!/^[-+]?[0-9]+$/.test(arg)) {
    b.stderr(`bash: ${cmd}: ${arg}: numeric argument required\n`);
    return undefined;
  }
  return ((Number(arg) % 256) + 256) % 256;
}

/** `exit [n]`: leaves a subshell, returns from an ssh session to the previous host, or ends the login shell. */
export const exit: Builtin = async (b) => {
  const parsed = statusArg(b, b.argv[0]);
  const status = parsed ?? 2;
  const sh = b.sh;
  if (sh.subshells === 0 && sh.st.sshStack.length > 0) {
    leaveSsh(b);
    return status;
  }
  sh.flow = { kind: "exit" };
  if (sh.subshells === 0) sh.loggedOut = true;
  return status;
};

export const returnBuiltin: Builtin = async (b) => {
  if (!b.sh.inFunctionOrSource()) {
    b.stderr("bash: return: can only `return' from a function or sourced script\n");
    return 1;
  }
  const status = statusArg(b, "return") ?? 2;
  b.sh.flow = { kind: "return" };
  return status;
};

function loopControl(kind: "break" | "continue"): Builtin {
  return async (b) => {
    const n = b.argv[1] === undefined ? 1 : Number(b.argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      b.stderr(`bash: ${kind}: ${b.argv[1]}: loop count out of range\n`);
      return 1;
    }
    if (b.sh.loops === 0) {
      b.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    b.sh.flow = { kind, levels: Math.min(n, b.sh.loops) };
    return 0;
  };
}

export const breakBuiltin = loopControl("break");
export const continueBuiltin = loopControl("continue");

export const shift: Builtin = async (b) => {
  const n = b.argv[1] === undefined ? 1 : Number(b.argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    b.stderr(`bash: shift: ${b.argv[1]}: numeric argument required\n`);
    return 1;
  }
  const pos = b.sh.positional();
  if (n > pos.length) return 1;
  b.sh.setPositional(pos.slice(n));
  return 0;
};
