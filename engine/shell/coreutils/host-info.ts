import type { Program } from "../program";

const KERNEL = "5.15.0-1071-kvm";

export const hostname: Program = async (ctx) => {
  ctx.stdout(ctx.host + "\n");
  return 0;
};

export const whoami: Program = async (ctx) => {
  ctx.stdout("root\n");
  return 0;
};

/** `uname [-a|-s|-n|-r|-m|-o]` for an Ubuntu node. */
export const uname: Program = async (ctx) => {
  const flags = ctx.argv.slice(1).join("").replace(/-/g, "");
  const all = flags.includes("a");
  const fields: [string, string][] = [
    ["s", "Linux"],
    ["n", ctx.host],
    ["r", KERNEL],
    ["v", "#77-Ubuntu SMP Mon Oct 14 17:09:44 UTC 2024"],
    ["m", "x86_64"],
    ["p", "x86_64"],
    ["i", "x86_64"],
    ["o", "GNU/Linux"],
  ];
  const picked = fields.filter(([f]) => all || flags.includes(f)).map(([, v]) => v);
  ctx.stdout((picked.length ? picked : ["Linux"]).join(" ") + "\n");
  return 0;
};
