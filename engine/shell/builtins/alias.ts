import { singleQuote, type Builtin } from "./builtin";

/** `alias`, `alias name`, `alias name=value`; listing is sorted and single-quoted like bash. */
export const alias: Builtin = async (b) => {
  const aliases = b.sh.st.aliases;
  const args = b.argv.slice(1).filter((a) => a !== "-p");
  if (args.length === 0) {
    for (const name of Object.keys(aliases).sort()) b.stdout(`alias ${name}=${singleQuote(aliases[name])}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) {
      if (Object.prototype.hasOwnProperty.call(aliases, arg)) b.stdout(`alias ${arg}=${singleQuote(aliases[arg])}\n`);
      else {
        b.stderr(`bash: alias: ${arg}: not found\n`);
        status = 1;
      }
      continue;
    }
    const name = arg.slice(0, eq);
    if (/[\s/$`=|&;<>()'"\\]/.test(name)) {
      b.stderr(`bash: alias: \`${name}': invalid alias name\n`);
      status = 1;
      continue;
    }
    aliases[name] = arg.slice(eq + 1);
  }
  return status;
};

export const unalias: Builtin = async (b) => {
  const aliases = b.sh.st.aliases;
  const args = b.argv.slice(1);
  if (args.length === 0) {
    b.stderr("unalias: usage: unalias [-a] name [name ...]\n");
    return 2;
  }
  if (args[0] === "-a") {
    for (const k of Object.keys(aliases)) delete aliases[k];
    return 0;
  }
  let status = 0;
  for (const name of args) {
    if (Object.prototype.hasOwnProperty.call(aliases, name)) delete aliases[name];
    else {
      b.stderr(`bash: unalias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};
