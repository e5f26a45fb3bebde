/**
 * The persistence tests run once per database kubelab supports:
 *
 *   describe.each(TEST_PROVIDERS)("prismaWorkspaces on %s", (provider) => {
 *     const database = suiteDatabase(provider, (db) => users(db, "alice"));
 *     it("…", async () => { await prismaWorkspaces(database()).load("alice", "lesson:a"); });
 *   });
 *
 * Without a test PostgreSQL server the PostgreSQL suite is skipped with the reason,
 * except in CI, where it fails (see test-postgres.ts).
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseProvider } from "../../../prisma/database-target";
import type { Connection, Db } from "../db";
import { migratedDatabase, type TestDatabase } from "./test-db";
import { NO_TEST_POSTGRES, testPostgresUrl } from "./test-postgres";

export const TEST_PROVIDERS: readonly DatabaseProvider[] = ["sqlite", "postgresql"];

// Creating a database and applying every migration through the Wasm schema
// engine can outlast vitest's default 10 s hook timeout on a busy machine.
const SETUP_TIMEOUT_MS = 60_000;

/**
 * Gives the enclosing describe a fresh migrated database, made before its first test
 * (then `seed` runs) and deleted after its last. Returns the client, to call inside tests.
 */
export function suiteDatabase(provider: DatabaseProvider, seed?: (db: Db) => Promise<void>): () => Db {
  const connection = suiteConnection(provider, seed);
  return () => connection().db;
}

/** As suiteDatabase, but returns the whole connection (on SQLite, the way to its better-sqlite3 connection too). */
export function suiteConnection(provider: DatabaseProvider, seed?: (db: Db) => Promise<void>): () => Connection {
  let database: TestDatabase | undefined;
  let skipped = false;
  beforeAll(async () => {
    // Asked here rather than while collecting, so that in CI a missing server
    // fails this suite's tests and leaves the other provider's running.
    skipped = provider === "postgresql" && testPostgresUrl() === undefined;
    if (skipped) {
      // The note of a skipped test shows only in the verbose reporter; this line shows in all.
      console.warn(NO_TEST_POSTGRES);
      return;
    }
    database = await migratedDatabase(provider);
    await seed?.(database.db);
  }, SETUP_TIMEOUT_MS);
  beforeEach((context) => {
    if (skipped) context.skip(NO_TEST_POSTGRES);
  });
  afterAll(() => database?.close());
  return () => {
    if (!database) throw new Error(`the ${provider} test database exists only while the suite's tests run`);
    return database;
  };
}
