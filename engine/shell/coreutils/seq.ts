import type { Program } from "../program";
import { tryHelp } from "./getopt";
import { formatPrintf } from "./format";

const CHUNK = 1000;

function decimals(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m && !/[eE]/.test(s) ? m[1].length : 0;
}

/** `seq [-s SEP] [-w] [-f FMT] [FIRST [INCR]] LAST`; checks the abort signal so a huge range stops. */
export const seq: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let sep = "\n";
  let equalWidth = false;
  let format: string | undefined;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-s") sep = args[++i] ?? "";
    else if (a.startsWith("-s") && a.length > 2 && !/^-\d/.test(a)) sep = a.slice(2);
    else if (a === "-w") equalWidth = true;
    else if (a === "-f") format = args[++i];
    else nums.push(a);
  }
  if (nums.length === 0) {
    ctx.stderr(`seq: missing operand\n${tryHelp("seq")}`);
    return 1;
  }
  if (nums.length > 3) {
    ctx.stderr(`seq: extra operand '${nums[3]}'\n${tryHelp("seq")}`);
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(n)) {
      ctx.stderr(`seq: invalid floating point argument: '${n}'\n${tryHelp("seq")}`);
      return 1;
    }
  }
  const [first, incr, last] = nums.length === 1 ? ["1", "1", nums[0]] : nums.length === 2 ? [nums[0], "1", nums[1]] : [nums[0], nums[1], nums[2]];
  const step = Number(incr);
  if (step === 0) {
    ctx.stderr(`seq: invalid Zero increment value: '${incr}'\n${tryHelp("seq")}`);
    return 1;
  }
  const prec = Math.max(decimals(first), decimals(incr));
  const end = Number(last);
  const width = equalWidth ? Math.max(Number(first).toFixed(prec).length, end.toFixed(prec).length) : 0;
  const show = (v: number) => (format ? formatPrintf(format, [String(v)]).text : v.toFixed(prec).padStart(width, "0"));
  let chunk: string[] = [];
  let started = false;
  const flush = () => {
    if (chunk.length) ctx.stdout((started ? sep : "") + chunk.join(sep));
    started = started || chunk.length > 0;
    chunk = [];
  };
  for (let k = 0; ; k++) {
    const v = Number(first) + k * step;
    if (step > 0 ? v > end + 1e-10 : v < end - 1e-10) break;
    chunk.push(show(v));
    if (chunk.length >= CHUNK) {
      flush();
      if (ctx.signal.aborted) return 1;
    }
  }
  flush();
  if (started) ctx.stdout("\n");
  return 0;
};
