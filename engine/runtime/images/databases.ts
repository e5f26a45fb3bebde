/** Data stores: Redis, PostgreSQL, MySQL and MariaDB, Memcached, MongoDB. */
import { DEFAULT_PATH, sizeFor, tagVersion, type ImageSpec, type TagTable } from "../image-spec";

function versioned(table: TagTable, size: number, alpineSize: number): ImageSpec["variant"] {
  return (tag) => {
    const t = tagVersion(table, tag);
    return t ? { version: t.version, alpine: t.alpine, sizeBytes: sizeFor(t.alpine ? alpineSize : size, tag) } : undefined;
  };
}

const REDIS_TAGS: TagTable = {
  named: { latest: "8.2.1", alpine: "8.2.1", bookworm: "8.2.1" },
  lines: { "6.0": 20, "6.2": 19, "7.0": 15, "7.2": 10, "7.4": 5, "8.0": 3, "8.2": 1, "6": -1, "7": -1, "8": -1 },
  suffixes: ["-alpine", "-bookworm"],
};

export const REDIS: ImageSpec = {
  name: "redis",
  repositories: ["docker.io/library/redis"],
  variant: (tag) => {
    const v = versioned(REDIS_TAGS, 45_600_000, 17_200_000)(tag);
    if (!v) return undefined;
    const majors: Record<string, string> = { "6": "6.2.19", "7": "7.4.5", "8": "8.2.1" };
    return { ...v, version: majors[v.version] ?? v.version };
  },
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["redis-server"],
  workingDir: "/data",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "gnu",
  tools: ["redis-cli"],
  bash: true,
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/local/bin/redis-server": "redis", "/usr/local/bin/redis-cli": "redis-cli" },
  base: (v) => (v.alpine ? { os: "alpine", version: "3.22.2" } : { os: "debian", release: 12 }),
};

const POSTGRES_TAGS: TagTable = {
  named: { latest: "18.0", alpine: "18.0", bookworm: "18.0" },
  lines: { "12": 22, "13": 22, "14": 19, "15": 14, "16": 10, "17": 6, "18": 0 },
  suffixes: ["-alpine", "-bookworm", "-trixie"],
};

export const POSTGRES: ImageSpec = {
  name: "postgres",
  repositories: ["docker.io/library/postgres"],
  variant: versioned(POSTGRES_TAGS, 158_000_000, 106_000_000),
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["postgres"],
  workingDir: "/",
  env: (v) => ({ PATH: `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${v.version.split(".")[0]}/bin`, PG_MAJOR: v.version.split(".")[0], PG_VERSION: v.version, PGDATA: "/var/lib/postgresql/data" }),
  toolbox: "gnu",
  tools: ["pg_isready", "psql"],
  bash: true,
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/local/bin/postgres": "postgres" },
  base: (v) => (v.alpine ? { os: "alpine", version: "3.22.2" } : { os: "debian", release: 12 }),
};

const MYSQL_TAGS: TagTable = {
  named: { latest: "9.4.0", lts: "8.4.6", oracle: "9.4.0", innovation: "9.4.0" },
  lines: { "5.7": 44, "8.0": 43, "8.4": 6, "9.4": 0, "5": -1, "8": -1, "9": -1 },
  suffixes: ["-oracle", "-debian", "-oraclelinux9"],
};

export const MYSQL: ImageSpec = {
  name: "mysql",
  repositories: ["docker.io/library/mysql"],
  variant: (tag) => {
    const v = versioned(MYSQL_TAGS, 170_000_000, 170_000_000)(tag);
    if (!v) return undefined;
    const majors: Record<string, string> = { "5": "5.7.44", "8": "8.4.6", "9": "9.4.0" };
    return { ...v, version: majors[v.version] ?? v.version };
  },
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["mysqld"],
  workingDir: "/",
  env: (v) => ({ PATH: DEFAULT_PATH, MYSQL_MAJOR: v.version.split(".").slice(0, 2).join("."), MYSQL_VERSION: `${v.version}-1.el9`, MYSQL_SHELL_VERSION: v.version }),
  toolbox: "gnu",
  tools: ["mysqladmin", "mysql"],
  bash: true,
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/sbin/mysqld": "mysql" },
  base: () => ({ os: "oracle", version: "9.6" }),
};

const MARIADB_TAGS: TagTable = { named: { latest: "12.0.2", lts: "11.8.3" }, lines: { "10.6": 23, "10.11": 14, "11.4": 8, "11.8": 3, "12.0": 2, "10": -1, "11": -1 } };

export const MARIADB: ImageSpec = {
  ...MYSQL,
  name: "mariadb",
  repositories: ["docker.io/library/mariadb"],
  variant: versioned(MARIADB_TAGS, 110_000_000, 110_000_000),
  cmd: ["mariadbd"],
  env: (v) => ({ PATH: DEFAULT_PATH, MARIADB_VERSION: v.version }),
  tools: ["mariadb-admin", "mariadb"],
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/sbin/mariadbd": "mariadb" },
  base: () => ({ os: "ubuntu", version: "24.04" }),
};

export const MEMCACHED: ImageSpec = {
  name: "memcached",
  repositories: ["docker.io/library/memcached"],
  variant: versioned({ named: { latest: "1.6.39", alpine: "1.6.39" }, lines: { "1.6": 39, "1": -1 }, suffixes: ["-alpine", "-bookworm"] }, 31_000_000, 4_900_000),
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["memcached"],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "gnu",
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/local/bin/memcached": "memcached" },
  base: (v) => (v.alpine ? { os: "alpine", version: "3.22.2" } : { os: "debian", release: 13 }),
};

export const MONGO: ImageSpec = {
  name: "mongo",
  repositories: ["docker.io/library/mongo"],
  variant: versioned({ named: { latest: "8.0.13" }, lines: { "6.0": 26, "7.0": 24, "8.0": 13, "6": -1, "7": -1, "8": -1 } }, 300_000_000, 300_000_000),
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["mongod"],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "gnu",
  bash: true,
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args", "/usr/bin/mongod": "mongod" },
  base: () => ({ os: "ubuntu", version: "24.04" }),
};

/** Memory hogs from the Kubernetes docs' resource examples. */
export const STRESS: ImageSpec = {
  name: "stress",
  repositories: ["docker.io/polinux/stress", "docker.io/progrium/stress"],
  variant: (tag) => (["latest", "1.0.4"].includes(tag) ? { version: "1.0.4", alpine: true, sizeBytes: sizeFor(4_000_000, tag) } : undefined),
  entrypoint: [],
  cmd: [],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "busybox",
  programs: { "/usr/local/bin/stress": "stress", "/usr/bin/stress": "stress" },
  base: () => ({ os: "alpine", version: "3.7.0" }),
};

/** vish/stress (the docs' CPU example): `-cpus N` burns N cores. */
export const VISH_STRESS: ImageSpec = {
  name: "vish-stress",
  repositories: ["docker.io/vish/stress"],
  variant: (tag) => (tag === "latest" ? { version: "latest", alpine: false, sizeBytes: 2_400_000 } : undefined),
  entrypoint: ["/stress", "-logtostderr"],
  cmd: [],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "none",
  programs: { "/stress": "vish-stress" },
  base: () => ({ os: "scratch" }),
};
