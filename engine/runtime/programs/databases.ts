/**
 * PostgreSQL and MySQL/MariaDB as their official images start them: a missing password
 * variable stops the entrypoint with its real message (the classic CrashLoopBackOff),
 * otherwise the database initialises, then accepts connections a few seconds later.
 * Memcached and MongoDB simply listen.
 */
import { strftime } from "../../shell/coreutils/date";
import type { Command } from "../sh/command";
import { MI, daemon, type Program } from "./program";

const POSTGRES_READY_MS = 3_000;
const MYSQL_READY_MS = 15_000;

const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

function pgTime(ms: number): string {
  return `${strftime("%Y-%m-%d %H:%M:%S", ms)}.${String(ms % 1000).padStart(3, "0")} UTC`;
}

export const POSTGRES_PROGRAM: Program = {
  run: (ctx) => {
    const pgdata = ctx.env.PGDATA ?? "/var/lib/postgresql/data";
    const version = ctx.sys.image.variant.version;
    const initialised = ctx.fs.stat(`${pgdata}/PG_VERSION`) !== undefined;
    const lines: string[] = [];
    if (initialised) lines.push("", "PostgreSQL Database directory appears to contain a database; Skipping initialization", "");
    else {
      if (!ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
        ctx.err(POSTGRES_NO_PASSWORD);
        return 1;
      }
      ctx.fs.mkdir(pgdata, true);
      ctx.fs.write(`${pgdata}/PG_VERSION`, `${version.split(".")[0]}\n`, false);
      lines.push(
        `The files belonging to this database system will be owned by user "postgres".`,
        "This user must also own the server process.",
        "",
        `The database cluster will be initialized with locale "en_US.utf8".`,
        `The default database encoding has accordingly been set to "UTF8".`,
        `The default text search configuration will be set to "english".`,
        "",
        "Data page checksums are disabled.",
        "",
        `fixing permissions on existing directory ${pgdata} ... ok`,
        "creating subdirectories ... ok",
        "selecting dynamic shared memory implementation ... posix",
        "selecting default \"max_connections\" ... 100",
        "selecting default \"shared_buffers\" ... 128MB",
        "selecting default time zone ... Etc/UTC",
        "creating configuration files ... ok",
        "running bootstrap script ... ok",
        "performing post-bootstrap initialization ... ok",
        "syncing data to disk ... ok",
        "",
        "",
        "Success. You can now start the database server using:",
        "",
        `    pg_ctl -D ${pgdata} -l logfile start`,
        "",
        "PostgreSQL init process complete; ready for start up.",
        "",
      );
    }
    const t = pgTime(ctx.now + POSTGRES_READY_MS);
    const major = version.split(".")[0];
    lines.push(
      `${t} [1] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${t} [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${t} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${t} [1] LOG:  database system is ready to accept connections`,
    );
    ctx.out(lines.map((l) => `${l}\n`).join(""));
    return daemon("postgres", ctx.argv, ctx.pid, ctx.now, { major, readyAt: String(ctx.now + (initialised ? 1_000 : POSTGRES_READY_MS)) });
  },
  listeners: (d) => [{ port: 5432, proto: "tcp", readyAt: Number(d.data.readyAt) }],
  stop: (_d, ctx) => {
    const t = pgTime(ctx.now);
    ctx.log("stdout", [`${t} [1] LOG:  received fast shutdown request`, `${t} [1] LOG:  aborting any active transactions`, `${t} [1] LOG:  background worker "logical replication launcher" (PID 70) exited with exit code 1`, `${t} [65] LOG:  shutting down`, `${t} [1] LOG:  database system is shut down`].map((l) => `${l}\n`).join(""));
    return { afterMs: 200, code: 0 };
  },
  usage: () => ({ memory: 38 * MI, cpu: 0.003 }),
};

export const PG_ISREADY: Command = (ctx) => {
  const host = ctx.argv[ctx.argv.indexOf("-h") + 1];
  const where = ctx.argv.includes("-h") && host ? `${host}:5432` : "/var/run/postgresql:5432";
  const dial = ctx.sys.dial(ctx.argv.includes("-h") && host ? host : "127.0.0.1", 5432);
  const up = dial.kind === "tcp" && dial.daemon.program === "postgres";
  ctx.out(`${where} - ${up ? "accepting connections" : "no response"}\n`);
  return up ? 0 : 2;
};

function mysqlTime(ms: number): string {
  return `${strftime("%Y-%m-%d %H:%M:%S", ms)}+00:00`;
}

/** mysqld / mariadbd behind docker-entrypoint.sh. */
export function mysqlProgram(product: "MySQL" | "MariaDB"): Program {
  const prefix = product === "MySQL" ? "MYSQL" : "MARIADB";
  return {
    run: (ctx) => {
      const t = mysqlTime(ctx.now);
      const version = `${ctx.sys.image.variant.version}${product === "MySQL" ? "-1.el9" : ""}`;
      const note = (msg: string): string => `${t} [Note] [Entrypoint]: ${msg}\n`;
      const has = (suffix: string): boolean => Boolean(ctx.env[`${prefix}_${suffix}`] ?? ctx.env[`MYSQL_${suffix}`]);
      let out = note(`Entrypoint script for ${product} Server ${version} started.`) + note(`Switching to dedicated user 'mysql'`) + note(`Entrypoint script for ${product} Server ${version} started.`);
      if (!has("ROOT_PASSWORD") && !has("ALLOW_EMPTY_PASSWORD") && !has("RANDOM_ROOT_PASSWORD")) {
        ctx.out(out);
        ctx.err(`${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - ${prefix}_ROOT_PASSWORD\n    - ${prefix}_ALLOW_EMPTY_PASSWORD\n    - ${prefix}_RANDOM_ROOT_PASSWORD\n`);
        return 1;
      }
      out += note("Initializing database files") + note("Database files initialized") + note("Starting temporary server") + note("Temporary server started.") + note("Stopping temporary server") + note("Temporary server stopped") + "\n" + note(`${product} init process done. Ready for start up.`) + "\n";
      ctx.out(out);
      ctx.err(`${strftime("%Y-%m-%dT%H:%M:%S", ctx.now + MYSQL_READY_MS)}.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${ctx.sys.image.variant.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  ${product} Community Server - GPL.\n`);
      return daemon(product === "MySQL" ? "mysql" : "mariadb", ctx.argv, ctx.pid, ctx.now, { readyAt: String(ctx.now + MYSQL_READY_MS) });
    },
    listeners: (d) => [{ port: 3306, proto: "tcp", readyAt: Number(d.data.readyAt) }, { port: 33060, proto: "tcp", readyAt: Number(d.data.readyAt) }],
    stop: () => ({ afterMs: 1_500, code: 0 }),
    usage: () => ({ memory: (product === "MySQL" ? 365 : 95) * MI, cpu: 0.005 }),
  };
}

export const MYSQLADMIN: Command = (ctx) => {
  if (!ctx.argv.includes("ping")) {
    ctx.err(`${ctx.argv[0]}: [ERROR] Unknown command or option\n`);
    return 1;
  }
  const dial = ctx.sys.dial("127.0.0.1", 3306);
  if (dial.kind === "tcp" && (dial.daemon.program === "mysql" || dial.daemon.program === "mariadb")) {
    ctx.out("mysqld is alive\n");
    return 0;
  }
  ctx.err(`${ctx.argv[0]}: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n`);
  return 1;
};

export const MEMCACHED_PROGRAM: Program = {
  run: (ctx) => daemon("memcached", ctx.argv, ctx.pid, ctx.now),
  listeners: () => [{ port: 11211, proto: "tcp" }],
  stop: () => ({ afterMs: 5, code: 0 }),
  usage: () => ({ memory: 2.1 * MI, cpu: 0.001 }),
};

export const MONGOD_PROGRAM: Program = {
  run: (ctx) => {
    ctx.out(`{"t":{"$date":"${strftime("%Y-%m-%dT%H:%M:%S", ctx.now)}.000+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}\n`);
    return daemon("mongod", ctx.argv, ctx.pid, ctx.now);
  },
  listeners: () => [{ port: 27017, proto: "tcp" }],
  stop: () => ({ afterMs: 300, code: 0 }),
  usage: () => ({ memory: 160 * MI, cpu: 0.004 }),
};
