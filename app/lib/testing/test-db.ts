/**
 * A fresh, migrated database for tests of the data layer, on either provider: SQLite
 * in a temporary folder, or a throwaway database on the test PostgreSQL server.
 * Migrations are applied the way `npm run db:deploy` applies them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabaseTarget, type DatabaseProvider } from "../../../prisma/database-target";
import { PrismaClient as PostgresClient } from "../../../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../../../prisma/generated/sqlite/client";
import { applyMigrations } from "../../../scripts/db/migrate";
import type { Connection, Db } from "../db";
import { sqliteAdapter } from "../sqlite-connection";
import { createThrowawayDatabase, NO_TEST_POSTGRES, testPostgresUrl } from "./test-postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export type TestDatabase = Connection & { close: () => Promise<void> };

async function migratedSqlite(): Promise<TestDatabase> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "kubelab-db-"));
  const target = resolveDatabaseTarget(`file:${path.join(tmp, "t.db")}`, tmp);
  await applyMigrations(target, { root });
  const { adapter, opened } = sqliteAdapter(target.url);
  const db = new SqliteClient({ adapter });
  return {
    provider: "sqlite",
    db,
    opened,
    close: async () => {
      await db.$disconnect();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

async function migratedPostgres(serverUrl: string): Promise<TestDatabase> {
  const database = await createThrowawayDatabase(serverUrl);
  try {
    await applyMigrations(resolveDatabaseTarget(database.url, root), { root });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  return {
    provider: "postgresql",
    // Typed as the SQLite client, as app/lib/db.ts does: the code under test is too.
    db: client as unknown as Db,
    close: async () => {
      await client.$disconnect();
      await database.drop();
    },
  };
}

/**
 * A new database with every migration applied. PostgreSQL needs the server of
 * KUBELAB_TEST_POSTGRES_URL; without it this fails with the reason.
 */
export async function migratedDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  if (provider === "sqlite") return migratedSqlite();
  const serverUrl = testPostgresUrl();
  if (!serverUrl) throw new Error(NO_TEST_POSTGRES);
  return migratedPostgres(serverUrl);
}

/** Users named by id, with the fields better-auth requires. */
export async function users(db: Db, ...ids: string[]): Promise<void> {
  await db.user.createMany({ data: ids.map((id) => ({ id, name: id, email: `${id}@example.com` })) });
}
