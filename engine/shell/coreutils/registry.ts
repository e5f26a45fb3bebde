import type { Program } from "../program";
import { awk } from "./awk/awk";
import { base64 } from "./base64";
import { basename, dirname } from "./basename";
import { cat } from "./cat";
import { chmod } from "./chmod";
import { clear } from "./clear";
import { cp } from "./cp";
import { cut } from "./cut";
import { date } from "./date";
import { echo } from "./echo";
import { grep } from "./grep";
import { head, tail } from "./head-tail";
import { hostname, uname, whoami } from "./host-info";
import { journalctl } from "./journalctl";
import { ls } from "./ls";
import { mkdir, rmdir } from "./mkdir";
import { mv } from "./mv";
import { printf } from "./printf";
import { rm } from "./rm";
import { sed } from "./sed";
import { seq } from "./seq";
import { sleep } from "./sleep";
import { sort } from "./sort";
import { systemctl } from "./systemctl";
import { tee } from "./tee";
import { touch } from "./touch";
import { tr } from "./tr";
import { uniq } from "./uniq";
import { vi } from "./vi";
import { wc } from "./wc";

/** The GNU tools found on the hosts' PATH, by name. */
export const COREUTILS: Readonly<Record<string, Program>> = {
  vi,
  vim: vi,
  nano: vi,
  awk,
  mawk: awk,
  gawk: awk,
  base64,
  basename,
  dirname,
  cat,
  chmod,
  clear,
  cp,
  cut,
  date,
  echo,
  grep,
  egrep: grep,
  fgrep: grep,
  head,
  tail,
  hostname,
  uname,
  whoami,
  journalctl,
  ls,
  mkdir,
  rmdir,
  mv,
  printf,
  rm,
  sed,
  seq,
  sleep,
  sort,
  systemctl,
  tee,
  touch,
  tr,
  uniq,
  wc,
};
