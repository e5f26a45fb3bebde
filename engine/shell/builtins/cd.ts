import type { Builtin } from "./builtin";

/** `cd [dir]`: `~`, `-` (prints the new directory) and relative paths; bash's error texts. */
export const cd: Builtin = async (b) => {
  const args = b.argv.slice(1).filter((a, i) => !(i === 0 && (a === "-L" || a === "-P")));
  if (args.length > 1) {
    b.stderr("bash: cd: too many arguments\n");
    return 1;
  }
  const sh = b.sh;
  let target = args[0] ?? sh.home();
  if (target === "-") {
    const old = sh.getVar("OLDPWD");
    if (!old) {
      b.stderr("bash: cd: OLDPWD not set\n");
      return 1;
    }
    target = old;
  }
  if (target === "") return 0;
  const path = b.fs.resolve(sh.cwd(), target, sh.home());
  const st = b.fs.stat(path);
  if (!st) {
    b.stderr(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (st.type !== "dir") {
    b.stderr(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.setCwd(path);
  if (args[0] === "-") b.stdout(path + "\n");
  return 0;
};

export const pwd: Builtin = async (b) => {
  b.stdout(b.sh.cwd() + "\n");
  return 0;
};
