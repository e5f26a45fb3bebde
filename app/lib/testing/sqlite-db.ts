/** A fresh, migrated SQLite database in a temporary folder, for tests of the data layer. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseTarget } from "../../../prisma/database-target";
import { PrismaClient } from "../../../prisma/generated/sqlite/client";
import { applyMigrations } from "../../../scripts/db/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export async function migratedSqlite(): Promise<{ db: PrismaClient; close: () => Promise<void> }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "kubelab-db-"));
  const target = resolveDatabaseTarget(`file:${path.join(tmp, "t.db")}`, tmp);
  await applyMigrations(target, { root });
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url }) });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Users named by id, with the fields better-auth requires. */
export async function users(db: PrismaClient, ...ids: string[]): Promise<void> {
  await db.user.createMany({ data: ids.map((id) => ({ id, name: id, email: `${id}@example.com` })) });
}
