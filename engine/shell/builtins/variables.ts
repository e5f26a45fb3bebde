import type { Builtin, BuiltinContext } from "./builtin";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function declareLine(name: string, value: string | undefined, flag: string): string {
  const v = value === undefined ? "" : `="${value.replace(/(["\\$`])/g, "\\$1")}"`;
  return `declare ${flag} ${name}${v}\n`;
}

/** Parses `name[=value]` operands, reporting invalid identifiers as bash does; returns the failure count. */
function assignAll(b: BuiltinContext, cmd: string, operands: string[], each: (name: string, value: string | undefined) => void): number {
  let failed = 0;
  for (const op of operands) {
    const eq = op.indexOf("=");
    const append = eq > 0 && op[eq - 1] === "+";
    const name = eq < 0 ? op : op.slice(0, append ? eq - 1 : eq);
    if (!NAME.test(name)) {
      b.stderr(`bash: ${cmd}: \`${op}': not a valid identifier\n`);
      failed++;
      continue;
    }
    const value = eq < 0 ? undefined : (append ? (b.sh.getVar(name) ?? "") : "") + op.slice(eq + 1);
    each(name, value);
  }
  return failed;
}

function options(argv: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  let i = 1;
  for (; i < argv.length && /^[-+][a-zA-Z]+$/.test(argv[i]); i++) for (const f of argv[i].slice(1)) flags.add(argv[i][0] === "+" ? "+" + f : f);
  if (argv[i] === "--") i++;
  return { flags, operands: argv.slice(i) };
}

export const exportBuiltin: Builtin = async (b) => {
  const sh = b.sh;
  const { flags, operands } = options(b.argv);
  if (operands.length === 0) {
    for (const name of [...sh.st.exported].sort()) b.stdout(declareLine(name, sh.getVar(name), "-x"));
    return 0;
  }
  const failed = assignAll(b, "export", operands, (name, value) => {
    if (value !== undefined) sh.setVar(name, value);
    if (flags.has("n")) sh.unexportVar(name);
    else sh.exportVar(name);
  });
  return failed ? 1 : 0;
};

export const declare: Builtin = async (b) => {
  const sh = b.sh;
  const { flags, operands } = options(b.argv);
  if (flags.has("f") || flags.has("F")) {
    const names = operands.length ? operands : Object.keys(sh.st.functions).sort();
    for (const n of names) {
      const src = sh.st.functions[n];
      if (src === undefined) return 1;
      b.stdout(flags.has("F") ? `declare -f ${n}\n` : src + "\n");
    }
    return 0;
  }
  if (operands.length === 0) {
    for (const name of Object.keys(sh.st.vars).sort()) b.stdout(declareLine(name, sh.getVar(name), sh.st.exported.includes(name) ? "-x" : "--"));
    return 0;
  }
  const failed = assignAll(b, b.argv[0], operands, (name, value) => {
    if (flags.has("p")) {
      const v = sh.getVar(name);
      if (v === undefined) b.stderr(`bash: declare: ${name}: not found\n`);
      else b.stdout(declareLine(name, v, sh.st.exported.includes(name) ? "-x" : "--"));
      return;
    }
    if (b.argv[0] === "local" || b.sh.inFunctionOrSource()) sh.makeLocal(name);
    if (value !== undefined) sh.setVar(name, value);
    else if (sh.getVar(name) === undefined && b.argv[0] === "local") sh.setVar(name, "");
    if (flags.has("x")) sh.exportVar(name);
    if (flags.has("+x")) sh.unexportVar(name);
  });
  return failed ? 1 : 0;
};

export const local: Builtin = async (b) => {
  if (!b.sh.makeLocal("_")) {
    b.stderr("bash: local: can only be used in a function\n");
    return 1;
  }
  return declare(b);
};

export const unset: Builtin = async (b) => {
  const { flags, operands } = options(b.argv);
  for (const name of operands) {
    if (flags.has("f")) delete b.sh.st.functions[name];
    else if (!flags.has("v") && b.sh.getVar(name) === undefined) delete b.sh.st.functions[name];
    else b.sh.unsetVar(name);
  }
  return 0;
};
