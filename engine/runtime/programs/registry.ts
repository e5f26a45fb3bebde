/** Every image program by the id the catalog's `programs` maps name, and the generic tools. */
import { filterCommand, type Command, type Filter } from "../sh/command";
import { AWK_FILTER } from "../sh/commands/awk";
import { busybox } from "../sh/commands/busybox";
import { SED_FILTER } from "../sh/commands/sed";
import { NOT_IN_ALPINE_BUSYBOX } from "../images/busybox-builds";
import { FILE_TOOLS } from "../sh/commands/file-tools";
import { HEAD_FILTERS } from "../sh/commands/head-tail";
import { NET_TOOLS } from "../sh/commands/net-tools";
import { SYSTEM_TOOLS } from "../sh/commands/system-tools";
import { TEXT_FILTERS, TEXT_TOOLS } from "../sh/commands/text-tools";
import { MEMCACHED_PROGRAM, MONGOD_PROGRAM, MYSQLADMIN, PG_ISREADY, POSTGRES_PROGRAM, mysqlProgram } from "./databases";
import { BUSYBOX_HTTPD, BUSYBOX_HTTPD_PROGRAM } from "./busybox-httpd";
import { DEMO_NAMES, demoProgram } from "./demos";
import { HTTPD_PROGRAM, REDIS_CLI, REDIS_PROGRAM } from "./httpd-redis";
import { EXEC_ARGS, INTERPRETER, NC_LISTENER, PYTHON_HTTP } from "./interpreters";
import { AGNHOST_PROGRAM, ETCD_PROGRAM, GOPROXY_PROGRAM, K8S_COMPONENT_PROGRAM, LIVENESS_PROGRAM, PAUSE_PROGRAM } from "./k8s-test";
import { NGINX_ENTRYPOINT, NGINX_PROGRAM } from "./nginx";
import type { Program } from "./program";
import { STRESS_PROGRAM, VISH_STRESS_PROGRAM } from "./stress";

export const PROGRAMS: Readonly<Record<string, Program>> = {
  "nginx-entrypoint": NGINX_ENTRYPOINT,
  nginx: NGINX_PROGRAM,
  httpd: HTTPD_PROGRAM,
  redis: REDIS_PROGRAM,
  postgres: POSTGRES_PROGRAM,
  mysql: mysqlProgram("MySQL"),
  mariadb: mysqlProgram("MariaDB"),
  memcached: MEMCACHED_PROGRAM,
  mongod: MONGOD_PROGRAM,
  liveness: LIVENESS_PROGRAM,
  agnhost: AGNHOST_PROGRAM,
  pause: PAUSE_PROGRAM,
  goproxy: GOPROXY_PROGRAM,
  etcd: ETCD_PROGRAM,
  "k8s-component": K8S_COMPONENT_PROGRAM,
  stress: STRESS_PROGRAM,
  "vish-stress": VISH_STRESS_PROGRAM,
  interpreter: INTERPRETER,
  "python-http": PYTHON_HTTP,
  "exec-args": EXEC_ARGS,
  "nc-listener": NC_LISTENER,
  "busybox-httpd": BUSYBOX_HTTPD_PROGRAM,
  ...Object.fromEntries(DEMO_NAMES.map((n) => [n, demoProgram(n)])),
};

/** Utilities by name. Which of them an image has depends on its toolbox (see executables.ts). */
export const TOOLS: Readonly<Record<string, Command>> = {
  ...TEXT_TOOLS,
  ...FILE_TOOLS,
  ...SYSTEM_TOOLS,
  ...NET_TOOLS,
  sed: filterCommand(SED_FILTER),
  awk: filterCommand(AWK_FILTER),
  httpd: BUSYBOX_HTTPD,
  busybox,
  "redis-cli": REDIS_CLI,
  pg_isready: PG_ISREADY,
  mysqladmin: MYSQLADMIN,
  "mariadb-admin": MYSQLADMIN,
};

/** The utilities that work through a pipe's lines as they arrive (see sh/stage-io.ts); each is also in TOOLS. */
export const FILTERS: Readonly<Record<string, Filter<unknown>>> = { ...TEXT_FILTERS, ...HEAD_FILTERS, sed: SED_FILTER, awk: AWK_FILTER };

/** Tools a Debian-based image lacks unless it installs them (procps, wget, curl, netcat). */
const NOT_IN_DEBIAN = new Set(["ps", "free", "wget", "curl", "nc", "nslookup", "httpd", "busybox", "top", "redis-cli", "pg_isready", "mysqladmin", "mariadb-admin"]);
/** Tools BusyBox has no applet for. */
const NOT_IN_BUSYBOX = new Set(["curl", "redis-cli", "pg_isready", "mysqladmin", "mariadb-admin"]);

/** Whether a toolbox has utility `name`; `alpine`: Alpine's BusyBox, which leaves some applets to busybox-extras. */
export function toolInToolbox(name: string, toolbox: "busybox" | "gnu" | "none", extra: readonly string[], alpine: boolean): boolean {
  if (!(name in TOOLS) && name !== "[" && name !== "test") return false;
  if (extra.includes(name)) return true;
  if (toolbox === "busybox") return !NOT_IN_BUSYBOX.has(name) && !(alpine && NOT_IN_ALPINE_BUSYBOX.has(name));
  if (toolbox === "gnu") return !NOT_IN_DEBIAN.has(name);
  return false;
}
