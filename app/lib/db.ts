import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { resolveDatabaseTarget, type DatabaseProvider } from "../../prisma/database-target";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { sqliteAdapter } from "./sqlite-connection";

// The one place the app reaches the database. DATABASE_URL picks SQLite (the
// default, data/kubelab.db) or PostgreSQL; both clients are generated from
// prisma/schema.prisma by `npm install`.

export type Db = SqliteClient;

export interface Connection {
  readonly provider: DatabaseProvider;
  readonly db: Db;
  /** On SQLite, the connection the client opened (see sqlite-connection.ts). */
  readonly opened?: () => Database.Database | undefined;
}

// Kept on globalThis so that `next dev`'s module reloads reuse one connection.
const cache = globalThis as typeof globalThis & { kubelabDb?: Connection };

function connect(): Connection {
  const target = resolveDatabaseTarget(process.env.DATABASE_URL, process.cwd());
  if (target.provider === "sqlite") {
    const { adapter, opened } = sqliteAdapter(target.url);
    const db = new SqliteClient({ adapter });
    // Every command saves its workspace: in the default journal mode each write fsyncs on
    // the event loop (1–15 ms), in WAL with synchronous=NORMAL it appends (under 1 ms) and
    // still survives the process being killed; only a power cut can lose the last writes.
    void db
      .$queryRawUnsafe("PRAGMA journal_mode = WAL")
      .then(() => db.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
      .catch((e: unknown) => console.error("SQLite stays in its default journal mode:", e));
    return { provider: "sqlite", db, opened };
  }
  const postgres = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  // The two clients differ only where SQLite offers less (one transaction
  // isolation level, no case-insensitive mode), so code typed against the
  // SQLite client runs on PostgreSQL too. One exception: Json `path` filters
  // take a string on SQLite and a string[] on PostgreSQL; do not use them.
  return { provider: "postgresql", db: postgres as unknown as Db };
}

/** The shared Prisma client and the provider it talks to. */
export function database(): Connection {
  cache.kubelabDb ??= connect();
  return cache.kubelabDb;
}
