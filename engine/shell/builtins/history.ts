import type { Builtin } from "./builtin";

/** `history [n]`, `history -c`: numbered like bash, `%5d  %s`. */
export const history: Builtin = async (b) => {
  const h = b.sh.st.history;
  const arg = b.argv[1];
  if (arg === "-c") {
    h.length = 0;
    return 0;
  }
  if (arg !== undefined && !/^[0-9]+$/.test(arg)) {
    b.stderr(`bash: history: ${arg}: numeric argument required\n`);
    return 1;
  }
  const n = arg === undefined ? h.length : Math.min(Number(arg), h.length);
  const start = h.length - n;
  for (let i = start; i < h.length; i++) b.stdout(`${String(i + 1).padStart(5)}  ${h[i]}\n`);
  return 0;
};
