import { COREUTILS } from "../coreutils/registry";
import { alias, unalias } from "./alias";
import type { Builtin } from "./builtin";
import { cd, pwd } from "./cd";
import { env } from "./env";
import { breakBuiltin, continueBuiltin, exit, returnBuiltin, shift } from "./flow";
import { help } from "./help";
import { history } from "./history";
import { letBuiltin } from "./let";
import { falseBuiltin, set, trueBuiltin } from "./noop";
import { read } from "./read";
import { bash, evalBuiltin, exec, source } from "./source";
import { ssh } from "./ssh";
import { sudo } from "./sudo";
import { test } from "./test";
import { command, type, which } from "./type";
import { declare, exportBuiltin, local, unset } from "./variables";
import { xargs } from "./xargs";

/** Commands the shell runs itself, because they read or change its state (or bash has them built in). */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ":": trueBuiltin,
  true: trueBuiltin,
  false: falseBuiltin,
  cd,
  pwd,
  echo: COREUTILS.echo,
  printf: COREUTILS.printf,
  test,
  "[": test,
  export: exportBuiltin,
  unset,
  local,
  declare,
  typeset: declare,
  readonly: declare,
  alias,
  unalias,
  source,
  ".": source,
  eval: evalBuiltin,
  exec,
  exit,
  logout: exit,
  return: returnBuiltin,
  break: breakBuiltin,
  continue: continueBuiltin,
  shift,
  set,
  read,
  history,
  type,
  which,
  command,
  help,
  complete: trueBuiltin,
  compopt: trueBuiltin,
  shopt: trueBuiltin,
  hash: trueBuiltin,
  ulimit: trueBuiltin,
  umask: trueBuiltin,
  wait: trueBuiltin,
  trap: trueBuiltin,
  let: letBuiltin,
  sudo,
  env,
  xargs,
  bash,
  sh: bash,
  ssh,
};
