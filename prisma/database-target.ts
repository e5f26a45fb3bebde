import path from "node:path";

// Which database kubelab talks to, decided once from DATABASE_URL so that the
// app, the migration runner and prisma.config.ts always agree.

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/kubelab.db";

/** Where each provider keeps the files Prisma reads, relative to the project root. */
export const PROVIDER_PATHS: Record<DatabaseProvider, { schema: string; migrations: string; client: string }> = {
  sqlite: {
    schema: "prisma/schema.prisma",
    migrations: "prisma/migrations",
    client: "prisma/generated/sqlite",
  },
  postgresql: {
    schema: "prisma/generated/postgresql.prisma",
    migrations: "prisma/postgresql/migrations",
    client: "prisma/generated/postgresql",
  },
};

/**
 * Reads a database URL: `file:<path>` is SQLite (a relative path is taken from
 * `root`), `postgres://` or `postgresql://` is PostgreSQL. An empty or missing
 * URL means the embedded default.
 */
export function resolveDatabaseTarget(url: string | undefined, root: string): DatabaseTarget {
  const raw = url?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgresql", url: raw };
  if (raw.startsWith("file:")) {
    const file = path.resolve(root, raw.slice("file:".length).replace(/\?.*$/, ""));
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(
    `DATABASE_URL "${raw}" is not supported: use file:<path> for SQLite or postgresql://… for PostgreSQL`,
  );
}
